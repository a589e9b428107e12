import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeholderNames, resolveEndpointRequest, resolveTemplate } from './variables';
import { createEndpoint, createHeader, type Endpoint, type Variable } from './workspace';

const vars = (pairs: Record<string, string>, secret: string[] = []): Variable[] =>
  Object.entries(pairs).map(([name, value]) => ({ name, value, secret: secret.includes(name) }));

function endpoint(patch: Partial<Endpoint>): Endpoint {
  return { ...createEndpoint({ name: 'e', url: 'http://h/' }, () => 'e1'), ...patch };
}

describe('resolveTemplate', () => {
  it('substitutes every {{name}}, with or without inner spaces', () => {
    const result = resolveTemplate(
      '{{a}}-{{ b }}-{{a}}',
      new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
    );
    expect(result).toEqual({ text: '1-2-1', unknown: [], used: ['a', 'b'] });
  });

  it('leaves unknown placeholders in place and lists each once', () => {
    const result = resolveTemplate('{{x}}/{{y}}/{{x}}', new Map());
    expect(result.text).toBe('{{x}}/{{y}}/{{x}}');
    expect(result.unknown).toEqual(['x', 'y']);
  });

  it('inserts a value containing a placeholder literally, so variables never expand twice', () => {
    const result = resolveTemplate(
      '{{a}}',
      new Map([
        ['a', '{{a}}{{b}}'],
        ['b', 'B'],
      ]),
    );
    expect(result.text).toBe('{{a}}{{b}}');
  });

  it('ignores text that only looks like a placeholder', () => {
    expect(placeholderNames('{{}} {{ 1x }} {x} {{a b}} {{ok.name-1}}')).toEqual(['ok.name-1']);
  });

  it('is the identity on templates without placeholders', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.includes('{{'));
        expect(resolveTemplate(text, new Map([['a', 'x']])).text).toBe(text);
      }),
    );
  });
});

describe('resolveEndpointRequest', () => {
  it('resolves the URL, header values and body, and drops disabled headers', () => {
    const outcome = resolveEndpointRequest(
      endpoint({
        url: '{{base}}/stream?room={{room}}',
        method: 'POST',
        headers: [
          createHeader('Authorization', 'Bearer {{token}}'),
          { name: 'X-Off', value: '{{missing}}', enabled: false, secret: false },
        ],
        body: { kind: 'text', text: 'room={{room}}', contentType: '' },
      }),
      vars({ base: 'https://api.test', room: 'r1', token: 't0k' }, ['token']),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.request).toEqual({
      url: 'https://api.test/stream?room=r1',
      method: 'POST',
      headers: [
        { name: 'Authorization', value: 'Bearer t0k', secret: true },
        { name: 'Content-Type', value: 'text/plain;charset=UTF-8', secret: false },
      ],
      body: 'room=r1',
      secretValues: ['Bearer t0k', 't0k'],
    });
  });

  it('fails before connecting with every unknown variable named, and no secret value shown', () => {
    const outcome = resolveEndpointRequest(
      endpoint({ url: '{{base}}/{{path}}', headers: [createHeader('X-Token', '{{tok}}')] }),
      vars({ path: 'hunter2' }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.unknown).toEqual(['base', 'tok']);
    expect(outcome.error.message).toBe(
      "Cannot connect: unknown variables {{base}}, {{tok}}: define them in the workspace's variables.",
    );
    expect(outcome.error.message).not.toContain('hunter2');
  });

  it('asks for secrets that must be entered again instead of sending an empty value', () => {
    const outcome = resolveEndpointRequest(endpoint({ url: 'http://h/?k={{key}}' }), [
      { name: 'key', value: '', secret: true, reenter: 'decrypt-failed' },
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.reenter).toEqual(['{{key}}']);
    expect(outcome.error.message).toContain('enter again');
  });

  it('picks up a rotated variable on the next resolve', () => {
    const e = endpoint({ headers: [createHeader('Authorization', 'Bearer {{token}}')] });
    const first = resolveEndpointRequest(e, vars({ token: 'old' }, ['token']));
    const second = resolveEndpointRequest(e, vars({ token: 'new' }, ['token']));
    expect(first.ok && first.request.headers[0]?.value).toBe('Bearer old');
    expect(second.ok && second.request.headers[0]?.value).toBe('Bearer new');
  });

  it('escapes values inside JSON strings and inserts them raw elsewhere', () => {
    const outcome = resolveEndpointRequest(
      endpoint({
        method: 'POST',
        body: { kind: 'json', text: '{"q": "{{q}}", "n": {{n}}}', contentType: '' },
      }),
      vars({ q: 'say "hi" \\ bye', n: '42' }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(JSON.parse(outcome.request.body ?? '')).toEqual({ q: 'say "hi" \\ bye', n: 42 });
    expect(outcome.request.headers).toContainEqual({
      name: 'Content-Type',
      value: 'application/json',
      secret: false,
    });
  });

  it('keeps any JSON string value intact through a placeholder', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const outcome = resolveEndpointRequest(
          endpoint({ body: { kind: 'json', text: '{"v":"{{v}}"}', contentType: '' } }),
          vars({ v: value }),
        );
        expect(outcome.ok && JSON.parse(outcome.request.body ?? '')).toEqual({ v: value });
      }),
    );
  });

  it('urlencodes values in form bodies so a base64 token keeps its + / and =', () => {
    const outcome = resolveEndpointRequest(
      endpoint({ body: { kind: 'form', text: 'a=1&token={{t}}', contentType: '' } }),
      vars({ t: 'ab+/c= d&e' }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(new URLSearchParams(outcome.request.body ?? '').get('token')).toBe('ab+/c= d&e');
  });

  it("keeps the user's own Content-Type and sends no body for kind none", () => {
    const withType = resolveEndpointRequest(
      endpoint({
        headers: [createHeader('content-type', 'application/x-ndjson')],
        body: { kind: 'text', text: '{}', contentType: 'text/plain' },
      }),
      [],
    );
    expect(withType.ok && withType.request.headers).toEqual([
      { name: 'content-type', value: 'application/x-ndjson', secret: false },
    ]);
    const none = resolveEndpointRequest(
      endpoint({ body: { kind: 'none', text: 'ignored', contentType: '' } }),
      [],
    );
    expect(none.ok && none.request.body).toBe(null);
    expect(none.ok && none.request.headers).toEqual([]);
  });
});
