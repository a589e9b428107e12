import { describe, expect, it } from 'vitest';
import { createRedactor, redactHeaders, REDACTED, secretsOfRequest } from './redact';

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
