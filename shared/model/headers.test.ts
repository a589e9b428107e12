import { describe, expect, it } from 'vitest';
import { isSecretHeaderName, parseHeaderArg } from './headers';

describe('parseHeaderArg', () => {
  it('splits at the first colon and trims the spaces around the value', () => {
    expect(parseHeaderArg('Authorization:  Bearer a:b ')).toEqual({
      ok: true,
      header: { name: 'Authorization', value: 'Bearer a:b', secret: true },
    });
  });

  it('accepts an empty value', () => {
    expect(parseHeaderArg('X-Empty:')).toEqual({
      ok: true,
      header: { name: 'X-Empty', value: '', secret: false },
    });
  });

  it('rejects an argument without a colon without repeating it', () => {
    const parsed = parseHeaderArg('Bearer sk-123456');
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain('sk-123456');
  });

  it('rejects names that are not RFC 9110 tokens, or that are empty', () => {
    expect(parseHeaderArg('X Bad: 1')).toMatchObject({ ok: false });
    expect(parseHeaderArg(': value')).toMatchObject({ ok: false });
    expect(parseHeaderArg('Ünïcode: 1')).toMatchObject({ ok: false });
  });

  it('does not show a long or unprintable name, which may be a pasted secret', () => {
    const pasted = `${'x'.repeat(30)} ${'y'.repeat(30)}`;
    const parsed = parseHeaderArg(`${pasted}: 1`);
    expect(JSON.stringify(parsed)).not.toContain(pasted);
  });

  it('rejects values with line breaks, which would split the request', () => {
    expect(parseHeaderArg('X-A: 1\r\nX-B: 2')).toMatchObject({ ok: false });
  });
});

describe('isSecretHeaderName', () => {
  it('flags credentials by exact name and by telltale fragments, in any case', () => {
    for (const name of [
      'authorization',
      'Cookie',
      'X-API-Key',
      'X-Auth-Token',
      'Client-Secret',
      'X-Client-Key',
      'X-Authtoken',
      'Proxy-Authorization',
    ]) {
      expect(isSecretHeaderName(name)).toBe(true);
    }
    for (const name of ['Accept', 'Content-Type', 'Last-Event-ID', 'X-Request-Id']) {
      expect(isSecretHeaderName(name)).toBe(false);
    }
  });

  it('does not take a count of tokens for a token', () => {
    for (const name of ['maxTokens', 'max_tokens', 'X-Tokenizer', 'Author']) {
      expect(isSecretHeaderName(name)).toBe(false);
    }
    expect(isSecretHeaderName('X-Session-Token')).toBe(true);
  });
});
