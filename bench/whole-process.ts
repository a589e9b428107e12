import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLine, median, runProcess, type ProcessRun } from './process-runs';
import { WORKLOADS } from './workloads';

/**
 * The engine as a user of the CLI meets it: whole processes, spawn to exit, side by side
 * (docs/performance.md, "Whole processes"). Per workload and round, in turn:
 *
 * - A: Node's fetch reading the raw body (bench/whole-process/raw-fetch.mjs);
 * - B: fetch + eventsource-parser 4.1.3 through TextDecoderStream (esp-stream.mjs);
 * - C: `eventscope watch <url> --format none --no-retry` (the built out/main/cli.js);
 * - F: the floor of a fetch client: A plus one native search per line end, no parse at all
 *   (floor-scan.mjs), to show how close C is to what any SSE client reading with fetch pays.
 *
 * Each body is a workload of bench/workloads.ts sent several times over in one response, so
 * start-up is a fair share of the run, as it is for a user, not all of it.
 */

const RUNS = Math.max(7, Number(process.env.BENCH_WHOLE_RUNS ?? 7));
const CLI = resolve('out/main/cli.js');

/** Repeats per workload: W1 → 1.6M events, W4 → 1.5M, W2 and W3 ~160 and ~250 MB. */
const REPEATS: Record<string, number> = { W1: 8, W2: 2, W3: 2, W4: 15 };

interface Client {
  id: 'A' | 'B' | 'C' | 'F';
  label: string;
  args(url: string): string[];
  /** Checks what the process reports; throws when it did not read everything. */
  check(run: ProcessRun, events: number, chars: number, bytes: number | null): void;
}

const CLIENTS: readonly Client[] = [
  {
    id: 'A',
    label: 'A: fetch, raw body',
    args: (url) => [resolve('bench/whole-process/raw-fetch.mjs'), url],
    check(run, _events, _chars, bytes) {
      const got = (JSON.parse(run.stdout) as { bytes: number }).bytes;
      if (bytes !== null && got !== bytes) throw new Error(`A read ${got} of ${bytes} bytes`);
    },
  },
  {
    id: 'B',
    label: 'B: fetch + eventsource-parser (TextDecoderStream)',
    args: (url) => [resolve('bench/whole-process/esp-stream.mjs'), url],
    check(run, events, chars) {
      const got = JSON.parse(run.stdout) as { events: number; chars: number };
      if (got.events !== events || got.chars !== chars)
        throw new Error(`B got ${got.events} events, ${got.chars} chars; expected ${events}`);
    },
  },
  {
    id: 'C',
    label: 'C: eventscope watch --format none --no-retry',
    args: (url) => [CLI, 'watch', url, '--format', 'none', '--no-retry', '--summary'],
    check(run, events) {
      const got = JSON.parse(run.stderr.trim().split('\n').pop()!) as { events: number };
      if (run.exitCode !== 0 || got.events !== events)
        throw new Error(`C got ${got.events} events (exit ${run.exitCode}); expected ${events}`);
    },
  },
  {
    id: 'F',
    label: 'F: fetch + one search per line end (floor)',
    args: (url) => [resolve('bench/whole-process/floor-scan.mjs'), url],
    check(run, _events, _chars, bytes) {
      const got = (JSON.parse(run.stdout) as { bytes: number }).bytes;
      if (bytes !== null && got !== bytes) throw new Error(`F read ${got} of ${bytes} bytes`);
    },
  },
];

export interface WholeProcessRow {
  workload: string;
  events: number;
  bodyMiB: number;
  wallMs: Record<string, number>;
  cpuMs: Record<string, number>;
  allWallMs: Record<string, number[]>;
  allCpuMs: Record<string, number[]>;
}

export async function measureWholeProcesses(base: string): Promise<WholeProcessRow[]> {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first');
  const rows: WholeProcessRow[] = [];
  for (const workload of WORKLOADS) {
    const repeat = REPEATS[workload.id] ?? 1;
    const url = `${base}/${workload.id}?repeat=${repeat}`;
    const events = workload.events * repeat;
    const chars = events * workload.dataChars;
    const wall: Record<string, number[]> = { A: [], B: [], C: [], F: [] };
    const cpu: Record<string, number[]> = { A: [], B: [], C: [], F: [] };
    let bytes: number | null = null;
    for (let round = 0; round < RUNS; round++) {
      // Rotate who goes first, so none always runs right after the same neighbour.
      for (let k = 0; k < CLIENTS.length; k++) {
        const client = CLIENTS[(k + round) % CLIENTS.length]!;
        const run = await runProcess(process.execPath, client.args(url));
        if (client.id === 'A' && run.exitCode === 0)
          bytes ??= (JSON.parse(run.stdout) as { bytes: number }).bytes;
        client.check(run, events, chars, bytes);
        wall[client.id]!.push(run.wallMs);
        cpu[client.id]!.push(run.cpuMs);
      }
    }
    rows.push({
      workload: workload.id,
      events,
      bodyMiB: (bytes ?? 0) / 1024 / 1024,
      wallMs: Object.fromEntries(CLIENTS.map((c) => [c.id, median(wall[c.id]!)])),
      cpuMs: Object.fromEntries(CLIENTS.map((c) => [c.id, median(cpu[c.id]!)])),
      allWallMs: wall,
      allCpuMs: cpu,
    });
    process.stderr.write(`  whole processes: ${workload.id} done (${loadLine()})\n`);
  }
  return rows;
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Markdown tables: medians of wall and CPU time, and speed ratios C/B, C/A (B's time ÷ C's). */
export function wholeProcessReport(rows: readonly WholeProcessRow[]): string {
  const head = `| | ${rows.map((r) => `${r.workload} ${fmt(r.events)} ev (${fmt(r.bodyMiB, 1)} MiB)`).join(' | ')} |`;
  const rule = `| --- | ${rows.map(() => '---:').join(' | ')} |`;
  const lines = [
    `Whole processes, spawn to exit, median of ${RUNS} interleaved rounds: wall ms (CPU ms)`,
    '',
    head,
    rule,
  ];
  for (const client of CLIENTS) {
    lines.push(
      `| ${client.label} | ${rows.map((r) => `${fmt(r.wallMs[client.id]!)} (${fmt(r.cpuMs[client.id]!)})`).join(' | ')} |`,
    );
  }
  const ratio = (r: WholeProcessRow, over: 'A' | 'B', of: 'wallMs' | 'cpuMs', by = 'C') =>
    r[of][over]! / r[of][by]!;
  lines.push(
    `| **C/B** speed, wall (CPU); target ≥ 1.25 | ${rows.map((r) => `**${fmt(ratio(r, 'B', 'wallMs'), 2)}×** (${fmt(ratio(r, 'B', 'cpuMs'), 2)}×)`).join(' | ')} |`,
    `| **C/A** speed, wall (CPU); target ≥ 0.85 on W1, W2, W4 | ${rows.map((r) => `**${fmt(ratio(r, 'A', 'wallMs'), 2)}×** (${fmt(ratio(r, 'A', 'cpuMs'), 2)}×)`).join(' | ')} |`,
    `| F/A, the floor, wall (CPU) | ${rows.map((r) => `${fmt(ratio(r, 'A', 'wallMs', 'F'), 2)}× (${fmt(ratio(r, 'A', 'cpuMs', 'F'), 2)}×)`).join(' | ')} |`,
  );
  return lines.join('\n');
}
