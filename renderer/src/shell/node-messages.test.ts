import { describe, expect, it } from 'vitest';
import type { I18n } from 'vue-i18n';
import { createAppI18n, i18n, type Locale } from '../i18n';
import { loadImportNotes, mergeImportNotes } from '../i18n/import-notes';
import * as en from '../i18n/locales/en/import-notes';
import * as zh from '../i18n/locales/zh-CN/import-notes';
import {
  describeImportNotes,
  errorText,
  importNoteText,
  noticeText,
  translatedError,
  type Translator,
} from './node-messages';
import { IMPORT_NOTE_CODES, type ImportNote } from '../../../shared/import-notes';
import {
  CA_FILE_CAUSES,
  encodeMigrationNotes,
  MIGRATION_NOTE_CODES,
  type MigrationNote,
} from '../../../shared/migration-notes';
import { DAMAGE_REASON_CODES } from '../../../shared/api/damage-reasons';
import { ERROR_REASONS } from '../../../shared/result';

function translator(locale: Locale): Translator {
  const instance = createAppI18n(locale);
  mergeImportNotes(instance as unknown as I18n, en.importNotes, zh.importNotes);
  const { t, te } = instance.global;
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

  it('translates a damaged settings file, its reason and the settings reset by their labels', () => {
    const text = noticeText(translator('zh-CN'), {
      code: 'settings.reset',
      params: {
        reason: 'some settings had invalid values',
        reasonCode: 'invalid-values',
        file: 'settings.corrupt-1.json',
        settings: 'theme, storeUnprotectedSecrets',
      },
      message: 'English',
    });
    expect(text).toBe(
      '设置文件已损坏（部分设置的值无效），已移到一旁并命名为 settings.corrupt-1.json。以下设置已恢复为默认值：主题、不使用密钥环保护，直接把机密保存到磁盘。',
    );
  });

  it('names the reset settings by the labels of the Settings dialog in English', () => {
    const text = noticeText(translator('en'), {
      code: 'settings.reset',
      params: {
        reason: 'r',
        reasonCode: 'empty',
        file: 'f',
        settings: 'language,logRetentionBytes',
      },
      message: 'English',
    });
    expect(text).toContain('(the file is empty)');
    expect(text).toContain('Language, Keep session logs up to (MB)');
  });

  it('keeps the English reason of a reason code the page does not know', () => {
    const text = noticeText(translator('zh-CN'), {
      code: 'store.index-rebuilt',
      params: { reason: 'a brand-new kind of damage', reasonCode: 'other' },
      message: 'English',
    });
    expect(text).toBe('已根据磁盘上的文件重建工作区列表（a brand-new kind of damage）。');
  });

  it('names a workspace by its name in a store notice', () => {
    const text = noticeText(translator('zh-CN'), {
      code: 'store.unrecoverable',
      params: { workspaceId: 'k3j9', workspace: 'Payments API', corruptFile: 'k3j9.corrupt.json' },
      message: 'English',
    });
    expect(text).toContain('工作区“Payments API”已损坏');
    expect(text).not.toContain('k3j9.json');
  });

  it('words what a migration changed in Chinese from its codes, not the English details', () => {
    const notes: MigrationNote[] = [
      {
        code: 'ca-file-removed',
        params: { endpoint: 'Chat', file: '/etc/passwd', cause: 'no-certificate' },
        message:
          'Endpoint "Chat": the CA file setting was removed (…); attach the certificate again.',
      },
    ];
    const text = noticeText(translator('zh-CN'), {
      code: 'store.migrated',
      params: {
        workspace: 'Payments',
        fromVersion: 1,
        toVersion: 3,
        backupFile: 'w1.v1.json',
        details: notes[0]!.message,
        detailCodes: encodeMigrationNotes(notes),
      },
      message: 'English',
    });
    expect(text).toContain('端点“Chat”：已移除 CA 文件设置（文件中没有证书）；请重新附加证书。');
    expect(text).not.toMatch(/CA file setting|attach/);
  });

  it('names the secrets to re-enter with the words for header and proxy in Chinese', () => {
    const text = noticeText(translator('zh-CN'), {
      code: 'store.secrets-need-reentry',
      params: {
        workspace: 'Payments',
        fields: 'Chat › header Authorization, Chat › proxy, {{token}}',
      },
      message: 'English',
    });
    expect(text).toContain('Chat › 请求头 Authorization, Chat › 代理, {{token}}');
  });

  it('has a text for every migration note and cause in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const code of MIGRATION_NOTE_CODES)
        expect(translator(locale).te(`shell.migrationNotes.${code}`), code).toBe(true);
      for (const cause of CA_FILE_CAUSES)
        expect(translator(locale).te(`shell.migrationNotes.causes.${cause}`), cause).toBe(true);
    }
  });

  it('has a text for every damage reason code in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const code of DAMAGE_REASON_CODES.filter((c) => c !== 'other')) {
        expect(translator(locale).te(`shell.reasons.${code}`), `${locale} ${code}`).toBe(true);
      }
    }
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

describe('rendering a failed command that names its reason', () => {
  it('words a damaged workspace file wholly in Chinese instead of the Node side English', () => {
    const error = {
      code: 'internal',
      message: 'workspaces:get failed: Workspace file w1.json was damaged (not JSON)…',
      reason: 'store-unrecoverable',
    } as const;
    const text = errorText(translator('zh-CN'), error);
    expect(text).toBe('出现错误：工作区文件已损坏且没有可用的备份；文件已移到一旁，留待手动修复');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('fills a message size and its limit as sizes people read', () => {
    const error = {
      code: 'invalid-input',
      message: 'Message too large: 70000000 bytes; the limit is 67108864 bytes.',
      reason: 'message-too-large',
      params: { bytes: 70_000_000, limit: 64 * 1024 * 1024 },
    } as const;
    expect(errorText(translator('en'), error)).toBe(
      'Invalid input: the request is 66.8 MiB; the limit is 64 MiB',
    );
    expect(errorText(translator('zh-CN'), error)).toBe(
      '输入无效：请求大小为 66.8 MiB，上限为 64 MiB',
    );
  });

  it('has a sentence for every reason in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const reason of ERROR_REASONS)
        expect(translator(locale).te(`shell.errors.reasons.${reason}`), `${locale} ${reason}`).toBe(
          true,
        );
  });

  it('words a refused curl paste wholly in Chinese, naming where the quote was left open', () => {
    const text = errorText(translator('zh-CN'), {
      code: 'invalid-input',
      message: 'could not read the command line as bash: unterminated single quote starting at …',
      reason: 'import-unterminated',
      params: { shell: 'bash', symbol: "'", line: 1, column: 6 },
    });
    expect(text).toBe("输入无效：无法按 bash 读取命令行：第 1 行第 6 列的 ' 没有闭合");
  });

  it('names the fields of a refused Postman collection by their paths only', () => {
    const error = {
      code: 'invalid-input',
      message: 'the Postman collection is not valid v2.1: item.0.name: Expected string',
      reason: 'import-postman-invalid',
      params: { paths: 'item.0.name' },
    } as const;
    expect(errorText(translator('zh-CN'), error)).toBe(
      '输入无效：Postman 集合不是有效的 v2.1 格式（字段：item.0.name）',
    );
    expect(errorText(translator('en'), error)).toBe(
      'Invalid input: the Postman collection is not valid v2.1 (fields: item.0.name)',
    );
  });

  it('gives the size limit of a refused CA file as a size people read', () => {
    const text = errorText(translator('zh-CN'), {
      code: 'invalid-certificate',
      message: 'big.pem is larger than 1 MiB; a CA certificate file is a few kilobytes.',
      reason: 'ca-too-large',
      params: { fileName: 'big.pem', limit: 1024 * 1024 },
    });
    expect(text).toBe('不是证书文件：big.pem 大于 1 MiB；CA 证书文件通常只有几 KB');
  });
});

describe('rendering what an import skipped', () => {
  it('has a sentence for every import note in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const code of IMPORT_NOTE_CODES)
        expect(translator(locale).te(`workspaces.importNotes.${code}`), `${locale} ${code}`).toBe(
          true,
        );
  });

  it('words an ignored curl option in Chinese with the option as written', () => {
    const text = importNoteText(translator('zh-CN'), {
      code: 'curl-option-unknown',
      params: { option: '--frobnicate' },
      message: 'unknown curl option --frobnicate was ignored',
    });
    expect(text).toBe('已忽略未知的 curl 选项 --frobnicate');
  });

  it('says which Postman request a note is about before the note', () => {
    const note = {
      code: 'postman-auth-unsupported',
      params: { auth: 'hawk', where: 'Admin / Stream' },
      message: 'Admin / Stream: "hawk" auth is not supported; add its header by hand',
    } as const;
    expect(importNoteText(translator('zh-CN'), note)).toBe(
      'Admin / Stream：不支持“hawk”认证；请手动添加对应的请求头',
    );
    expect(importNoteText(translator('en'), note)).toBe(
      'Admin / Stream: “hawk” auth is not supported; add its header by hand',
    );
  });

  it('keeps the English of a note whose code the page does not know', () => {
    const note = { code: 'from-the-future', params: {}, message: 'Something new.' };
    expect(importNoteText(translator('zh-CN'), note as unknown as ImportNote)).toBe(
      'Something new.',
    );
  });

  it('joins the notes of an import in the language of the page', async () => {
    await loadImportNotes();
    const notes: ImportNote[] = [
      { code: 'curl-insecure', params: {}, message: 'a' },
      { code: 'url-no-scheme', params: { tool: 'curl' }, message: 'b' },
    ];
    i18n.global.locale.value = 'zh-CN';
    try {
      expect(describeImportNotes(notes)).toBe(
        '-k/--insecure：与 curl 一样，此端点不检查证书；URL 没有协议；已像 curl 一样假定为 http://',
      );
    } finally {
      i18n.global.locale.value = 'en';
    }
  });
});

describe('an error a store keeps', () => {
  it('is reworded when the language changes after it happened', () => {
    const { failure, text } = translatedError();
    failure.value = { code: 'unavailable', message: '' };
    expect(text.value).toBe('Not available right now');
    i18n.global.locale.value = 'zh-CN';
    try {
      expect(text.value).toBe('暂时不可用');
    } finally {
      i18n.global.locale.value = 'en';
    }
    failure.value = null;
    expect(text.value).toBeNull();
  });
});
