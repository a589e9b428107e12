import { afterEach, describe, expect, it } from 'vitest';
import {
  CloseReasonSchema,
  ConnectionErrorCodeSchema,
  type ConnectionError,
  type ConnectionState,
} from '../../../shared/model/connection-state';
import { i18n } from '../i18n';
import { describeState } from './format';

afterEach(() => {
  i18n.global.locale.value = 'en';
});

const base = { at: 0, attempt: 1 };
const url = 'http://127.0.0.1:4000/s';

/** One error of every code, with the params the engine (electron/core/sse/errors.ts) adds. */
const ERRORS: Record<ConnectionError['code'], ConnectionError> = {
  'invalid-request': { code: 'invalid-request', message: 'bad header', url },
  'http-status': {
    code: 'http-status',
    message: 'HTTP 500 Internal Server Error from …',
    url,
    status: 500,
    statusText: 'Internal Server Error',
  },
  'content-type': {
    code: 'content-type',
    message: 'answered with Content-Type text/html …',
    url,
    status: 200,
    params: { contentType: 'text/html' },
  },
  network: {
    code: 'network',
    message: 'could not connect …',
    url,
    params: { phase: 'connect', cause: 'ECONNREFUSED' },
  },
  'connect-timeout': { code: 'connect-timeout', message: 'no response …', params: { ms: 5000 } },
  'idle-timeout': { code: 'idle-timeout', message: 'no bytes …', params: { ms: 30000 } },
  'event-too-large': { code: 'event-too-large', message: 'event …', params: { bytes: 1048576 } },
  'too-many-redirects': { code: 'too-many-redirects', message: 'more than 20 …' },
  'bad-redirect': { code: 'bad-redirect', message: 'redirect …' },
};

/** Every line a state can show, with the English the engine put in it. */
function everyState(): ConnectionState[] {
  return [
    ...ConnectionErrorCodeSchema.options.map((code): ConnectionState => ({
      type: 'failed',
      ...base,
      attempt: 3,
      error: ERRORS[code],
    })),
    ...ConnectionErrorCodeSchema.options.map((code): ConnectionState => ({
      type: 'retrying',
      ...base,
      delayMs: 2000,
      until: 2000,
      reason: 'English reason from the engine',
      retry: 2,
      maxAttempts: 5,
      error: ERRORS[code],
    })),
    {
      type: 'retrying',
      ...base,
      delayMs: 1000,
      until: 1000,
      reason: 'the server ended the stream',
      retry: 1,
      maxAttempts: null,
    },
    ...CloseReasonSchema.options.map((reason): ConnectionState => ({
      type: 'closed',
      ...base,
      reason,
      message: 'the stream sent its terminator: the run is over, no reconnect',
    })),
  ];
}

describe('the state line of a feed', () => {
  it('reads every failure, retry and close entirely in Simplified Chinese', () => {
    i18n.global.locale.value = 'zh-CN';
    for (const state of everyState()) {
      // Only names may stay Latin: the URL, the status line, a content type, KiB.
      const words = describeState(state)
        .replace(url, '')
        .replace(/Internal Server Error|text\/html|text\/event-stream|Content-Type|HTTP|KiB/g, '');
      expect(words, JSON.stringify(state)).not.toMatch(/[a-z]{3,}/i);
    }
  });

  it('names the status, the content type and the network cause of a failed feed', () => {
    i18n.global.locale.value = 'zh-CN';
    const failed = (code: ConnectionError['code']): string =>
      describeState({ type: 'failed', ...base, error: ERRORS[code] });
    expect(failed('http-status')).toBe(`失败 — ${url} 返回 HTTP 500 Internal Server Error`);
    expect(failed('content-type')).toContain('text/html');
    expect(failed('network')).toContain('连接被拒绝');
    expect(failed('idle-timeout')).toContain('30 秒');
  });

  it('says the same in English, not with the engine sentence', () => {
    const text = describeState({
      type: 'retrying',
      ...base,
      delayMs: 1500,
      until: 1500,
      reason: 'engine sentence',
      retry: 1,
      maxAttempts: 5,
      error: ERRORS.network,
    });
    expect(text).toBe(
      `retrying in 1.5 s (retry 1 of 5) — could not connect to ${url}: connection refused`,
    );
  });

  it('shows an unknown network cause as its code', () => {
    const error: ConnectionError = {
      ...ERRORS.network,
      params: { phase: 'read', cause: 'EWHATEVER' },
    };
    expect(describeState({ type: 'failed', ...base, error })).toContain(
      `connection to ${url} lost: EWHATEVER`,
    );
  });
});
