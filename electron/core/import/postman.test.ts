import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../shared/model/workspace';
import type { ImportResult } from './import-result';
import { importPostmanCollection, importPostmanJson, looksLikePostman } from './postman';
import { messages } from '../../../tests/support/import-notes';

const FIXTURE = readFileSync(
  new URL('./fixtures/streaming-api.postman_collection.json', import.meta.url),
  'utf8',
);

function counter(): () => string {
  let n = 0;
  return () => `postman-${++n}`;
}

function imported(json: string): Extract<ImportResult, { ok: true }> {
  const result = importPostmanCollection(json, { newId: counter() });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function byName(result: Extract<ImportResult, { ok: true }>, name: string): Endpoint {
  const endpoint = result.endpoints.find((e) => e.name === name);
  if (endpoint === undefined) throw new Error(`no endpoint "${name}"`);
  return endpoint;
}

function collection(items: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    info: {
      name: 'T',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items,
    ...extra,
  });
}

describe('importPostmanCollection: the fixture collection', () => {
  const result = imported(FIXTURE);

  it('names endpoints by their folder path and keeps the request order', () => {
    expect(result.endpoints.map((e) => e.name)).toEqual([
      'Streams / Chat completion (stream)',
      'Streams / Ticker',
      'Admin / Broadcast',
      'Admin / Upload report',
      'Admin / Public status',
      'Keyed / Price subscription',
      'Keyed / Digest stream',
      'Keyed / Note',
      'Keyed / Binary',
      'Health',
    ]);
    expect(result.endpoints.map((e) => e.id)).toEqual(
      result.endpoints.map((_, i) => `postman-${i + 1}`),
    );
  });

  it('imports collection variables, secret when Postman or their use says so', () => {
    expect(result.variables).toEqual([
      { name: 'baseUrl', value: 'https://api.example.com', secret: false },
      { name: 'apiToken', value: 'tok-collection-123', secret: true },
      { name: 'model', value: 'gpt-4o-mini', secret: false },
      { name: 'maxTokens', value: '256', secret: false },
      { name: 'adminUser', value: 'admin', secret: false },
      { name: 'adminPassword', value: 'hunter2', secret: true },
    ]);
    expect(messages(result.warnings)).toContain(
      'the disabled collection variable "old" was not imported',
    );
    expect(messages(result.warnings)).toContainEqual(
      expect.stringMatching(/"has space" was not imported/),
    );
  });

  it('keeps a raw JSON body with placeholders and moves Content-Type into the body', () => {
    const chat = byName(result, 'Streams / Chat completion (stream)');
    expect(chat).toMatchObject({
      method: 'POST',
      url: '{{baseUrl}}/v1/chat/completions',
      body: { kind: 'json', contentType: 'application/json' },
      notes: 'Streams tokens as SSE.',
    });
    expect(chat.body.text).toContain('"max_tokens": {{maxTokens}}');
    expect(chat.retry.reconnectOnEnd).toBe(false);
  });

  it('keeps disabled headers, disabled, and adds the inherited collection bearer auth as a secret', () => {
    expect(byName(result, 'Streams / Chat completion (stream)').headers).toEqual([
      { name: 'Accept', value: 'text/event-stream', enabled: true, secret: false },
      { name: 'X-Debug', value: '1', enabled: false, secret: false },
      { name: 'Authorization', value: 'Bearer {{apiToken}}', enabled: true, secret: true },
    ]);
    expect(byName(result, 'Health').headers).toEqual([
      { name: 'Authorization', value: 'Bearer {{apiToken}}', enabled: true, secret: true },
    ]);
  });

  it('fills path variables and leaves disabled query parameters out', () => {
    expect(byName(result, 'Streams / Ticker').url).toBe(
      '{{baseUrl}}/v1/tickers/BTC-USD/events?interval=1s',
    );
  });

  it("uses a folder's basic auth for its requests, encoded from the collection variables", () => {
    const broadcast = byName(result, 'Admin / Broadcast');
    expect(broadcast.headers).toEqual([
      {
        name: 'Authorization',
        value: `Basic ${btoa('admin:hunter2')}`,
        enabled: true,
        secret: true,
      },
    ]);
    expect(messages(result.warnings)).toContainEqual(
      expect.stringMatching(/^Admin \/ Broadcast: Basic auth was encoded/),
    );
  });

  it('encodes urlencoded fields, keeping placeholders, and notes disabled ones', () => {
    expect(byName(result, 'Admin / Broadcast').body).toEqual({
      kind: 'form',
      text: 'channel=news+%26+updates&message={{model}}+is+live',
      contentType: '',
    });
    expect(messages(result.warnings)).toContain(
      'Admin / Broadcast: 1 disabled form field(s) were left out',
    );
  });

  it('imports the text fields of form data and warns about its files', () => {
    expect(byName(result, 'Admin / Upload report').body).toEqual({
      kind: 'form',
      text: 'title=Q3+report',
      contentType: '',
    });
    expect(messages(result.warnings)).toContain(
      'Admin / Upload report: 1 file field(s) of the form data were not imported',
    );
  });

  it('sends no auth for a request set to No Auth inside an authenticated folder', () => {
    expect(byName(result, 'Admin / Public status').headers).toEqual([]);
  });

  it('turns a GraphQL body into a JSON query document', () => {
    const graphql = byName(result, 'Keyed / Price subscription');
    expect(graphql.body.kind).toBe('json');
    expect(JSON.parse(graphql.body.text.replace('{{limit}}', '5'))).toEqual({
      query: 'subscription { prices(symbol: "BTC") { price at } }',
      variables: { limit: 5 },
    });
    expect(graphql.headers).toEqual([
      { name: 'X-API-Key', value: '{{apiKey}}', enabled: true, secret: true },
    ]);
  });

  it('assembles a URL given only as parts and keeps a raw text body with its content type', () => {
    expect(byName(result, 'Keyed / Note')).toMatchObject({
      method: 'PUT',
      url: 'https://files.example.com:8443/notes/1?v=2',
      body: { kind: 'text', text: '# Hello {{model}}', contentType: 'text/markdown' },
    });
  });

  it('warns about unsupported auth, file bodies, scripts, undefined and dynamic variables', () => {
    expect(byName(result, 'Keyed / Digest stream').headers).toEqual([]);
    expect(messages(result.warnings)).toEqual(
      expect.arrayContaining([
        'Keyed / Digest stream: "digest" auth is not supported; add its header by hand',
        'Keyed / Binary: the body is a file, which cannot be read here; add the body by hand',
        'the collection: the pre-request script was not imported (scripts do not run in Eventscope)',
        'Streams / Chat completion (stream): the test script was not imported (scripts do not run in Eventscope)',
        expect.stringMatching(
          /use \{\{limit\}\}, \{\{apiKey\}\}, which the collection does not define/,
        ),
        expect.stringMatching(/dynamic variables \{\{\$guid\}\}/),
      ]),
    );
    // The empty pre-request script of the Admin folder is not worth a warning.
    expect(messages(result.warnings).join('\n')).not.toMatch(/folder "Admin"/);
  });

  it('never puts a variable or credential value into a warning', () => {
    expect(messages(result.warnings).join('\n')).not.toMatch(/hunter2|tok-collection|YWRtaW4/);
  });
});

describe('importPostmanCollection: more cases', () => {
  it('lets a request-level auth replace the inherited one', () => {
    const result = imported(
      collection(
        [
          {
            name: 'R',
            request: {
              url: 'https://h/x',
              auth: { type: 'bearer', bearer: [{ key: 'token', value: 'own' }] },
            },
          },
        ],
        { auth: { type: 'bearer', bearer: [{ key: 'token', value: 'collection' }] } },
      ),
    );
    expect(result.endpoints[0]?.headers).toEqual([
      { name: 'Authorization', value: 'Bearer own', enabled: true, secret: true },
    ]);
  });

  it('puts an API key meant for the query string into the URL, with a warning', () => {
    const result = imported(
      collection([
        {
          name: 'Q',
          request: {
            url: 'https://h/feed?x=1',
            auth: {
              type: 'apikey',
              apikey: [
                { key: 'key', value: 'api_key' },
                { key: 'value', value: '{{key}}' },
                { key: 'in', value: 'query' },
              ],
            },
          },
        },
      ]),
    );
    expect(result.endpoints[0]?.url).toBe('https://h/feed?x=1&api_key={{key}}');
    expect(messages(result.warnings)).toContainEqual(expect.stringMatching(/query string/));
  });

  it('does not add auth over a header the request sets itself', () => {
    const result = imported(
      collection(
        [
          {
            name: 'R',
            request: { url: 'https://h/', header: [{ key: 'authorization', value: 'Token t' }] },
          },
        ],
        { auth: { type: 'bearer', bearer: [{ key: 'token', value: 'b' }] } },
      ),
    );
    expect(result.endpoints[0]?.headers).toEqual([
      { name: 'authorization', value: 'Token t', enabled: true, secret: true },
    ]);
    expect(messages(result.warnings)).toEqual([
      expect.stringMatching(/sets its own Authorization header/),
    ]);
  });

  it('imports a saved OAuth 2.0 access token as a bearer header and says it will not refresh', () => {
    const result = imported(
      collection([
        {
          name: 'O',
          request: {
            url: 'https://h/',
            auth: {
              type: 'oauth2',
              oauth2: [
                { key: 'accessToken', value: 'at-1' },
                { key: 'addTokenTo', value: 'header' },
              ],
            },
          },
        },
      ]),
    );
    expect(result.endpoints[0]?.headers[0]).toMatchObject({
      name: 'Authorization',
      value: 'Bearer at-1',
      secret: true,
    });
    expect(messages(result.warnings)).toEqual([expect.stringMatching(/not be refreshed/)]);
  });

  it('reads headers written as one string, and warns about a GET with a body', () => {
    const result = imported(
      collection([
        {
          name: 'G',
          request: {
            method: 'get',
            url: 'h.example/x',
            header: 'Accept: text/event-stream\nX-Id: 7',
            body: { mode: 'raw', raw: 'hello' },
          },
        },
      ]),
    );
    expect(result.endpoints[0]).toMatchObject({
      method: 'GET',
      url: 'http://h.example/x',
      headers: [
        { name: 'Accept', value: 'text/event-stream' },
        { name: 'X-Id', value: '7' },
      ],
      body: { kind: 'text', text: 'hello', contentType: '' },
    });
    expect(messages(result.warnings)).toEqual([
      expect.stringMatching(/no scheme/),
      expect.stringMatching(/cannot carry a body/),
    ]);
  });

  it('unwraps a collection exported through the Postman API', () => {
    const result = imported(
      JSON.stringify({
        collection: JSON.parse(collection([{ name: 'A', request: 'https://h/' }])),
      }),
    );
    expect(result.endpoints.map((e) => e.url)).toEqual(['https://h/']);
  });

  it('imports at most 1000 requests and says how many there were', () => {
    const items = Array.from({ length: 1001 }, (_, i) => ({
      name: `R${i}`,
      request: `https://h/${i}`,
    }));
    const result = imported(collection(items));
    expect(result.endpoints).toHaveLength(1000);
    expect(messages(result.warnings)).toEqual([
      'the collection has 1001 requests; only the first 1000 were imported',
    ]);
  });

  it('refuses a request the workspace could not store, naming it', () => {
    const result = importPostmanCollection(
      collection([
        {
          name: 'Huge',
          request: { url: 'https://h/', header: [{ key: 'X'.repeat(300), value: 'v' }] },
        },
      ]),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/"Huge" is not valid: headers\.0\.name/);
  });

  it('refuses folders nested deeper than the stack allows instead of throwing', () => {
    let item: unknown = { name: 'leaf', request: 'https://h/' };
    for (let i = 0; i < 100_000; i++) item = { name: `f${i}`, item: [item] };
    const root = JSON.parse(collection([]));
    const result = importPostmanJson({ ...root, item: [item] });
    expect(result).toEqual({
      ok: false,
      message: 'the Postman collection nests its folders too deeply',
      reason: 'import-postman-too-deep',
      params: {},
    });
  });

  it.each([
    ['not JSON', '{"info": ', /not valid JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    [
      'an OpenAPI file',
      '{"openapi": "3.1.0"}',
      /not a Postman collection \(it has no info.schema\)/,
    ],
    [
      'a v2.0 collection',
      JSON.stringify({
        info: {
          name: 'x',
          schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json',
        },
        item: [],
      }),
      /Collection v2\.0 file; in Postman, export the collection again as "Collection v2\.1"/,
    ],
    [
      'a v1 collection',
      JSON.stringify({ id: 'x', name: 'old', order: [], requests: [] }),
      /Collection v1/,
    ],
    [
      'an environment',
      JSON.stringify({ name: 'Prod', values: [], _postman_variable_scope: 'environment' }),
      /environment, not a collection/,
    ],
    [
      'a collection with a malformed item',
      JSON.stringify({
        info: {
          name: 'x',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: [{ name: 'a', request: { header: 42 } }],
      }),
      /not valid v2\.1: item\.0\.request/,
    ],
  ])('refuses %s with a clear message', (_, json, message) => {
    const result = importPostmanCollection(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('looksLikePostman', () => {
  it('recognises Postman collections of any version and environments, and nothing else', () => {
    expect(looksLikePostman(JSON.parse(FIXTURE))).toBe(true);
    expect(looksLikePostman({ collection: JSON.parse(FIXTURE) })).toBe(true);
    expect(
      looksLikePostman({
        info: { schema: 'https://schema.getpostman.com/json/collection/v2.0.0/' },
      }),
    ).toBe(true);
    expect(looksLikePostman({ id: 'x', order: [], requests: [] })).toBe(true);
    expect(looksLikePostman({ values: [], _postman_variable_scope: 'environment' })).toBe(true);
    expect(looksLikePostman({ format: 'eventscope-workspace', schemaVersion: 1 })).toBe(false);
    expect(looksLikePostman({ openapi: '3.1.0', info: { title: 'x' } })).toBe(false);
    expect(looksLikePostman('curl https://h/')).toBe(false);
  });
});
