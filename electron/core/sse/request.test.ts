import { describe, expect, it } from 'vitest';
import {
  buildFetchHeaders,
  encodeHeaderValue,
  lastEventIdHeaderValue,
  normalizeMethod,
  validateRequest,
  type SseRequest,
} from './request';

const req = (overrides: Partial<SseRequest>): SseRequest => ({
  url: 'https://example.test/stream',
  method: 'GET',
  headers: [],
  ...overrides,
});

describe('request building', () => {
  it('adds Accept and Cache-Control defaults when the user sets neither', () => {
    expect(buildFetchHeaders([], '')).toEqual([
      ['Accept', 'text/event-stream'],
      ['Cache-Control', 'no-cache'],
    ]);
  });

  it('keeps the user Accept and Cache-Control whatever their letter case', () => {
    const headers = buildFetchHeaders(
      [
        { name: 'accept', value: 'application/json' },
        { name: 'CACHE-CONTROL', value: 'max-age=0' },
      ],
      '',
    );
    expect(headers).toEqual([
      ['accept', 'application/json'],
      ['CACHE-CONTROL', 'max-age=0'],
    ]);
  });

  it('keeps repeated header names in order', () => {
    const headers = buildFetchHeaders(
      [
        { name: 'X-Tag', value: 'a' },
        { name: 'X-Tag', value: 'b' },
      ],
      '',
    );
    expect(headers.slice(0, 2)).toEqual([
      ['X-Tag', 'a'],
      ['X-Tag', 'b'],
    ]);
  });

  it('replaces a user Last-Event-ID header with the connection one', () => {
    const headers = buildFetchHeaders([{ name: 'last-event-id', value: 'old' }], '42');
    expect(headers.filter(([n]) => n.toLowerCase() === 'last-event-id')).toEqual([
      ['Last-Event-ID', '42'],
    ]);
  });

  it('sends no Last-Event-ID when the last event ID is empty', () => {
    const headers = buildFetchHeaders([{ name: 'Last-Event-ID', value: 'old' }], '');
    expect(headers.some(([n]) => n.toLowerCase() === 'last-event-id')).toBe(false);
  });

  it('encodes a non-ASCII last event ID as UTF-8 bytes in a Latin-1 string', () => {
    const value = lastEventIdHeaderValue('ü€😀');
    expect(value).not.toBeNull();
    expect(Buffer.from(value ?? '', 'latin1').toString('utf8')).toBe('ü€😀');
    expect([...(value ?? '')].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
  });

  it.each(['a\rb', 'a\nb', 'a\0b'])('never sends a last event ID containing %j', (id) => {
    expect(lastEventIdHeaderValue(id)).toBeNull();
  });

  it('sends header values beyond Latin-1 as UTF-8 and leaves Latin-1 ones alone', () => {
    expect(encodeHeaderValue('café')).toBe('café');
    expect(Buffer.from(encodeHeaderValue('Bearer 令牌'), 'latin1').toString('utf8')).toBe(
      'Bearer 令牌',
    );
  });

  it('upper-cases the methods fetch normalizes and keeps custom tokens as typed', () => {
    expect(normalizeMethod('post')).toBe('POST');
    expect(normalizeMethod('patch')).toBe('PATCH');
    expect(normalizeMethod('Purge')).toBe('Purge');
  });

  it.each<[string, Partial<SseRequest>, RegExp | null]>([
    ['a plain GET', {}, null],
    ['a custom method with a body', { method: 'X-STREAM', body: '{}' }, null],
    ['bytes as a body', { method: 'POST', body: new Uint8Array([1, 2]) }, null],
    ['an empty body on a GET', { body: '' }, null],
    ['a GET with a body', { body: 'x' }, /GET request cannot have a body/],
    ['a method that is not a token', { method: 'GE T' }, /not a valid HTTP method/],
    ['a forbidden method', { method: 'trace' }, /TRACE method cannot be sent/],
    ['a relative URL', { url: '/stream' }, /not a valid URL/],
    ['a non-HTTP URL', { url: 'ftp://example.test/' }, /only http: and https:/],
    ['a bad header name', { headers: [{ name: 'X Bad', value: '1' }] }, /not a valid header name/],
    ['credentials in the URL', { url: 'https://u:p@example.test/' }, /Authorization header/],
    [
      'a header fetch refuses',
      { headers: [{ name: 'Upgrade', value: 'h2c' }] },
      /cannot send a Upgrade header/,
    ],
    [
      'a header value with a line break',
      { headers: [{ name: 'X', value: 'a\r\nInjected: 1' }] },
      /line break/,
    ],
  ])('validates %s', (_name, overrides, expected) => {
    const problem = validateRequest(req(overrides));
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
