import { describe, expect, it } from 'vitest';
import type { ConnectionState, HeaderPair } from '../../shared/model/connection-state';
import {
  createRedactor,
  redactHeaders,
  redactStateHeaders,
  REDACTED,
  secretsOfRequest,
} from './redact';

describe('createRedactor', () => {
  it('replaces a whole secret value and its credential part alone', () => {
    const redact = createRedactor(['Bearer sk-abcdef']);
    expect(redact('got "Bearer sk-abcdef"')).toBe('got "[redacted]"');
    expect(redact('token sk-abcdef expired')).toBe('token [redacted] expired');
  });

  it('leaves text alone when there are no secrets, or only very short ones', () => {
    expect(createRedactor([])('Bearer x')).toBe('Bearer x');
    expect(createRedactor(['on'])('connection')).toBe('connection');
  });
});

describe('the one redactor of every feed door', () => {
  it('replaces base64, base64url, URL-encoded and form-encoded forms of a secret', () => {
    const secret = 'sk live/+?é';
    const redact = createRedactor([secret]);
    const bytes = Buffer.from(secret, 'utf8');
    for (const form of [
      secret,
      bytes.toString('base64'),
      bytes.toString('base64url'),
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
    ]) {
      expect(redact(`<${form}>`), form).toBe('<[redacted]>');
    }
  });

  it('replaces the user:password inside a Basic credential, decoded or not', () => {
    const basic = `Basic ${Buffer.from('alice:pa55word').toString('base64')}`;
    const redact = createRedactor([basic]);
    expect(redact('alice:pa55word')).toBe('[redacted]');
    expect(redact('password pa55word')).toBe('password [redacted]');
  });

  it('finds the secrets of a request: secret and credential-named headers, URL user and password', () => {
    const secrets = secretsOfRequest({
      url: 'http://bob:s%40cret!@127.0.0.1/x',
      headers: [
        { name: 'X-Plain', value: 'visible-value' },
        { name: 'X-Marked', value: 'marked-value', secret: true },
        { name: 'Proxy-Authorization', value: 'Basic abcd' },
        { name: 'X-Client-Key', value: 'client-key' },
      ],
    });
    expect(secrets).toEqual(
      expect.arrayContaining([
        'marked-value',
        'Basic abcd',
        'client-key',
        's@cret!',
        'bob:s@cret!',
      ]),
    );
    expect(secrets).not.toContain('visible-value');
  });

  it('redacts headers for the log by flag and by name', () => {
    expect(
      redactHeaders([
        { name: 'Accept', value: 'text/event-stream' },
        { name: 'X-Session-Token', value: 't' },
      ]),
    ).toEqual([
      { name: 'Accept', value: 'text/event-stream' },
      { name: 'X-Session-Token', value: REDACTED },
    ]);
  });
});

describe('response headers in a connection state', () => {
  const headers = [
    { name: 'content-type', value: 'text/event-stream' },
    { name: 'set-cookie', value: 'sid=abc123; HttpOnly' },
    { name: 'X-Api-Key', value: 'echoed-key' },
  ];
  const redactedHeaders = [
    { name: 'content-type', value: 'text/event-stream' },
    { name: 'set-cookie', value: REDACTED },
    { name: 'X-Api-Key', value: REDACTED },
  ];
  const openState = (received: HeaderPair[]): ConnectionState => ({
    type: 'open',
    at: 1,
    attempt: 1,
    url: 'http://h/',
    status: 200,
    headers: received,
  });

  it('replaces the values of credential-named headers in an open state and keeps the rest', () => {
    const state = openState(headers);
    expect(redactStateHeaders(state)).toMatchObject({ headers: redactedHeaders });
    expect(state.type === 'open' && state.headers[1]?.value).toBe('sid=abc123; HttpOnly');
  });

  it('replaces them in the error of a failed state too', () => {
    const state: ConnectionState = {
      type: 'failed',
      at: 1,
      attempt: 1,
      error: { code: 'http-status', message: 'HTTP 401', status: 401, headers },
    };
    expect(redactStateHeaders(state)).toMatchObject({ error: { headers: redactedHeaders } });
  });

  it('hands back the very same state when no header is a credential', () => {
    const state = openState([{ name: 'content-type', value: 'text/event-stream' }]);
    expect(redactStateHeaders(state)).toBe(state);
  });
});
