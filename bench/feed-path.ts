import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { createParser } from 'eventsource-parser';
import { defaultRetryPolicy } from '../shared/model/retry-defaults';
import { createFeedManager, type FeedSink } from '../electron/core/feeds/feed-manager';
import type { SentFeedFrame } from '../electron/core/feeds/frame-queue';
import { baselineEntry } from './baseline-entry';
import { startBenchServer } from './bench-server';
import { loadLine, median, removeScratch, runProcess } from './process-runs';
import { WORKLOADS } from './workloads';

/**
 * `npm run bench:feed`: the Node side's per-event cost without a page (docs/performance.md, "The
 * Node side per event"). Each round spawns, in turn, a process that reads one loopback stream
 * through
 *
 * - bare: fetch + eventsource-parser + one entry object per event + one `JSON.stringify` per
 *   16 ms frame (bench/e2e/baseline-server.ts without its WebSocket), and
 * - app: the feed manager — engine, session log in a temp folder, frame queue and encoding —
 *   with a page that takes every frame,
 *
 * and prints medians of CPU (user + system, GNU time) and GC time per event, with the app/bare
 * ratio. bench:e2e remains the benchmark of record; this one is quieter on a shared machine.
 * BENCH_RUNS (default 5) rounds; W1 × 4 (800k events × 64 B) and W4 × 2 (200k events, id +
 * event, CRLF).
 *
 * Then, in one process, the same two pipelines over the same chunks held in memory (no
 * server, no socket, no process start-up; the JIT warm), interleaved for IN_PROCESS_ROUNDS
 * rounds after IN_PROCESS_WARMUP: the quietest figure of the Node side's own work per event on
 * a machine shared with others. BENCH_IN_PROCESS_ONLY=1 runs this part alone;
 * BENCH_IN_PROCESS_CHUNK_BYTES sets the size of its reads.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STREAMS = [
  { workload: 'W1', repeat: 4 },
  { workload: 'W4', repeat: 2 },
] as const;
const FLUSH_MS = 16;
const IN_PROCESS_EVENTS = 200_000;
const IN_PROCESS_ROUNDS = Number(process.env.BENCH_IN_PROCESS_ROUNDS ?? 12);
const IN_PROCESS_WARMUP = 2;
/**
 * The size of the reads a loopback socket hands fetch for a fast stream; BENCH_IN_PROCESS_CHUNK_BYTES
 * smaller shows the costs per read rather than per event (3,200 B: 50 events, what a 10k ev/s
 * stream written every 5 ms delivers per read, as in bench:e2e (a) and (d)).
 */
const IN_PROCESS_CHUNK_BYTES = Number(process.env.BENCH_IN_PROCESS_CHUNK_BYTES ?? 64 * 1024);

type Kind = 'bare' | 'app';

interface ChildReport {
  events: number;
  gcMs: number;
}

function observeGc(): () => number {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => gcMs;
}

/** A response body: the loopback stream, or chunks held in memory (the in-process part). */
type Source = string | readonly Uint8Array[];

/** One chunk per turn of the event loop, as reads from a socket come: timers run between them. */
function chunkStream(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setImmediate(resolve));
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
}

function respond(chunks: readonly Uint8Array[]): Response {
  return new Response(chunkStream(chunks), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream' },
  });
}

async function bare(source: Source): Promise<number> {
  let events = 0;
  let pending: unknown[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const frame = { feedId: 'bare', firstSeq: 1, entries: pending, dropped: 0 };
    JSON.stringify({ type: 'frame', frame });
    pending = [];
  };
  const timer = setInterval(flush, FLUSH_MS);
  const parser = createParser({
    onEvent: (event) => {
      events += 1;
      pending.push(baselineEntry(events, event));
    },
  });
  const response = typeof source === 'string' ? await fetch(source) : respond(source);
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) parser.feed(decoder.decode(chunk, { stream: true }));
  clearInterval(timer);
  flush();
  return events;
}

async function app(source: Source): Promise<number> {
  const logsDir = mkdtempSync(join(tmpdir(), 'eventscope-bench-feed-'));
  const url = typeof source === 'string' ? source : 'http://in-process.invalid/';
  const manager = createFeedManager({
    logsDir,
    ...(typeof source === 'string' ? {} : { fetch: () => Promise.resolve(respond(source)) }),
  });
  let events = 0;
  let ended: () => void = () => {};
  const done = new Promise<void>((resolveDone) => (ended = resolveDone));
  const page: FeedSink = {
    id: 'bench',
    // Counted from the frame queue's header: a frame's entries are decoded only when read,
    // which is the page's work, not the Node side's.
    sendFrame: (frame) => {
      events += (frame as SentFeedFrame).eventCount;
    },
    notify: (channel, payload) => {
      if (channel !== 'feeds:state-changed') return;
      const { type } = (payload as { state: { type: string } }).state;
      if (type === 'closed' || type === 'failed') ended();
    },
    canSend: () => true,
  };
  try {
    await manager.open(page, {
      name: 'bench',
      request: { url, method: 'GET', headers: [], body: null },
      retry: { ...defaultRetryPolicy('GET'), reconnectOnEnd: false },
    });
    await done;
    await manager.dispose();
  } finally {
    rmSync(logsDir, { recursive: true, force: true });
  }
  return events;
}

async function child(kind: Kind, url: string): Promise<void> {
  const gcMs = observeGc();
  const events = kind === 'bare' ? await bare(url) : await app(url);
  const report: ChildReport = { events, gcMs: Math.round(gcMs()) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

async function main(): Promise<void> {
  if (process.env.BENCH_IN_PROCESS_ONLY === '1') return inProcess();
  const { base, child: server } = await startBenchServer();
  console.log(`bench:feed — ${RUNS} rounds, ${loadLine()} at the start`);
  const rows: string[] = [];
  try {
    for (const { workload, repeat } of STREAMS) {
      const expected = WORKLOADS.find((w) => w.id === workload)!.events * repeat;
      const url = `${base}/${workload}?repeat=${repeat}`;
      const cpu: Record<Kind, number[]> = { bare: [], app: [] };
      const gc: Record<Kind, number[]> = { bare: [], app: [] };
      for (let round = 0; round < RUNS; round++) {
        const order: Kind[] = round % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
        for (const kind of order) {
          const run = await runProcess(process.execPath, [
            '--import',
            'tsx',
            resolve('bench/feed-path.ts'),
            '--child',
            kind,
            url,
          ]);
          if (run.exitCode !== 0) throw new Error(`${kind} on ${workload} failed:\n${run.stderr}`);
          const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildReport;
          if (report.events !== expected) {
            throw new Error(`${kind} on ${workload}: ${report.events} of ${expected} events`);
          }
          cpu[kind].push(run.cpuMs);
          gc[kind].push(report.gcMs);
        }
      }
      const us = (kind: Kind): number => (median(cpu[kind]) * 1000) / expected;
      for (const kind of ['bare', 'app'] as const) {
        rows.push(
          `| ${workload} × ${repeat} (${expected.toLocaleString('en-US')} events) | ${kind} | ` +
            `${median(cpu[kind]).toLocaleString('en-US')} | ${us(kind).toFixed(2)} | ` +
            `${median(gc[kind]).toLocaleString('en-US')} | ${(us(kind) / us('bare')).toFixed(2)} |`,
        );
      }
    }
  } finally {
    server.kill();
  }
  console.log(
    [
      '',
      '| stream | pipeline | CPU ms (median, whole process) | µs / event | GC ms (median) | app / bare |',
      '| :-- | :-- | --: | --: | --: | --: |',
      ...rows,
      '',
      `(${loadLine()} at the end; process start-up included in CPU)`,
    ].join('\n'),
  );
  await inProcess();
}

/** The in-process part, in a child of its own: W1's events as 64 KiB chunks in memory. */
async function inProcessChild(): Promise<void> {
  const body = WORKLOADS.find((w) => w.id === 'W1')!.build();
  const end = body.indexOf('\n\n', Math.floor((body.length * IN_PROCESS_EVENTS) / 200_000) - 200);
  const stream = body.subarray(0, end + 2);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < stream.length; at += IN_PROCESS_CHUNK_BYTES) {
    chunks.push(new Uint8Array(stream.subarray(at, at + IN_PROCESS_CHUNK_BYTES)));
  }
  const events = stream.toString('latin1').split('\n\n').length - 1;
  const gcMs = observeGc();
  const perEvent: Record<Kind, number[]> = { bare: [], app: [] };
  const gcPerEvent: Record<Kind, number[]> = { bare: [], app: [] };
  for (let round = 0; round < IN_PROCESS_WARMUP + IN_PROCESS_ROUNDS; round++) {
    const order: Kind[] = round % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
    for (const kind of order) {
      const gc0 = gcMs();
      const cpu0 = process.cpuUsage();
      const seen = kind === 'bare' ? await bare(chunks) : await app(chunks);
      const cpu = process.cpuUsage(cpu0);
      // GC entries reach the observer a turn later.
      await new Promise((resolve) => setImmediate(resolve));
      if (seen !== events) throw new Error(`${kind} in process: ${seen} of ${events} events`);
      if (round < IN_PROCESS_WARMUP) continue;
      perEvent[kind].push((cpu.user + cpu.system) / events);
      gcPerEvent[kind].push(((gcMs() - gc0) * 1000) / events);
    }
  }
  process.stdout.write(
    `${JSON.stringify({ events, perEvent, gcPerEvent, rounds: IN_PROCESS_ROUNDS })}\n`,
  );
}

async function inProcess(): Promise<void> {
  const run = await runProcess(process.execPath, [
    '--import',
    'tsx',
    resolve('bench/feed-path.ts'),
    '--in-process',
  ]).finally(removeScratch);
  if (run.exitCode !== 0) throw new Error(`in-process part failed:\n${run.stderr}`);
  const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    events: number;
    rounds: number;
    perEvent: Record<Kind, number[]>;
    gcPerEvent: Record<Kind, number[]>;
  };
  const us = (kind: Kind) => median(report.perEvent[kind]);
  console.log(
    [
      '',
      `In one process, ${report.events.toLocaleString('en-US')} events × 64 B from memory ` +
        `in reads of ${IN_PROCESS_CHUNK_BYTES.toLocaleString('en-US')} B, ` +
        `${report.rounds} interleaved rounds after ${IN_PROCESS_WARMUP} of warm-up:`,
      '',
      '| pipeline | CPU µs / event (median) | min | GC µs / event (median) | app / bare |',
      '| :-- | --: | --: | --: | --: |',
      ...(['bare', 'app'] as const).map(
        (kind) =>
          `| ${kind} | ${us(kind).toFixed(2)} | ${Math.min(...report.perEvent[kind]).toFixed(2)} | ` +
          `${median(report.gcPerEvent[kind]).toFixed(2)} | ${(us(kind) / us('bare')).toFixed(2)} |`,
      ),
      '',
      `(${loadLine()} at the end)`,
    ].join('\n'),
  );
}

const [flag, kind, url] = process.argv.slice(2);
if (flag === '--child' && (kind === 'bare' || kind === 'app') && url !== undefined) {
  void child(kind, url);
} else if (flag === '--in-process') {
  void inProcessChild();
} else {
  main().catch((error: unknown) => {
    removeScratch();
    console.error(error);
    process.exitCode = 1;
  });
}
