import { describe, expect, it } from 'vitest';
import { fastPolicy, get, record, type Recorder } from '../../../tests/support/sse/test-harness';
import {
  dropRoute,
  noAnswerRoute,
  openStream,
  settle,
  stallRoute,
  useTestServers,
  waitFor,
  type TestServer,
} from '../../../tests/support/sse/test-server';

/**
 * Closing is total (docs/architecture.md, "The engine"): close() at any moment leaves no request, timer or socket behind, and no further
 * request reaches the server.
 */

const server = useTestServers();

interface Resources {
  timers: number;
  sockets: number;
}

function resources(): Resources {
  const info = process.getActiveResourcesInfo();
  return {
    timers: info.filter((r) => r === 'Timeout').length,
    sockets: info.filter((r) => r === 'TCPSocketWrap').length,
  };
}

/**
 * Waits until no timer beyond the baseline is pending and every live TCP socket is a server-side
 * one. The test server runs in this process, so its sockets are listed too; a client socket still
 * held by us would show up as one more. (undici may keep an idle, unref'd pooled connection for a
 * few seconds after an abort; it carries no request and holds nothing open.)
 */
async function expectNothingLeft(
  s: TestServer,
  baseline: Resources,
  recorders: Recorder[],
): Promise<void> {
  for (const r of recorders) expect(r.pendingTimers()).toBe(0);
  await waitFor(() => {
    const now = resources();
    return now.timers <= baseline.timers && now.sockets - baseline.sockets <= s.openSockets();
  }, 'timers and client sockets to be released');
}

/**
 * The server's request count once it stops moving: a request already sent when its connection
 * closed may reach the server a little later (on a loaded machine, well after the close). Any
 * request after that would be a new one — a reconnect — which expectNoMoreRequests catches.
 */
async function settledRequestCount(s: TestServer): Promise<number> {
  let seen = -1;
  while (s.requests.length !== seen) {
    seen = s.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return seen;
}

async function expectNoMoreRequests(s: TestServer, count: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 80));
  await settle();
  expect(s.requests).toHaveLength(count);
}

function expectClosedOnce(r: Recorder, reason: string): void {
  expect(r.pendingTimers()).toBe(0);
  expect(r.states.filter((st) => st.type === 'closed' || st.type === 'failed')).toHaveLength(1);
  expect(r.states.at(-1)).toMatchObject({ type: 'closed', reason });
}

describe('closing', () => {
  it('sends nothing when closed before start, and start afterwards does nothing', async () => {
    const s = await server({ '/s': stallRoute() });
    const r = record({ request: get(s.url('/s')) });
    r.conn.close();
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'user', attempt: 0 });
    expect(r.stateTypes()).toEqual(['closed']);
    await expectNoMoreRequests(s, 0);
  });

  it('sends nothing with an already-aborted signal', async () => {
    const s = await server({ '/s': stallRoute() });
    const controller = new AbortController();
    controller.abort(new Error('window closed'));
    const r = record({ request: get(s.url('/s')), signal: controller.signal });
    r.conn.start();
    expect(await r.conn.done).toMatchObject({
      type: 'closed',
      reason: 'aborted',
      message: 'aborted by the caller: window closed',
    });
    await expectNoMoreRequests(s, 0);
  });

  it('closes mid-stream when the signal aborts', async () => {
    const s = await server({ '/s': stallRoute('data: one\n\n') });
    const baseline = resources();
    const controller = new AbortController();
    const r = record({ request: get(s.url('/s')), signal: controller.signal });
    r.conn.start();
    await r.waitForEvents(1);
    controller.abort();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'aborted' });
    await expectNothingLeft(s, baseline, [r]);
    await expectNoMoreRequests(s, 1);
  });

  it('closes before the response headers arrive', async () => {
    const s = await server({ '/s': noAnswerRoute() });
    const baseline = resources();
    const r = record({ request: get(s.url('/s')) });
    r.conn.start();
    await waitFor(() => s.requests.length === 1, 'the request to arrive');
    r.conn.close('stop');
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'user', message: 'stop' });
    expectClosedOnce(r, 'user');
    await expectNothingLeft(s, baseline, [r]);
    await expectNoMoreRequests(s, 1);
  });

  it('closes mid-stream', async () => {
    const s = await server({ '/s': stallRoute('data: one\n\n') });
    const baseline = resources();
    const r = record({ request: get(s.url('/s')) });
    r.conn.start();
    await r.waitForEvents(1);
    r.conn.close();
    await r.conn.done;
    expectClosedOnce(r, 'user');
    await expectNothingLeft(s, baseline, [r]);
    await expectNoMoreRequests(s, 1);
  });

  it('closes during a backoff wait without reconnecting', async () => {
    const s = await server({ '/s': dropRoute('data: one\n\n') });
    const baseline = resources();
    const r = record({ request: get(s.url('/s')), retry: fastPolicy({ initialDelayMs: 60_000 }) });
    r.conn.start();
    await r.waitForState('retrying');
    r.conn.close();
    await r.conn.done;
    expect(r.stateTypes()).toEqual(['connecting', 'open', 'retrying', 'closed']);
    await expectNothingLeft(s, baseline, [r]);
    await expectNoMoreRequests(s, 1);
  });

  it('stops at once when closed inside an event callback, dropping the rest of the chunk', async () => {
    const s = await server({ '/s': stallRoute('data: 1\n\ndata: 2\n\ndata: 3\n\n') });
    const baseline = resources();
    const r = record({ request: get(s.url('/s')) }, { onEvent: () => r.conn.close('seen enough') });
    r.conn.start();
    await r.conn.done;
    await settle();
    expect(r.events.map((e) => e.data)).toEqual(['1']);
    expectClosedOnce(r, 'user');
    await expectNothingLeft(s, baseline, [r]);
    await expectNoMoreRequests(s, 1);
  });

  it('sends no request when closed inside the connecting state callback', async () => {
    const s = await server({ '/s': stallRoute() });
    const r = record(
      { request: get(s.url('/s')) },
      { onState: (st) => st.type === 'connecting' && r.conn.close() },
    );
    r.conn.start();
    await r.conn.done;
    expect(r.stateTypes()).toEqual(['connecting', 'closed']);
    await expectNoMoreRequests(s, 0);
  });

  it('does not reconnect when closed inside the retrying state callback', async () => {
    const s = await server({ '/s': dropRoute('data: one\n\n') });
    const baseline = resources();
    const r = record(
      { request: get(s.url('/s')), retry: fastPolicy({ initialDelayMs: 0 }) },
      { onState: (st) => st.type === 'retrying' && r.conn.close() },
    );
    r.conn.start();
    await r.conn.done;
    expect(r.stateTypes()).toEqual(['connecting', 'open', 'retrying', 'closed']);
    await expectNothingLeft(s, baseline, [r]);
    await expectNoMoreRequests(s, 1);
  });

  it('ignores a second close and reports nothing after the final state', async () => {
    const s = await server({ '/s': stallRoute('data: one\n\n') });
    const r = record({ request: get(s.url('/s')) });
    r.conn.start();
    await r.waitForEvents(1);
    r.conn.close('first');
    r.conn.close('second');
    r.conn.reconnectNow();
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ message: 'first' });
    await expectNoMoreRequests(s, 1);
    expect(r.stateTypes()).toEqual(['connecting', 'open', 'closed']);
  });

  it('leaves nothing behind after 1,000 open/close cycles', async () => {
    const s = await server({
      '/s': (_req, res) => {
        openStream(res);
        res.write('data: hi\n\n');
      },
    });
    const baseline = resources();
    const CYCLES = 1000;
    const PARALLEL = 25;
    let events = 0;
    const all: Recorder[] = [];
    for (let batch = 0; batch < CYCLES / PARALLEL; batch += 1) {
      await Promise.all(
        Array.from({ length: PARALLEL }, async (_, i) => {
          const r = record({ request: get(s.url('/s')) });
          all.push(r);
          r.conn.start();
          // Half close on the first event, half as soon as the request is sent.
          if (i % 2 === 0) await r.waitForEvents(1);
          else await r.waitForState('connecting');
          r.conn.close();
          const final = await r.conn.done;
          expect(final.type).toBe('closed');
          events += r.events.length;
        }),
      );
    }
    expect(events).toBeGreaterThanOrEqual(CYCLES / 2);
    await expectNothingLeft(s, baseline, all);
    const requests = await settledRequestCount(s);
    expect(requests).toBeLessThanOrEqual(CYCLES);
    await expectNoMoreRequests(s, requests);
  });
});
