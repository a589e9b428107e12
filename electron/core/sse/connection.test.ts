import { Buffer } from 'node:buffer';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fastPolicy, get, record } from '../../../tests/support/sse/test-harness';
import {
  openStream,
  useTestServers,
  statusRoute,
  streamRoute,
  trickleRoute,
} from '../../../tests/support/sse/test-server';

const server = useTestServers();

const once = fastPolicy({ reconnectOnEnd: false });

describe('sending the request', () => {
  it('sends Accept: text/event-stream and Cache-Control: no-cache by default', async () => {
    const s = await server({ '/s': streamRoute('data: x\n\n') });
    const r = record({ request: get(s.url('/s')), retry: once });
    r.conn.start();
    await r.conn.done;
    expect(s.requests[0]?.headers).toMatchObject({
      accept: 'text/event-stream',
      'cache-control': 'no-cache',
    });
  });

  it('lets the user override Accept and Cache-Control in any letter case', async () => {
    const s = await server({ '/s': streamRoute('data: x\n\n') });
    const r = record({
      request: {
        url: s.url('/s'),
        method: 'GET',
        headers: [
          { name: 'ACCEPT', value: '*/*' },
          { name: 'cache-control', value: 'max-age=5' },
        ],
      },
      retry: once,
    });
    r.conn.start();
    await r.conn.done;
    expect(s.requests[0]?.headers).toMatchObject({ accept: '*/*', 'cache-control': 'max-age=5' });
  });

  it('sends a POST with a JSON body, repeated headers and a bearer token', async () => {
    const s = await server({ '/chat': streamRoute('data: [DONE]\n\n') });
    const r = record({
      request: {
        url: s.url('/chat'),
        method: 'post',
        headers: [
          { name: 'Authorization', value: 'Bearer t0k', secret: true },
          { name: 'Content-Type', value: 'application/json' },
          { name: 'X-Tag', value: 'a' },
          { name: 'X-Tag', value: 'b' },
        ],
        body: '{"prompt":"hi"}',
      },
      retry: fastPolicy({}, 'POST'),
    });
    r.conn.start();
    await r.conn.done;
    const seen = s.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.body.toString()).toBe('{"prompt":"hi"}');
    // fetch folds repeated names into one comma-separated line (RFC 9110 §5.3: equivalent).
    expect(seen?.headers).toMatchObject({
      authorization: 'Bearer t0k',
      'content-type': 'application/json',
      'x-tag': 'a, b',
    });
  });

  it('sends a body given as bytes unchanged', async () => {
    const s = await server({ '/b': streamRoute('data: ok\n\n') });
    const bytes = new Uint8Array([0, 1, 2, 0xfe, 0xff]);
    const r = record({
      request: { url: s.url('/b'), method: 'PUT', headers: [], body: bytes },
      retry: once,
    });
    r.conn.start();
    await r.conn.done;
    expect(s.requests[0]?.method).toBe('PUT');
    expect([...(s.requests[0]?.body ?? [])]).toEqual([...bytes]);
  });

  it('sends a custom method token as typed', async () => {
    // node:http only parses the methods it knows, so a raw TCP server checks the request line.
    const lines: string[] = [];
    const raw = createNetServer((socket) => {
      socket.once('data', (chunk: Buffer) => {
        lines.push(chunk.toString('latin1').split('\r\n')[0] ?? '');
        socket.end(
          'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\ndata: hi\n\n',
        );
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = raw.address() as AddressInfo;
      const r = record({
        request: { url: `http://127.0.0.1:${port}/x`, method: 'X-STREAM', headers: [], body: 'q' },
        retry: once,
      });
      r.conn.start();
      await r.conn.done;
      expect(lines[0]).toBe('X-STREAM /x HTTP/1.1');
      expect(r.events.map((e) => e.data)).toEqual(['hi']);
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  it('fails without sending anything when the request is invalid', async () => {
    const s = await server({ '/s': streamRoute('data: x\n\n') });
    const r = record({ request: { url: s.url('/s'), method: 'GET', headers: [], body: 'x' } });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({ type: 'failed', error: { code: 'invalid-request' } });
    expect(s.requests).toHaveLength(0);
  });
});

describe('opening the stream', () => {
  it('opens on 200 with a text/event-stream type in any case and with parameters', async () => {
    const s = await server({
      '/s': streamRoute('data: one\n\n', { 'content-type': 'Text/Event-Stream; charset=UTF-8' }),
    });
    const r = record({ request: get(s.url('/s')), retry: once });
    r.conn.start();
    const final = await r.conn.done;
    expect(r.stateTypes()).toEqual(['connecting', 'open', 'closed']);
    expect(final).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
    expect(r.events.map((e) => e.data)).toEqual(['one']);
  });

  it('reports every transition with a timestamp and the attempt number', async () => {
    const s = await server({ '/s': streamRoute('data: one\n\n') });
    const r = record({ request: get(s.url('/s')), retry: once });
    expect(r.conn.state).toMatchObject({ type: 'idle', attempt: 0 });
    r.conn.start();
    await r.conn.done;
    for (const state of r.states) {
      expect(state.attempt).toBe(1);
      expect(state.at).toBeGreaterThan(0);
    }
    expect(r.states[1]).toMatchObject({ type: 'open', status: 200, url: s.url('/s') });
    expect(r.conn.state).toBe(r.states.at(-1));
  });

  it('reports each event with its type, data, last event ID, attempt and UTF-8 size', async () => {
    const s = await server({
      '/s': streamRoute('event: greet\nid: 7\ndata: héllo\n\ndata: second\n\n'),
    });
    const r = record({ request: get(s.url('/s')), retry: once });
    r.conn.start();
    await r.conn.done;
    expect(r.events).toMatchObject([
      { type: 'greet', data: 'héllo', lastEventId: '7', attempt: 1, sizeBytes: 6 },
      { type: 'message', data: 'second', lastEventId: '7', attempt: 1, sizeBytes: 6 },
    ]);
    expect(r.conn.lastEventId).toBe('7');
  });

  it('counts UTF-8 bytes right when non-ASCII data arrives after ASCII-only reads', async () => {
    // Regression guard for the ASCII fast path of sizeBytes: one byte per write, so the first
    // reads are pure ASCII and a multi-byte character arrives split across later ones.
    const s = await server({ '/s': trickleRoute('data: plain\n\ndata: 5 €\n\ndata: ok\n\n') });
    const r = record({ request: get(s.url('/s')), retry: once });
    r.conn.start();
    await r.conn.done;
    expect(r.events.map((e) => [e.data, e.sizeBytes])).toEqual([
      ['plain', 5],
      ['5 €', 5],
      ['ok', 2],
    ]);
  });

  it('stops for good on a 204 to the first request', async () => {
    const s = await server({ '/s': statusRoute(204) });
    const r = record({ request: get(s.url('/s')) });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({ type: 'closed', reason: 'no-content' });
    expect(final.type === 'closed' && final.message).toMatch(/204 No Content/);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(s.requests).toHaveLength(1);
  });

  it('fails on a 401 with the status, headers and body, and does not retry', async () => {
    const body = JSON.stringify({ error: 'invalid_token', hint: 'token expired' });
    const s = await server({
      '/auth': statusRoute(401, body, {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer error="invalid_token"',
      }),
    });
    const r = record({ request: get(s.url('/auth')) });
    r.conn.start();
    const final = await r.conn.done;
    expect(final.type).toBe('failed');
    if (final.type !== 'failed') return;
    expect(final.error).toMatchObject({
      code: 'http-status',
      status: 401,
      body,
      bodyTruncated: false,
    });
    expect(final.error.message).toBe(
      `HTTP 401 Unauthorized from ${s.url('/auth')} — the response body is shown below`,
    );
    expect(final.error.headers).toContainEqual({
      name: 'www-authenticate',
      value: 'Bearer error="invalid_token"',
    });
    expect(r.events).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(s.requests).toHaveLength(1);
  });

  it('keeps only the first 64 KiB of a long error body', async () => {
    const s = await server({ '/big': statusRoute(400, 'e'.repeat(200_000)) });
    const r = record({ request: get(s.url('/big')) });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({ type: 'failed', error: { status: 400, bodyTruncated: true } });
    expect(final.type === 'failed' && final.error.body?.length).toBe(64 * 1024);
  });

  it('fails on a wrong content type without parsing the body as events', async () => {
    const s = await server({
      '/json': statusRoute(200, 'data: not an event\n\n', { 'content-type': 'application/json' }),
    });
    const r = record({ request: get(s.url('/json')) });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({
      type: 'failed',
      error: {
        code: 'content-type',
        status: 200,
        body: 'data: not an event\n\n',
        params: { contentType: 'application/json' },
      },
    });
    expect(final.type === 'failed' && final.error.message).toMatch(
      /answered with Content-Type application\/json, not text\/event-stream/,
    );
    expect(r.events).toHaveLength(0);
    expect(r.stateTypes()).toEqual(['connecting', 'failed']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(s.requests).toHaveLength(1);
  });

  it('fails with a clear message when nothing listens on the port', async () => {
    const s = await server({});
    const url = s.url('/gone');
    await s.close();
    const r = record({ request: get(url), retry: fastPolicy({ maxAttempts: 1 }) });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({
      type: 'failed',
      error: { code: 'network', params: { phase: 'connect', cause: 'ECONNREFUSED' } },
    });
    expect(final.type === 'failed' && final.error.message).toMatch(
      /could not connect to .*ECONNREFUSED.*\(gave up after 1 retry\)/,
    );
    expect(r.stateTypes()).toEqual(['connecting', 'retrying', 'connecting', 'failed']);
  });
});

describe('the last event ID', () => {
  it('sends Last-Event-ID as UTF-8 on reconnect and omits it after an id reset', async () => {
    const s = await server({
      '/resume': (_req, res, { hit }) => {
        if (hit === 1) {
          openStream(res);
          res.end('id: 1\ndata: a\n\nid: é€\ndata: b\n\n');
        } else if (hit === 2) {
          openStream(res);
          res.end('id\ndata: c\n\n');
        } else {
          res.writeHead(204).end();
        }
      },
    });
    const r = record({ request: get(s.url('/resume')) });
    r.conn.start();
    await r.conn.done;
    const sent = s.requests.map((q) => q.headers['last-event-id'] as string | undefined);
    expect(sent[0]).toBeUndefined();
    expect(Buffer.from(sent[1] ?? '', 'latin1').toString('utf8')).toBe('é€');
    expect(sent[2]).toBeUndefined();
    expect(r.events.map((e) => [e.data, e.lastEventId])).toEqual([
      ['a', '1'],
      ['b', 'é€'],
      ['c', ''],
    ]);
  });

  it('starts from the lastEventId option, sending it on the first request', async () => {
    const s = await server({ '/s': streamRoute('data: x\n\n') });
    const r = record({ request: get(s.url('/s')), lastEventId: '41', retry: once });
    r.conn.start();
    await r.conn.done;
    expect(s.requests[0]?.headers['last-event-id']).toBe('41');
    expect(r.events[0]?.lastEventId).toBe('41');
  });

  it('takes the starting id from a Last-Event-ID request header and sends it only once', async () => {
    const s = await server({ '/s': streamRoute('data: x\n\n') });
    const r = record({
      request: {
        url: s.url('/s'),
        method: 'GET',
        headers: [{ name: 'last-event-id', value: '9' }],
      },
      retry: once,
    });
    r.conn.start();
    await r.conn.done;
    const raw = s.requests[0]?.rawHeaders ?? [];
    const names = raw.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names.filter((n) => n === 'last-event-id')).toHaveLength(1);
    expect(s.requests[0]?.headers['last-event-id']).toBe('9');
  });
});

describe('handlers', () => {
  it('keeps streaming when a handler throws, passing the error to reportError', async () => {
    const s = await server({ '/s': streamRoute('data: 1\n\ndata: 2\n\n') });
    const errors: unknown[] = [];
    const r = record(
      { request: get(s.url('/s')), retry: once, reportError: (e) => errors.push(e) },
      {
        onEvent: (e) => {
          if (e.data === '1') throw new Error('handler bug');
        },
        onState: (st) => {
          if (st.type === 'open') throw new Error('state handler bug');
        },
      },
    );
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
    expect(r.events.map((e) => e.data)).toEqual(['1', '2']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['state handler bug', 'handler bug']);
  });
});
