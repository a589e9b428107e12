import { describe, expect, it } from 'vitest';
import { createAppI18n, type Locale } from '../i18n';
import { errorText, noticeText, type Translator } from './node-messages';

function translator(locale: Locale): Translator {
  const { t, te } = createAppI18n(locale).global;
  return { t: (key, params) => t(key, params ?? {}), te: (key) => te(key) };
}

const sessionLogStopped = {
  code: 'feed.session-log-stopped',
  params: { name: 'Prices', error: 'ENOSPC' },
  message: 'The session log of “Prices” stopped: ENOSPC. (English from the core)',
};

describe('rendering a notice from the Node side', () => {
  it('fills the text of its code with its parameters in English', () => {
    expect(noticeText(translator('en'), sessionLogStopped)).toBe(
      'The session log of “Prices” stopped: ENOSPC. Live events continue; free disk space and reopen the feed to log again.',
    );
  });

  it('says the same notice in Simplified Chinese', () => {
    const text = noticeText(translator('zh-CN'), sessionLogStopped);
    expect(text).toContain('“Prices”的会话日志已停止：ENOSPC');
    expect(text).not.toMatch(/session log/i);
  });

  it('translates a damaged settings file with the name it was moved to', () => {
    const text = noticeText(translator('zh-CN'), {
      code: 'settings.reset',
      params: { reason: 'not valid JSON', file: 'settings.corrupt-1.json', settings: 'theme' },
      message: 'English',
    });
    expect(text).toBe(
      '设置文件已损坏（not valid JSON），已移到一旁并命名为 settings.corrupt-1.json。以下设置已恢复为默认值：theme。',
    );
  });

  it('shows the English message of a code the page does not know', () => {
    const notice = {
      code: 'store.from-the-future',
      params: {},
      message: 'Something new happened.',
    };
    expect(noticeText(translator('zh-CN'), notice)).toBe('Something new happened.');
  });

  it('shows the English message of a notice without a code', () => {
    expect(noticeText(translator('zh-CN'), { message: 'Plain message.' })).toBe('Plain message.');
  });

  it('never takes the label of the notice list for a notice', () => {
    expect(noticeText(translator('en'), { code: 'name', message: 'Real text.' })).toBe(
      'Real text.',
    );
  });
});

describe('rendering a failed command', () => {
  it('gives a translated headline for the code and the server message as detail', () => {
    const error = { code: 'not-found', message: 'No workspace "w1".' } as const;
    expect(errorText(translator('en'), error)).toBe('Not found: No workspace "w1".');
    expect(errorText(translator('zh-CN'), error)).toBe('未找到：No workspace "w1".');
  });

  it('has a headline for every error code in both languages', () => {
    const codes = [
      'invalid-input',
      'forbidden',
      'not-found',
      'unknown-channel',
      'unavailable',
      'internal',
      'invalid-certificate',
      'dialog-unavailable',
    ] as const;
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const code of codes) {
        expect(errorText(translator(locale), { code, message: '' })).not.toBe('');
        expect(translator(locale).te(`shell.errors.${code}`)).toBe(true);
      }
    }
  });
});
