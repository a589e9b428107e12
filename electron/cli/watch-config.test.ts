import { describe, expect, it } from 'vitest';
import { buildWatchConfig, UsageError, type WatchFlags } from './watch-config';

const env = { stdoutIsTty: false, readFile: () => new Uint8Array([1, 2, 3]) };
const flags = (extra: Partial<WatchFlags> = {}): WatchFlags => ({ retry: true, ...extra });

describe('buildWatchConfig', () => {
  it('defaults to a GET that reconnects, jsonl in a pipe and pretty on a terminal', () => {
    const config = buildWatchConfig('http://x.test/s', flags(), env);
    expect(config.request).toMatchObject({ method: 'GET', headers: [], body: null });
    expect(config.retry).toMatchObject({ enabled: true, reconnectOnEnd: true, maxAttempts: null });
    expect(config.format).toBe('jsonl');
    expect(buildWatchConfig('http://x.test/s', flags(), { ...env, stdoutIsTty: true }).format).toBe(
      'pretty',
    );
  });

  it('POSTs a body by default, as JSON when it parses, and does not re-send it after an end', () => {
    const config = buildWatchConfig('http://x.test/s', flags({ data: '{"a":1}' }), env);
    expect(config.request.method).toBe('POST');
    expect(config.request.headers).toContainEqual({
      name: 'Content-Type',
      value: 'application/json',
      secret: false,
    });
    expect(config.retry.reconnectOnEnd).toBe(false);
    const text = buildWatchConfig('http://x.test/s', flags({ data: 'hello' }), env);
    expect(text.request.headers).toEqual([]);
  });

  it('keeps a Content-Type the user gave and reads --data-file as bytes', () => {
    const config = buildWatchConfig(
      'http://x.test/s',
      flags({ dataFile: 'body.bin', header: ['content-type: application/x-ndjson'] }),
      env,
    );
    expect(config.request.body).toEqual(new Uint8Array([1, 2, 3]));
    expect(config.request.headers).toHaveLength(1);
  });

  it('maps the retry flags onto the policy', () => {
    const config = buildWatchConfig(
      'http://x.test/s',
      flags({ retry: false, retryMax: 4, retryInitial: 250, retryMaxDelay: 8000 }),
      env,
    );
    expect(config.retry).toMatchObject({
      enabled: false,
      maxAttempts: 4,
      initialDelayMs: 250,
      maxDelayMs: 8000,
    });
  });

  it('collects the values of secret headers so they can be redacted', () => {
    const config = buildWatchConfig(
      'http://x.test/s',
      flags({ header: ['Authorization: Bearer t0ken', 'X-Trace: 1'] }),
      env,
    );
    expect(config.secrets).toEqual(['Bearer t0ken']);
    expect(config.request.headers[0]).toMatchObject({ secret: true });
  });

  it('rejects a last event id with a line break, which could split the header', () => {
    expect(() => buildWatchConfig('http://x.test/s', flags({ lastEventId: 'a\nb' }), env)).toThrow(
      UsageError,
    );
  });

  it('moves user:password from the URL into a Basic Authorization header, as curl does', () => {
    const config = buildWatchConfig('http://ann:p%40ss@x.test/s', flags(), env);
    expect(config.request.url).toBe('http://x.test/s');
    expect(config.request.headers).toEqual([
      { name: 'Authorization', value: `Basic ${btoa('ann:p@ss')}`, secret: true },
    ]);
    expect(config.secrets).toContain('p@ss');
    expect(config.secrets).toContain('p%40ss');
  });
});
