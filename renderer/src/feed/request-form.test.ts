import { describe, expect, it } from 'vitest';
import { requestFromForm } from './request-form';

const fields = (over: Partial<Parameters<typeof requestFromForm>[0]>) => ({
  name: '',
  url: 'http://127.0.0.1:8844/stream',
  method: 'GET',
  headers: '',
  body: '',
  ...over,
});

describe('the open-feed form', () => {
  it('names a feed after its host and path when no name is given', () => {
    expect(requestFromForm(fields({}))).toMatchObject({
      ok: true,
      request: { name: '127.0.0.1:8844/stream', method: 'GET', body: null },
    });
  });

  it('parses one header per line and marks credentials secret', () => {
    const result = requestFromForm(
      fields({ headers: 'Authorization: Bearer abc\n\nX-Trace: 1', method: 'POST', body: '{}' }),
    );
    expect(result).toEqual({
      ok: true,
      request: {
        name: '127.0.0.1:8844/stream',
        url: 'http://127.0.0.1:8844/stream',
        method: 'POST',
        headers: [
          { name: 'Authorization', value: 'Bearer abc', secret: true },
          { name: 'X-Trace', value: '1', secret: false },
        ],
        body: '{}',
      },
    });
  });

  it('says which header line is wrong without repeating it', () => {
    const result = requestFromForm(fields({ headers: 'X-Ok: 1\nsk-secret-token' }));
    expect(result).toEqual({ ok: false, problem: { code: 'header', line: 2 } });
    expect(JSON.stringify(result)).not.toContain('sk-secret-token');
  });

  it('refuses URLs that are not http(s)', () => {
    expect(requestFromForm(fields({ url: 'ftp://x/y' }))).toEqual({
      ok: false,
      problem: { code: 'not-http' },
    });
    expect(requestFromForm(fields({ url: 'not a url' }))).toEqual({
      ok: false,
      problem: { code: 'malformed-url' },
    });
  });
});
