import { describe, expect, it } from 'vitest';
import { fastPolicy, get, manualClock, record } from '../../../tests/support/sse/test-harness';
import {
  gzipRoute,
  noAnswerRoute,
  openStream,
  redirectRoute,
  settle,
  stallRoute,
  useTestServers,
  streamRoute,
  trickleRoute,
  waitFor,
} from '../../../tests/support/sse/test-server';

const server = useTestServers();

const once = fastPolicy({ reconnectOnEnd: false });

describe('timeouts', () => {
  it('treats missing response headers as a network error and retries by the policy', async () => {
    const s = await server({ '/slow': noAnswerRoute() });
    const r = record({
      request: get(s.url('/slow')),
      connectTimeoutMs: 40,
      retry: fastPolicy({ maxAttempts: 1 }),
    });
    r.conn.start();
    const final = await r.conn.done;
    const wait = r.states.find((st) => st.type === 'retrying');
    expect(wait?.type === 'retrying' && wait.reason).toMatch(
      /^no response headers from .* within 40 ms \(connect timeout\)$/,
    );
    expect(final).toMatchObject({ type: 'failed', error: { code: 'connect-timeout' } });
    // Two attempts; the server may not have parsed the second before it was abandoned.
    expect(r.stateTypes()).toEqual(['connecting', 'retrying', 'connecting', 'failed']);
  });

  it('fails a silent stream after the idle timeout with a clear message', async () => {
    const s = await server({ '/stall': stallRoute(': hello\n\ndata: one\n\n') });
    const r = record({
      request: get(s.url('/stall')),
      idleTimeoutMs: 50,
      retry: fastPolicy({ maxAttempts: 0 }),
    });
    r.conn.start();
    const final = await r.conn.done;
    expect(r.comments).toEqual([' hello']);
    expect(r.events.map((e) => e.data)).toEqual(['one']);
    expect(final).toMatchObject({
      type: 'failed',
      error: {
        code: 'idle-timeout',
        message: 'no bytes for 50 ms (idle timeout) (no retries allowed: maxAttempts is 0)',
      },
    });
  });

  it('reconnects after an idle timeout like after a network error', async () => {
    const s = await server({
      '/stall': (req, res, ctx) => {
        if (ctx.hit > 1) return void res.writeHead(204).end();
        stallRoute('data: one\n\n')(req, res, ctx);
      },
    });
    const r = record({ request: get(s.url('/stall')), idleTimeoutMs: 40 });
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'no-content' });
    const wait = r.states.find((st) => st.type === 'retrying');
    expect(wait?.type === 'retrying' && wait.reason).toBe('no bytes for 40 ms (idle timeout)');
  });

  it('re-arms the idle timer for the rest of the silence when bytes came meanwhile', async () => {
    let write: (text: string) => void = () => undefined;
    const s = await server({
      '/s': (_req, res) => {
        openStream(res);
        write = (text) => void res.write(text);
      },
    });
    const clock = manualClock();
    const r = record({
      request: get(s.url('/s')),
      idleTimeoutMs: 50,
      clock,
      retry: fastPolicy({ maxAttempts: 0 }),
    });
    r.conn.start();
    await r.waitForState('open');
    clock.advance(30);
    write(': still here\n');
    await waitFor(() => r.comments.length === 1, 'the heartbeat');
    clock.advance(20); // 50 ms after open, but only 20 ms of silence: re-armed for 30 ms more
    await settle();
    expect(r.conn.state.type).toBe('open');
    clock.advance(29);
    await settle();
    expect(r.conn.state.type).toBe('open');
    clock.advance(1);
    expect(await r.conn.done).toMatchObject({ type: 'failed', error: { code: 'idle-timeout' } });
    expect(clock.pending()).toBe(0);
  });

  it('counts comment heartbeats as life, so a quiet but pinging stream stays open', async () => {
    const s = await server({
      '/ping': async (_req, res) => {
        openStream(res);
        for (let i = 0; i < 25; i += 1) {
          res.write(': ping\n');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        res.end('data: done\n\n');
      },
    });
    const r = record({ request: get(s.url('/ping')), idleTimeoutMs: 150, retry: once });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
    expect(r.comments).toHaveLength(25);
    expect(r.events.map((e) => e.data)).toEqual(['done']);
  });

  it('reads a stream trickled one byte per write, CRLF and UTF-8 split everywhere', async () => {
    const text = 'id: 1\r\nevent: greet\r\ndata: é€😀\r\n\r\n: note\r\ndata: a\r\ndata: b\r\n\r\n';
    const s = await server({ '/trickle': trickleRoute(text) });
    const r = record({ request: get(s.url('/trickle')), retry: once });
    r.conn.start();
    await r.conn.done;
    expect(r.events.map((e) => [e.type, e.data, e.lastEventId])).toEqual([
      ['greet', 'é€😀', '1'],
      ['message', 'a\nb', '1'],
    ]);
    expect(r.comments).toEqual([' note']);
  });
});

describe('limits and encodings', () => {
  it('fails with a clear error instead of buffering an event over maxEventBytes', async () => {
    const s = await server({ '/huge': stallRoute(`data: ${'x'.repeat(10_000)}`) });
    const r = record({ request: get(s.url('/huge')), maxEventBytes: 1024 });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({
      type: 'failed',
      error: { code: 'event-too-large', message: 'event larger than 1 KiB (maxEventBytes)' },
    });
    expect(r.events).toHaveLength(0);
    await waitFor(() => s.openSockets() <= 1, 'the oversized stream to be dropped');
    expect(s.requests).toHaveLength(1);
  });

  it('reads a gzip-compressed stream', async () => {
    const s = await server({
      '/gz': gzipRoute('id: 1\ndata: zipped one\n\nid: 2\ndata: zipped two\n\n'),
    });
    const r = record({ request: get(s.url('/gz')), retry: once });
    r.conn.start();
    await r.conn.done;
    expect(s.requests[0]?.headers['accept-encoding']).toMatch(/gzip/);
    expect(r.events.map((e) => e.data)).toEqual(['zipped one', 'zipped two']);
  });
});

describe('redirects', () => {
  it('follows a same- and cross-origin chain, dropping secrets at the origin change', async () => {
    const b = await server({
      '/hop': redirectRoute(301, '/stream'),
      '/stream': streamRoute('data: arrived\n\n'),
    });
    const a = await server({
      '/start': redirectRoute(302, '/middle'),
      '/middle': redirectRoute(307, b.url('/hop')),
    });
    const r = record({
      request: {
        url: a.url('/start'),
        method: 'GET',
        headers: [
          { name: 'Authorization', value: 'Bearer secret' },
          { name: 'Cookie', value: 'session=1' },
          { name: 'X-Api-Key', value: 'k' },
          { name: 'X-Workspace-Token', value: 'w', secret: true },
          { name: 'X-Public', value: 'p' },
        ],
      },
      retry: once,
    });
    r.conn.start();
    await r.conn.done;
    expect(r.events.map((e) => e.data)).toEqual(['arrived']);
    expect(a.requests.map((q) => q.headers.authorization)).toEqual([
      'Bearer secret',
      'Bearer secret',
    ]);
    expect(b.requests.map((q) => q.path)).toEqual(['/hop', '/stream']);
    for (const q of b.requests) {
      expect(q.headers).not.toHaveProperty('authorization');
      expect(q.headers).not.toHaveProperty('cookie');
      expect(q.headers).not.toHaveProperty('x-api-key');
      expect(q.headers).not.toHaveProperty('x-workspace-token');
      expect(q.headers['x-public']).toBe('p');
    }
    expect(r.redirects.map((i) => [i.status, i.crossOrigin, i.count])).toEqual([
      [302, false, 1],
      [307, true, 2],
      [301, false, 3],
    ]);
    expect(r.redirects[1]?.droppedHeaders).toEqual([
      'Authorization',
      'Cookie',
      'X-Api-Key',
      'X-Workspace-Token',
    ]);
    expect(r.states.find((st) => st.type === 'open')).toMatchObject({ url: b.url('/stream') });
  });

  it('reports a POST turned into a GET by a 303 and sends no body after it', async () => {
    const s = await server({
      '/submit': redirectRoute(303, '/result'),
      '/result': streamRoute('data: ok\n\n'),
    });
    const r = record({
      request: {
        url: s.url('/submit'),
        method: 'POST',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        body: '{"a":1}',
      },
      retry: fastPolicy({}, 'POST'),
    });
    r.conn.start();
    await r.conn.done;
    expect(s.requests.map((q) => [q.method, q.path, q.body.length])).toEqual([
      ['POST', '/submit', 7],
      ['GET', '/result', 0],
    ]);
    expect(s.requests[1]?.headers).not.toHaveProperty('content-type');
    expect(r.redirects[0]).toMatchObject({
      methodChanged: true,
      previousMethod: 'POST',
      method: 'GET',
    });
  });

  it('fails after maxRedirects hops without retrying', async () => {
    const s = await server({ '/loop': redirectRoute(302, '/loop') });
    const r = record({ request: get(s.url('/loop')), maxRedirects: 5 });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({ type: 'failed', error: { code: 'too-many-redirects' } });
    expect(final.type === 'failed' && final.error.message).toMatch(/more than 5 redirects/);
    expect(s.requests).toHaveLength(6);
  });
});
