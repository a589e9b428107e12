import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/model/connection-state';
import { fastPolicy, get, record } from '../../../tests/support/sse/test-harness';
import {
  dropRoute,
  openStream,
  useTestServers,
  statusRoute,
} from '../../../tests/support/sse/test-server';

const server = useTestServers();

type Retrying = Extract<ConnectionState, { type: 'retrying' }>;
const retrying = (states: ConnectionState[]): Retrying[] =>
  states.filter((s): s is Retrying => s.type === 'retrying');

describe('reconnecting', () => {
  it('does not re-send a POST whose stream broke off midway (a paid generation is not repeated)', async () => {
    const s = await server({ '/chat': dropRoute('data: token 1\n\ndata: tok') });
    const r = record({
      request: { ...get(s.url('/chat')), method: 'POST', body: '{"prompt":"hi"}' },
      retry: fastPolicy({ reconnectOnEnd: false }),
    });
    r.conn.start();
    const final = await r.conn.done;
    expect(final.type).toBe('failed');
    expect(r.events.map((e) => e.data)).toEqual(['token 1']);
    expect(s.requests).toHaveLength(1);
  });

  it('reconnects after a drop mid-event, discarding the partial block and resuming by id', async () => {
    const s = await server({
      '/drop': (req, res, { hit }) => {
        if (hit === 1)
          return dropRoute('id: 1\ndata: one\n\ndata: partial')(req, res, { hit } as never);
        openStream(res);
        res.end('id: 2\ndata: two\n\n');
      },
    });
    const r = record({
      request: get(s.url('/drop')),
      retry: fastPolicy({ reconnectOnEnd: false }),
    });
    r.conn.start();
    const final = await r.conn.done;
    expect(r.events.map((e) => [e.data, e.attempt])).toEqual([
      ['one', 1],
      ['two', 2],
    ]);
    expect(s.requests[1]?.headers['last-event-id']).toBe('1');
    expect(r.stateTypes()).toEqual([
      'connecting',
      'open',
      'retrying',
      'connecting',
      'open',
      'closed',
    ]);
    expect(retrying(r.states)[0]?.reason).toMatch(/connection lost while reading/);
    expect(retrying(r.states)[0]?.error?.code).toBe('network');
    expect(final).toMatchObject({ type: 'closed', reason: 'end-of-stream', attempt: 2 });
  });

  it('reconnects a GET after a clean end but not a POST with the default policy', async () => {
    const s = await server({
      '/end': (_req, res, { hit }) => {
        if (hit > 1 && _req.method === 'GET') return void res.writeHead(204).end();
        openStream(res);
        res.end('data: x\n\n');
      },
    });
    const getConn = record({ request: get(s.url('/end')), retry: fastPolicy() });
    getConn.conn.start();
    expect(await getConn.conn.done).toMatchObject({ type: 'closed', reason: 'no-content' });
    expect(s.requests.filter((q) => q.method === 'GET')).toHaveLength(2);

    const postConn = record({
      request: { url: s.url('/end'), method: 'POST', headers: [], body: '{}' },
      retry: undefined,
    });
    postConn.conn.start();
    const final = await postConn.conn.done;
    expect(final).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
    expect(final.type === 'closed' && final.message).toMatch(/reconnect after end is off/);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(s.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });

  it('stops for good on a 204 to a reconnect', async () => {
    const s = await server({
      '/s': (_req, res, { hit }) => {
        if (hit === 2) return void res.writeHead(204).end();
        openStream(res);
        res.end('data: first\n\n');
      },
    });
    const r = record({ request: get(s.url('/s')) });
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'no-content', attempt: 2 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(s.requests).toHaveLength(2);
  });

  it('waits the Retry-After of a 503, reports it, and then connects', async () => {
    const s = await server({
      '/busy': (_req, res, { hit }) => {
        if (hit === 1) {
          return statusRoute(503, 'busy', { 'retry-after': '3', 'content-type': 'text/plain' })(
            _req,
            res,
            { hit } as never,
          );
        }
        openStream(res);
        res.end('data: ready\n\n');
      },
    });
    const r = record(
      { request: get(s.url('/busy')), retry: fastPolicy({ reconnectOnEnd: false }) },
      // Skip the real 3 s wait once its length is asserted: tests never sleep seconds.
      { onState: (st) => st.type === 'retrying' && queueMicrotask(() => r.conn.reconnectNow()) },
    );
    r.conn.start();
    await r.conn.done;
    const wait = retrying(r.states)[0];
    expect(wait?.delayMs).toBe(3000);
    expect(wait?.until).toBe((wait?.at ?? 0) + 3000);
    expect(wait?.reason).toBe('HTTP 503 Service Unavailable (Retry-After 3 s)');
    expect(wait?.error).toMatchObject({ code: 'http-status', status: 503, body: 'busy' });
    expect(r.events.map((e) => e.data)).toEqual(['ready']);
    expect(s.requests).toHaveLength(2);
  });

  it('waits until the HTTP date of a 429 Retry-After', async () => {
    const s = await server({
      '/limited': (_req, res, { hit }) => {
        if (hit > 1) return void res.writeHead(204).end();
        const when = new Date(Date.now() + 5_000).toUTCString();
        res.writeHead(429, { 'retry-after': when }).end('slow down');
      },
    });
    const r = record(
      { request: get(s.url('/limited')) },
      { onState: (st) => st.type === 'retrying' && queueMicrotask(() => r.conn.reconnectNow()) },
    );
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'no-content' });
    const wait = retrying(r.states)[0];
    // HTTP dates have whole seconds, so the wait is between 4 and 5 s.
    expect(wait?.delayMs).toBeGreaterThan(3_000);
    expect(wait?.delayMs).toBeLessThanOrEqual(5_000);
    expect(wait?.reason).toMatch(/^HTTP 429 Too Many Requests \(Retry-After \d(\.\d)? s\)$/);
  });

  it('backs off exponentially while attempts fail and gives up after maxAttempts', async () => {
    const s = await server({ '/down': statusRoute(500, 'boom') });
    const r = record({
      request: get(s.url('/down')),
      retry: fastPolicy({ initialDelayMs: 10, multiplier: 2, maxAttempts: 3 }),
    });
    r.conn.start();
    const final = await r.conn.done;
    expect(retrying(r.states).map((w) => [w.retry, w.delayMs, w.maxAttempts])).toEqual([
      [1, 10, 3],
      [2, 20, 3],
      [3, 40, 3],
    ]);
    expect(final).toMatchObject({
      type: 'failed',
      attempt: 4,
      error: { status: 500, body: 'boom' },
    });
    expect(final.type === 'failed' && final.error.message).toMatch(/\(gave up after 3 retries\)$/);
    expect(s.requests).toHaveLength(4);
  });

  it('resets the retry count after an attempt that delivered an event', async () => {
    const s = await server({ '/flaky': dropRoute('data: tick\n\n') });
    const r = record({
      request: get(s.url('/flaky')),
      retry: fastPolicy({ initialDelayMs: 5, multiplier: 4, maxAttempts: 1 }),
    });
    r.conn.start();
    await r.waitForEvents(5);
    r.conn.close();
    // With no reset, maxAttempts 1 would have failed after the second drop.
    expect(retrying(r.states).map((w) => [w.retry, w.delayMs])).toEqual(
      Array.from({ length: retrying(r.states).length }, () => [1, 5]),
    );
    expect(r.events.map((e) => e.attempt).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('waits the server retry field as the reconnection time when honoured', async () => {
    const s = await server({
      '/r': (_req, res, { hit }) => {
        if (hit > 1) return void res.writeHead(204).end();
        openStream(res);
        res.end('retry: 35\ndata: x\n\n');
      },
    });
    const r = record({
      request: get(s.url('/r')),
      retry: fastPolicy({ initialDelayMs: 60_000, maxDelayMs: 60_000, honorServerRetry: true }),
    });
    r.conn.start();
    await r.conn.done;
    expect(r.retryFields).toEqual([35]);
    expect(retrying(r.states)[0]?.delayMs).toBe(35);
  });

  it('calls resolveRequest before every attempt with the attempt number', async () => {
    const s = await server({
      '/vars': (req, res, { hit }) => {
        if (hit === 3) return void res.writeHead(204).end();
        res.writeHead(502).end();
      },
    });
    const seen: number[] = [];
    const r = record({
      request: get(s.url('/unused')),
      resolveRequest: async (attempt) => {
        seen.push(attempt);
        await Promise.resolve();
        return {
          url: s.url('/vars'),
          method: 'GET',
          headers: [{ name: 'X-Attempt', value: String(attempt) }],
        };
      },
    });
    r.conn.start();
    await r.conn.done;
    expect(seen).toEqual([1, 2, 3]);
    expect(s.requests.map((q) => q.headers['x-attempt'])).toEqual(['1', '2', '3']);
  });

  it('fails without a request when resolveRequest throws', async () => {
    const s = await server({});
    const r = record({
      request: get(s.url('/x')),
      resolveRequest: () => {
        throw new Error('variable {{token}} is not set');
      },
    });
    r.conn.start();
    const final = await r.conn.done;
    expect(final).toMatchObject({ type: 'failed', error: { code: 'invalid-request' } });
    expect(final.type === 'failed' && final.error.message).toMatch(/\{\{token\}\} is not set/);
    expect(s.requests).toHaveLength(0);
  });

  it('spreads 50 clients dropped at once over different delays, never below the base', async () => {
    const s = await server({ '/mass': dropRoute('data: hello\n\n') });
    const clients = Array.from({ length: 50 }, () =>
      record({
        request: get(s.url('/mass')),
        retry: fastPolicy({ initialDelayMs: 40, jitterRatio: 0.5, maxDelayMs: 40 }),
      }),
    );
    for (const c of clients) c.conn.start();
    await Promise.all(clients.map((c) => c.waitForState('retrying')));
    const delays = clients.map((c) => retrying(c.states)[0]?.delayMs ?? -1);
    for (const c of clients) c.conn.close();
    await Promise.all(clients.map((c) => c.conn.done));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60);
    expect(new Set(delays).size).toBeGreaterThan(5);
  });

  it('reconnects at once on reconnectNow during a backoff wait', async () => {
    const s = await server({
      '/s': (_req, res, { hit }) => {
        if (hit === 1) return void res.writeHead(502).end();
        res.writeHead(204).end();
      },
    });
    const r = record(
      { request: get(s.url('/s')), retry: fastPolicy({ initialDelayMs: 60_000 }) },
      { onState: (st) => st.type === 'retrying' && r.conn.reconnectNow() },
    );
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'no-content' });
    expect(s.requests).toHaveLength(2);
  });

  it('drops the current attempt and reconnects with the last event ID on reconnectNow', async () => {
    const s = await server({
      '/s': (_req, res, { hit }) => {
        openStream(res);
        res.write(`id: ${hit}\ndata: n${hit}\n\n`);
      },
    });
    const r = record({ request: get(s.url('/s')) });
    r.conn.start();
    await r.waitForEvents(1);
    r.conn.reconnectNow();
    await r.waitForEvents(2);
    r.conn.close();
    expect(s.requests[1]?.headers['last-event-id']).toBe('1');
    expect(r.events.map((e) => [e.data, e.attempt])).toEqual([
      ['n1', 1],
      ['n2', 2],
    ]);
    expect(r.pendingTimers()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(s.requests).toHaveLength(2);
  });
});
