import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../../shared/api/feeds';
import { decodeFeedFrame } from '../../../shared/api/frame-codec';
import { readLogRecords } from '../../../tests/support/sessions/read-log';
import type { FeedEntry, FeedFrame } from '../../../shared/api/frames';
import { createDemoServer } from '../demo/server';
import type { DemoServer } from '../demo/server';
import type { FeedManager, FeedSink } from './feed-manager';
import { createFeedManager, FEED_RESUME_RECENT_ENTRIES } from './feed-manager';
import { enforceLogRetention } from './log-retention';
import {
  redirectRoute,
  startTestServer,
  streamRoute,
} from '../../../tests/support/sse/test-server';

let demo: DemoServer | null = null;
let manager: FeedManager | null = null;
afterEach(async () => {
  await manager?.dispose();
  await demo?.close();
  manager = demo = null;
});

interface RecordingSink extends FeedSink {
  frames: FeedFrame[];
  states: FeedSummary[];
  entries(feedId: string): FeedEntry[];
  ready: boolean;
}

function recordingSink(id = 'page-1'): RecordingSink {
  const sink: RecordingSink = {
    id,
    frames: [],
    states: [],
    ready: true,
    sendFrame: (frame) => sink.frames.push(frame),
    notify: (channel, payload) => {
      if (channel === 'feeds:state-changed') sink.states.push(payload as FeedSummary);
    },
    canSend: () => sink.ready,
    entries: (feedId) => sink.frames.filter((f) => f.feedId === feedId).flatMap((f) => f.entries),
  };
  return sink;
}

const readLog = readLogRecords;

const lastState = (sink: RecordingSink, feedId: string) =>
  sink.states.filter((s) => s.feedId === feedId).at(-1)?.state.type;

async function setup(queue?: { maxQueuedEntries?: number }, tickMs?: number) {
  demo = await createDemoServer({ port: 0, tickMs });
  const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-feeds-'));
  manager = createFeedManager({ logsDir: join(dataDir, 'logs'), queue });
  return { demo, manager, dataDir };
}

const burst = (url: string, n: number, size = 64) => ({
  name: `burst ${n}`,
  request: { url: `${url}/burst?n=${n}&size=${size}`, method: 'GET', headers: [] },
  retry: { ...noRetry },
});

const noRetry = {
  enabled: false,
  initialDelayMs: 0,
  minDelayMs: 0,
  stableAfterMs: 0,
  maxDelayMs: 0,
  multiplier: 1,
  jitterRatio: 0,
  maxAttempts: 0,
  retryOnStatus: [],
  honorRetryAfter: false,
  honorServerRetry: false,
  reconnectOnEnd: false,
};

describe('the feed manager', () => {
  it('numbers every entry of a feed and delivers all events in frames, never one message per event', async () => {
    const { demo, manager } = await setup();
    const sink = recordingSink();
    const feed = await manager.open(sink, burst(demo.url, 20_000));
    await expect.poll(() => lastState(sink, feed.feedId), { timeout: 15_000 }).toBe('closed');
    const entries = sink.entries(feed.feedId);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const events = entries.filter((e) => e.kind === 'event');
    expect(events).toHaveLength(20_000);
    expect(events[0]).toMatchObject({
      type: 'message',
      lastEventId: '1',
      attempt: 1,
      sizeBytes: 64,
    });
    expect(events.at(-1)).toMatchObject({ lastEventId: '20000' });
    expect(sink.frames.length).toBeLessThan(2_000);
    expect(
      entries.filter((e) => e.kind === 'state').map((e) => e.kind === 'state' && e.state.type),
    ).toEqual(['connecting', 'open', 'closed']);
  });

  it('writes every entry to the session log even when the page drops', async () => {
    const { demo, manager } = await setup({ maxQueuedEntries: 50 });
    const sink = recordingSink();
    sink.ready = false; // a page that is not keeping up at all
    const feed = await manager.open(sink, burst(demo.url, 5_000));
    await expect
      .poll(() => feed.logFile && lastState(sink, feed.feedId), { timeout: 15_000 })
      .toBe('closed');
    sink.ready = true;
    await manager.close(sink, feed.feedId);

    const delivered = sink.entries(feed.feedId);
    const dropped = sink.frames.reduce((n, f) => n + f.dropped, 0);
    expect(dropped).toBeGreaterThan(4_000);
    expect(delivered.length + dropped).toBe(delivered.at(-1)!.seq);

    const log = readLog(feed.logFile!);
    expect(log[0]).toMatchObject({
      kind: 'session',
      feedId: feed.feedId,
      url: `${demo.url}/burst?n=5000&size=64`,
    });
    // The last line says how the session ended, for session lists (docs/sessions.md).
    expect(log.at(-1)).toMatchObject({ kind: 'end', events: 5_000, state: 'closed' });
    const logged = log.slice(1, -1);
    expect(logged.map((e) => e.seq)).toEqual(logged.map((_, i) => i + 1));
    const loggedEvents = logged.filter((e) => e.kind === 'event');
    expect(loggedEvents).toHaveLength(5_000);
    expect(loggedEvents.map((e) => e.lastEventId)).toEqual(
      loggedEvents.map((_, i) => String(i + 1)),
    );
  });

  it('runs 20 feeds at once, each with its own numbering and log', async () => {
    const { demo, manager } = await setup();
    const sink = recordingSink();
    const feeds = await Promise.all(
      Array.from({ length: 20 }, (_, i) => manager.open(sink, burst(demo.url, 500 + i))),
    );
    await expect
      .poll(() => feeds.every((f) => lastState(sink, f.feedId) === 'closed'), { timeout: 20_000 })
      .toBe(true);
    feeds.forEach((feed, i) => {
      const events = sink.entries(feed.feedId).filter((e) => e.kind === 'event');
      expect(events).toHaveLength(500 + i);
    });
    expect(new Set(feeds.map((f) => f.logFile)).size).toBe(20);
    expect(manager.list(sink)).toHaveLength(20);
  });

  it('closes only the feeds of a page that goes away, and leaves no handle behind', async () => {
    const { demo, manager } = await setup();
    const before = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const leaving = recordingSink('leaving');
    const staying = recordingSink('staying');
    const stream = (name: string) => ({
      name,
      request: { url: `${demo.url}/stream`, method: 'GET', headers: [] },
    });
    const a = await manager.open(leaving, stream('a'));
    await manager.open(leaving, stream('b'));
    const c = await manager.open(staying, stream('c'));
    await expect.poll(() => lastState(leaving, a.feedId)).toBe('open');
    await expect.poll(() => lastState(staying, c.feedId)).toBe('open');

    await manager.closeOwner(leaving);
    expect(manager.list(leaving)).toEqual([]);
    expect(manager.list(staying).map((f) => f.name)).toEqual(['c']);
    expect(await manager.close(leaving, c.feedId)).toBe(false);
    expect(await manager.close(staying, c.feedId)).toBe(true);
    // Counted while the demo server still runs: a connection left open would still be here.
    await expect
      .poll(() => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length)
      .toBeLessThanOrEqual(before);
  });

  it('does not keep a feed whose page went away while it was opening', async () => {
    const { demo, manager } = await setup();
    const sink = recordingSink();
    const opening = manager.open(sink, {
      name: 'late',
      request: { url: `${demo.url}/stream`, method: 'GET', headers: [] },
    });
    await manager.closeOwner(sink);
    await expect(opening).rejects.toThrow(/gone away/);
    expect(manager.list(sink)).toEqual([]);
    expect(sink.frames).toEqual([]);
  });

  it('keeps the log folder within its limit during a long session, not only when feeds open', async () => {
    demo = await createDemoServer({ port: 0 });
    const logsDir = join(mkdtempSync(join(tmpdir(), 'eventscope-feeds-')), 'logs');
    const old = join(logsDir, 'old', 'session', '2020-01-01.ndjson');
    mkdirSync(join(logsDir, 'old', 'session'), { recursive: true });
    writeFileSync(old, 'x'.repeat(100_000));
    utimesSync(old, new Date('2020-01-01'), new Date('2020-01-01'));
    manager = createFeedManager({ logsDir, maxLogBytes: 400_000, retentionCheckBytes: 100_000 });
    const sink = recordingSink();
    // Opening runs retention once: the old file still fits beside an empty new log.
    const feed = await manager.open(sink, burst(demo.url, 5_000));
    expect(existsSync(old)).toBe(true);
    await expect.poll(() => existsSync(old), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => lastState(sink, feed.feedId), { timeout: 15_000 }).toBe('closed');
  });

  it('opens thirty feeds without waiting for a retention pass, then scans the logs folder once more for all of them, deleting old logs and never one being written', async () => {
    demo = await createDemoServer({ port: 0 });
    const logsDir = join(mkdtempSync(join(tmpdir(), 'eventscope-feeds-')), 'logs');
    const old = Array.from({ length: 10 }, (_, i) =>
      join(logsDir, 'old', 'session', `2020-01-${String(i + 1).padStart(2, '0')}.ndjson`),
    );
    mkdirSync(join(logsDir, 'old', 'session'), { recursive: true });
    old.forEach((path, i) => {
      writeFileSync(path, 'x'.repeat(50_000));
      utimesSync(path, new Date(2020, 0, i + 1), new Date(2020, 0, i + 1));
    });
    let passes = 0;
    let finished = 0;
    const deleted: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    manager = createFeedManager({
      logsDir,
      maxLogBytes: 120_000,
      retentionPass: async (...args) => {
        passes += 1;
        // The first pass is slow (a folder of thousands of logs): the feeds do not wait for it.
        if (passes === 1) await held;
        const gone = await enforceLogRetention(...args);
        deleted.push(...gone);
        finished += 1;
        return gone;
      },
    });
    const sink = recordingSink();
    const feeds = await Promise.all(
      Array.from({ length: 30 }, () => manager!.open(sink, burst(demo!.url, 3))),
    );
    const logs = manager.openLogFiles();
    expect(logs).toHaveLength(30);
    expect(finished).toBe(0);
    release();
    // The 29 feeds opened during the first pass share one more.
    await expect.poll(() => finished).toBe(2);
    expect(passes).toBe(2);
    // The oldest go first until the old ones left (50 kB each) fit beside the new logs.
    expect(old.filter((path) => existsSync(path)).length).toBeLessThanOrEqual(2);
    expect(old.slice(0, 8).every((path) => !existsSync(path))).toBe(true);
    expect(deleted.every((path) => old.includes(path))).toBe(true);
    for (const feed of feeds) {
      await expect.poll(() => lastState(sink, feed.feedId), { timeout: 15_000 }).toBe('closed');
    }
    expect(logs.every((path) => existsSync(path))).toBe(true);
  });

  it('spares the log of a feed opened while a retention pass runs, even with every log over the limit', async () => {
    demo = await createDemoServer({ port: 0 });
    const logsDir = join(mkdtempSync(join(tmpdir(), 'eventscope-feeds-')), 'logs');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    let finished = 0;
    manager = createFeedManager({
      logsDir,
      maxLogBytes: 1,
      retentionPass: async (...args) => {
        started += 1;
        // The first pass is under way (its arguments taken) when the second feed opens.
        if (started === 1) await held;
        const gone = await enforceLogRetention(...args);
        finished += 1;
        return gone;
      },
    });
    const sink = recordingSink();
    const first = await manager.open(sink, burst(demo.url, 3));
    const second = await manager.open(sink, burst(demo.url, 3));
    // Both logs hold their session record on disk: over the 1-byte limit.
    await manager.flushLog(sink, first.feedId);
    await manager.flushLog(sink, second.feedId);
    release();
    await expect.poll(() => finished).toBe(2);
    expect(existsSync(first.logFile!)).toBe(true);
    expect(existsSync(second.logFile!)).toBe(true);
  });

  it('refuses to open a feed whose CA certificates are not certificates, leaving nothing behind', async () => {
    const { demo, manager } = await setup();
    const sink = recordingSink();
    await expect(
      manager.open(sink, {
        ...burst(demo.url, 1),
        transport: { tls: { caCertificates: 'no certificate here' } },
      }),
    ).rejects.toThrow(/CA certificates holds no certificate/);
    expect(manager.list(sink)).toEqual([]);
    expect(sink.frames).toEqual([]);
  });

  it('redacts secret values wherever they show up: URL, error message, echoed 401 body', async () => {
    const { manager } = await setup();
    const secret = 'tok-QUERY-and-ECHO-123';
    const echo = createServer((req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ error: 'bad token', youSent: req.headers.authorization, url: req.url }),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const port = (echo.address() as AddressInfo).port;
    const sink = recordingSink();
    const feed = await manager.open(sink, {
      name: 'echo',
      request: {
        url: `http://127.0.0.1:${port}/stream?key=${secret}`,
        method: 'GET',
        headers: [{ name: 'Authorization', value: `Bearer ${secret}`, secret: true }],
      },
      retry: noRetry,
      secrets: new Set([secret, `Bearer ${secret}`]),
    });
    await expect.poll(() => lastState(sink, feed.feedId)).toBe('failed');
    await manager.close(sink, feed.feedId);
    echo.close();
    const framed = JSON.stringify(sink.frames);
    expect(framed).toContain('bad token');
    expect(framed).not.toContain(secret);
    const logged = readFileSync(feed.logFile!, 'utf8');
    expect(logged).toContain('[redacted]');
    expect(logged).not.toContain(secret);
  });

  it('redacts a secret in an event the same in the log, the frame and its wire text', async () => {
    const { manager } = await setup();
    const secret = 'tok-IN-THE-EVENT-456';
    const leak = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end(`event: ${secret}\nid: ${secret}\ndata: you sent ${secret}\n\ndata: clean\n\n`);
    });
    await new Promise<void>((resolve) => leak.listen(0, '127.0.0.1', resolve));
    const port = (leak.address() as AddressInfo).port;
    const sink = recordingSink();
    const wire: string[] = [];
    const recordFrame = sink.sendFrame;
    sink.sendFrame = (frame, encoded) => {
      wire.push(encoded);
      recordFrame(frame, encoded);
    };
    const feed = await manager.open(sink, {
      name: 'leak',
      request: { url: `http://127.0.0.1:${port}/`, method: 'GET', headers: [] },
      retry: noRetry,
      secrets: new Set([secret]),
    });
    await expect.poll(() => lastState(sink, feed.feedId)).toBe('closed');
    await manager.close(sink, feed.feedId);
    leak.close();
    const events = sink.entries(feed.feedId).filter((e) => e.kind === 'event');
    expect(events.map((e) => [e.type, e.lastEventId, e.data])).toEqual([
      ['[redacted]', '[redacted]', 'you sent [redacted]'],
      ['message', '[redacted]', 'clean'],
    ]);
    expect(wire.join('')).not.toContain(secret);
    // The page and the log hold the same redacted entries.
    const fromWire = wire.flatMap((text) => decodeFeedFrame(text).entries);
    const fromLog = readLog(feed.logFile!).filter((line) => typeof line.seq === 'number');
    expect(fromWire).toEqual(fromLog);
    const logged = readFileSync(feed.logFile!, 'utf8');
    expect(logged).not.toContain(secret);
    expect(logged).toContain('"you sent [redacted]"');
  });

  it("carries a plain feed over Node's own fetch, and one whose idle timeout is off over undici", async () => {
    const { manager } = await setup();
    const agents: string[] = [];
    const server = createServer((req, res) => {
      agents.push(String(req.headers['user-agent']));
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('data: one\n\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const sink = recordingSink();
    const request = { url, method: 'GET', headers: [] };
    const plain = await manager.open(sink, { name: 'plain', request, retry: noRetry });
    await expect.poll(() => lastState(sink, plain.feedId)).toBe('closed');
    // Node's fetch would end a body quiet for 300 s: a feed that never times out needs undici.
    const patient = await manager.open(sink, {
      name: 'patient',
      request,
      retry: noRetry,
      idleTimeoutMs: 0,
    });
    await expect.poll(() => lastState(sink, patient.feedId)).toBe('closed');
    server.close();
    expect(agents).toEqual(['node', 'undici']);
    expect(sink.entries(plain.feedId).filter((e) => e.kind === 'event')).toHaveLength(1);
    expect(sink.entries(patient.feedId).filter((e) => e.kind === 'event')).toHaveLength(1);
  });

  it('puts redirects and retry: fields on the timeline, a POST turned into GET included', async () => {
    const { manager } = await setup();
    const server = await startTestServer({
      '/start': redirectRoute(303, '/stream'),
      '/stream': streamRoute('retry: 500\n\ndata: after the redirect\n\n'),
    });
    const base = server.origin;
    const sink = recordingSink();
    const feed = await manager.open(sink, {
      name: 'redirected',
      request: { url: `${base}/start`, method: 'POST', headers: [], body: '{"prompt":"x"}' },
      retry: noRetry,
    });
    await expect.poll(() => lastState(sink, feed.feedId)).toBe('closed');
    await manager.close(sink, feed.feedId);
    await server.close();
    const entries = sink.entries(feed.feedId);
    expect(entries.find((e) => e.kind === 'redirect')).toMatchObject({
      status: 303,
      to: `${base}/stream`,
      method: 'GET',
      methodChanged: true,
    });
    expect(entries.find((e) => e.kind === 'retry')).toMatchObject({ ms: 500 });
    expect(readFileSync(feed.logFile!, 'utf8')).toContain('"kind":"redirect"');
  });

  it('never writes secret header values into the session log', async () => {
    const { demo, manager } = await setup();
    const sink = recordingSink();
    const secret = 'sk-live-SEKRET-1234567890';
    const feed = await manager.open(sink, {
      name: 'secret',
      request: {
        url: `${demo.url}/burst?n=3`,
        method: 'GET',
        headers: [
          { name: 'Authorization', value: `Bearer ${secret}` },
          { name: 'X-Custom', value: secret, secret: true },
          { name: 'X-Trace', value: 'visible' },
        ],
      },
      retry: noRetry,
    });
    await expect.poll(() => lastState(sink, feed.feedId)).toBe('closed');
    await manager.close(sink, feed.feedId);
    const text = readFileSync(feed.logFile!, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).toContain('visible');
  });

  it('writes a session cookie the server sets as [redacted], in the log and on the page alike', async () => {
    const { manager } = await setup();
    const cookie = 'session=c00kie-SEKRET-42; HttpOnly';
    const server = await startTestServer({
      '/stream': streamRoute('data: hello\n\n', { 'Set-Cookie': cookie, 'X-Trace': 'seen' }),
    });
    const sink = recordingSink();
    const feed = await manager.open(sink, {
      name: 'cookie',
      request: { url: `${server.origin}/stream`, method: 'GET', headers: [] },
      retry: noRetry,
    });
    await expect.poll(() => lastState(sink, feed.feedId)).toBe('closed');
    await manager.close(sink, feed.feedId);
    await server.close();
    const log = readFileSync(feed.logFile!, 'utf8');
    expect(log).not.toContain('c00kie-SEKRET-42');
    const open = readLog(feed.logFile!).find(
      (record) => record.kind === 'state' && (record.state as { type: string }).type === 'open',
    );
    const headers = (open?.state as { headers: Array<{ name: string; value: string }> }).headers;
    expect(headers).toContainEqual({ name: 'set-cookie', value: '[redacted]' });
    expect(headers).toContainEqual({ name: 'x-trace', value: 'seen' });
    expect(JSON.stringify(sink.entries(feed.feedId))).not.toContain('c00kie-SEKRET-42');
  });
});

describe('the feed manager: user actions and pages that come back', () => {
  const counter = (url: string) => ({
    name: 'counter',
    request: { url: `${url}/counter`, method: 'GET', headers: [] },
  });
  const actions = (sink: RecordingSink, feedId: string) =>
    sink.entries(feedId).flatMap((e) => (e.kind === 'action' ? [e.action] : []));
  const eventIds = (sink: RecordingSink, feedId: string) =>
    sink.entries(feedId).flatMap((e) => (e.kind === 'event' ? [Number(e.lastEventId)] : []));

  it('puts a manual reconnect on the timeline before the new attempt', async () => {
    const { demo, manager } = await setup(undefined, 20);
    const sink = recordingSink();
    const feed = await manager.open(sink, counter(demo.url));
    await expect.poll(() => lastState(sink, feed.feedId)).toBe('open');
    expect(manager.reconnect(sink, feed.feedId)).toBe(true);
    await expect.poll(() => actions(sink, feed.feedId)).toEqual(['reconnect-requested']);
    await expect
      .poll(() => sink.states.filter((s) => s.state.type === 'open').length)
      .toBeGreaterThanOrEqual(2);
    const kinds = sink
      .entries(feed.feedId)
      .flatMap((e) =>
        e.kind === 'action' ? ['action'] : e.kind === 'state' ? [e.state.type] : [],
      );
    expect(kinds.slice(kinds.indexOf('action'))).toEqual(['action', 'connecting', 'open']);
  });

  it('disconnects without forgetting the feed, then connects again resuming after the last event ID', async () => {
    const { demo, manager } = await setup(undefined, 20);
    const sink = recordingSink();
    const feed = await manager.open(sink, counter(demo.url));
    await expect.poll(() => eventIds(sink, feed.feedId).length).toBeGreaterThan(1);
    expect(manager.disconnect(sink, feed.feedId)).toBe(true);
    await expect.poll(() => lastState(sink, feed.feedId)).toBe('closed');
    expect(manager.list(sink).map((f) => f.feedId)).toEqual([feed.feedId]);
    const before = eventIds(sink, feed.feedId);

    expect(manager.connect(sink, feed.feedId)).toBe(true);
    await expect.poll(() => eventIds(sink, feed.feedId).length).toBeGreaterThan(before.length);
    const ids = eventIds(sink, feed.feedId);
    expect(ids[before.length]).toBe(before.at(-1)! + 1);
    expect(actions(sink, feed.feedId)).toEqual(['disconnect-requested', 'connect-requested']);
    const seqs = sink.entries(feed.feedId).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    await manager.close(sink, feed.feedId);
    const logged = readLog(feed.logFile!).filter((e) => e.kind === 'action');
    expect(logged.map((e) => e.action)).toEqual(['disconnect-requested', 'connect-requested']);
  });

  it('refuses to connect a live feed or to disconnect one that is already closed', async () => {
    const { demo, manager } = await setup(undefined, 20);
    const sink = recordingSink();
    const feed = await manager.open(sink, counter(demo.url));
    expect(manager.connect(sink, feed.feedId)).toBe(false);
    manager.disconnect(sink, feed.feedId);
    expect(manager.disconnect(sink, feed.feedId)).toBe(false);
    expect(manager.disconnect(recordingSink('other'), feed.feedId)).toBe(false);
  });

  it('reports the request headers with secret values redacted', async () => {
    const { demo, manager } = await setup(undefined, 20);
    const sink = recordingSink();
    const feed = await manager.open(sink, {
      name: 'h',
      request: {
        url: `${demo.url}/stream`,
        method: 'GET',
        headers: [
          { name: 'Authorization', value: 'Bearer sk-1' },
          { name: 'X-Plain', value: 'yes' },
        ],
      },
    });
    expect(feed.requestHeaders).toEqual([
      { name: 'Authorization', value: '[redacted]' },
      { name: 'X-Plain', value: 'yes' },
    ]);
  });

  it('keeps the feeds of a page that reloads running, and hands them with recent entries to the page with its token', async () => {
    const { demo, manager } = await setup(undefined, 20);
    const token = 'token-0123456789abcdef';
    const first = recordingSink('first');
    expect(manager.resume(first, token)).toEqual([]);
    const feed = await manager.open(first, counter(demo.url));
    await expect.poll(() => eventIds(first, feed.feedId).length).toBeGreaterThan(0);
    await manager.closeOwner(first);

    const stranger = recordingSink('stranger');
    expect(manager.resume(stranger, 'another-token-0123456')).toEqual([]);
    const second = recordingSink('second');
    const seen = eventIds(first, feed.feedId).at(-1)!;
    await expect
      .poll(() => readLog(feed.logFile!).filter((e) => e.kind === 'event').length)
      .toBeGreaterThan(seen);
    const resumed = manager.resume(second, token);
    expect(resumed.map((f) => f.feedId)).toEqual([feed.feedId]);
    expect(resumed[0]!.state.type).toBe('open');
    // The recent entries come at once, in order, from the first entry on (the feed is young).
    expect(second.frames[0]).toMatchObject({ feedId: feed.feedId, firstSeq: 1, dropped: 0 });
    await expect.poll(() => eventIds(second, feed.feedId).length).toBeGreaterThan(seen + 1);
    const ids = eventIds(second, feed.feedId);
    expect(ids).toEqual(ids.map((_, i) => ids[0]! + i));
    const seqs = second.entries(feed.feedId).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(manager.list(second).map((f) => f.feedId)).toEqual([feed.feedId]);
    expect(stranger.frames).toEqual([]);
  });

  it('hands a page that re-attaches to a long feed its last entries exactly as the log has them', async () => {
    const { demo, manager } = await setup();
    const token = 'token-long-feed-0123456';
    const first = recordingSink('first');
    manager.resume(first, token);
    const feed = await manager.open(first, burst(demo.url, 3_000));
    await expect.poll(() => lastState(first, feed.feedId)).toBe('closed');
    await manager.closeOwner(first);

    const second = recordingSink('second');
    expect(manager.resume(second, token).map((f) => f.feedId)).toEqual([feed.feedId]);
    const [frame] = second.frames;
    await manager.flushLog(second, feed.feedId);
    const logged = readLog(feed.logFile!).filter((line) => typeof line.seq === 'number');
    expect(logged.length).toBeGreaterThan(FEED_RESUME_RECENT_ENTRIES);
    const last = logged.slice(-FEED_RESUME_RECENT_ENTRIES);
    // Older entries are reported as dropped, never silently missing.
    expect(frame).toMatchObject({ firstSeq: last[0]!.seq, dropped: (last[0]!.seq as number) - 1 });
    expect(frame!.entries).toEqual(last);
  });

  it('closes the feeds of a page that does not come back within the grace period', async () => {
    demo = await createDemoServer({ port: 0, tickMs: 20 });
    const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-feeds-'));
    manager = createFeedManager({ logsDir: join(dataDir, 'logs'), resumeGraceMs: 200 });
    const token = 'token-0123456789abcdef';
    const first = recordingSink('first');
    manager.resume(first, token);
    const feed = await manager.open(first, counter(demo.url));
    await manager.closeOwner(first);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const late = recordingSink('late');
    expect(manager.resume(late, token)).toEqual([]);
    const log = readLog(feed.logFile!);
    // The log ends with its end record, after the closed state (docs/sessions.md).
    expect(log.at(-1)).toMatchObject({ kind: 'end', state: 'closed' });
    expect(log.filter((entry) => entry.kind === 'state').at(-1)).toMatchObject({
      kind: 'state',
      state: { type: 'closed' },
    });
  });
});
