import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/model/connection-state';
import { createSseConnection } from './connection';
import { fastPolicy, get, record } from '../../../tests/support/sse/test-harness';
import { dropRoute, openStream, useTestServers } from '../../../tests/support/sse/test-server';

const server = useTestServers();

const post = (url: string, body: string) => ({
  url,
  method: 'POST',
  headers: [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'X-Trace', value: 'same-every-time' },
  ],
  body,
});

const reasons = (states: ConnectionState[]): string[] =>
  states.flatMap((s) => (s.type === 'retrying' ? [s.reason] : []));

describe('resuming a non-GET stream that broke off', () => {
  it('re-sends a POST whose stream carried ids, with the same body, headers and Last-Event-ID', async () => {
    const s = await server({
      '/gen': (req, res, ctx) => {
        if (ctx.hit === 1) {
          return dropRoute('id: 1\ndata: tok 1\n\nid: 2\ndata: tok 2\n\ndata: half')(req, res, ctx);
        }
        openStream(res);
        res.end('id: 3\ndata: tok 3\n\ndata: [DONE]\n\n');
      },
    });
    const body = '{"prompt":"héllo"}';
    let sawDone = false;
    const r = record(
      {
        request: post(s.url('/gen'), body),
        retry: fastPolicy({ reconnectOnEnd: false }),
        isRunOver: () => sawDone,
      },
      { onEvent: (event) => void (sawDone ||= event.data === '[DONE]') },
    );
    r.conn.start();
    const final = await r.conn.done;
    expect(r.events.map((e) => e.data)).toEqual(['tok 1', 'tok 2', 'tok 3', '[DONE]']);
    const [first, second] = s.requestsTo('/gen');
    expect(s.requestsTo('/gen')).toHaveLength(2);
    expect(second?.method).toBe('POST');
    expect(second?.body.toString('utf8')).toBe(body);
    expect(second?.headers['x-trace']).toBe('same-every-time');
    expect(first?.headers['last-event-id']).toBeUndefined();
    expect(second?.headers['last-event-id']).toBe('2');
    // The timeline says which rule applied.
    expect(reasons(r.states)[0]).toMatch(/resume auto: the stream carried event id "2"/);
    // The terminator ends the run: the clean end after it is not a reason to send again.
    expect(final).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
    expect(final.type === 'closed' && final.message).toMatch(/terminator/);
  });

  it('does not re-send a POST whose stream carried no id, and says which rule applied', async () => {
    const s = await server({ '/gen': dropRoute('data: tok 1\n\ndata: tok') });
    const r = record({
      request: post(s.url('/gen'), '{}'),
      retry: fastPolicy({ reconnectOnEnd: false }),
    });
    r.conn.start();
    const final = await r.conn.done;
    expect(s.requestsTo('/gen')).toHaveLength(1);
    expect(final.type).toBe('failed');
    expect(final.type === 'failed' && final.error.message).toMatch(
      /resume auto: the stream carried no event id/,
    );
  });

  it('re-sends without ids under resume always, and never with ids under resume never', async () => {
    const s = await server({
      '/always': (req, res, ctx) => {
        if (ctx.hit === 1) return dropRoute('data: a\n\n')(req, res, ctx);
        res.writeHead(204).end();
      },
      '/never': dropRoute('id: 9\ndata: b\n\n'),
    });
    const always = record({
      request: post(s.url('/always'), '{}'),
      retry: fastPolicy({ reconnectOnEnd: false }),
      resume: 'always',
    });
    always.conn.start();
    await always.conn.done;
    expect(s.requestsTo('/always')).toHaveLength(2);
    expect(reasons(always.states)[0]).toMatch(/resume always/);

    const never = record({
      request: post(s.url('/never'), '{}'),
      retry: fastPolicy({ reconnectOnEnd: true }),
      resume: 'never',
    });
    never.conn.start();
    const final = await never.conn.done;
    expect(s.requestsTo('/never')).toHaveLength(1);
    expect(final.type === 'failed' && final.error.message).toMatch(/resume never/);
  });

  it('never reconnects a GET after the terminator, even though GET reconnects after an end', async () => {
    const s = await server({
      '/llm': (_req, res) => {
        openStream(res);
        res.end('data: {"choices":[]}\n\ndata: [DONE]\n\n');
      },
    });
    let over = false;
    const r = record(
      { request: get(s.url('/llm')), retry: fastPolicy(), isRunOver: () => over },
      { onEvent: (event) => void (over ||= event.data === '[DONE]') },
    );
    r.conn.start();
    expect(await r.conn.done).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
    expect(s.requestsTo('/llm')).toHaveLength(1);
  });
});

describe('events handed over as sizes only', () => {
  it('counts the events after reportSizesOnly(true) by UTF-8 size and still resumes from their last id', async () => {
    const s = await server({
      '/s': (req, res, ctx) => {
        if (ctx.hit === 1) {
          return dropRoute('id: 1\ndata: first\n\nid: 2\ndata: sé\n\nid: 3\ndata: €€\n\n')(
            req,
            res,
            ctx,
          );
        }
        res.writeHead(204).end();
      },
    });
    const r = record(
      { request: get(s.url('/s')) },
      { onEvent: () => r.conn.reportSizesOnly(true) },
    );
    r.conn.start();
    const final = await r.conn.done;
    expect(r.events.map((e) => e.data)).toEqual(['first']);
    expect(r.sizes).toEqual([3, 6]);
    expect(r.conn.lastEventId).toBe('3');
    expect(s.requestsTo('/s')[1]?.headers['last-event-id']).toBe('3');
    expect(final).toMatchObject({ type: 'closed', reason: 'no-content' });
  });

  it('refuses to hand over sizes to a consumer without onEventSize', () => {
    const conn = createSseConnection(
      { request: { url: 'http://127.0.0.1:9/', method: 'GET', headers: [] } },
      { onEvent: () => undefined, onState: () => undefined },
    );
    expect(() => conn.reportSizesOnly(true)).toThrow(TypeError);
    conn.close();
  });
});
