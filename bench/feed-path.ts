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
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STREAMS = [
  { workload: 'W1', repeat: 4 },
  { workload: 'W4', repeat: 2 },
] as const;
const FLUSH_MS = 16;

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

async function bare(url: string): Promise<number> {
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
  const response = await fetch(url);
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) parser.feed(decoder.decode(chunk, { stream: true }));
  clearInterval(timer);
  flush();
  return events;
}

async function app(url: string): Promise<number> {
  const logsDir = mkdtempSync(join(tmpdir(), 'eventscope-bench-feed-'));
  const manager = createFeedManager({ logsDir });
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
    removeScratch();
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
}

const [flag, kind, url] = process.argv.slice(2);
if (flag === '--child' && (kind === 'bare' || kind === 'app') && url !== undefined) {
  void child(kind, url);
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
