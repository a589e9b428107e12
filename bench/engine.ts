import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import {
  eventsourceParserFeed,
  eventsourceParserStream,
  fetchTextDecoder,
  ourEngine,
  ourParser,
  rawFetch,
  type Client,
  type Tally,
} from './clients';
import { startBenchServer } from './bench-server';
import { measureWholeProcesses, wholeProcessReport } from './whole-process';
import { WORKLOADS, type Workload } from './workloads';

/**
 * `npm run bench`: the SSE engine benchmark (docs/performance.md, "SSE engine"). A local server (its own process, on
 * 127.0.0.1 and a free port) streams four workloads; each client reads each workload RUNS times,
 * round-robin so load changes hit every client alike; we print medians, events/s and ratios.
 * Then a child process with --expose-gc measures memory (bench/memory.ts).
 * Results are also written to bench/results/ (ignored by git).
 */
/** Medians of 5 per the issue; BENCH_RUNS=9 gives steadier numbers on a busy machine. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Variant {
  id: string;
  label: string;
  client: Client;
  /** Parsing clients must deliver every event; raw readers only every byte. */
  parses: boolean;
}

const VARIANTS: readonly Variant[] = [
  { id: 'ceiling', label: 'raw fetch body (ceiling)', client: rawFetch, parses: false },
  { id: 'decode', label: 'fetch + TextDecoder only', client: fetchTextDecoder, parses: false },
  {
    id: 'esp-stream',
    label: 'eventsource-parser (TextDecoderStream pipe)',
    client: eventsourceParserStream,
    parses: true,
  },
  {
    id: 'esp-feed',
    label: 'eventsource-parser (createParser + TextDecoder)',
    client: eventsourceParserFeed,
    parses: true,
  },
  { id: 'parser', label: 'fetch + our parser', client: ourParser, parses: true },
  { id: 'engine', label: 'our engine (createSseConnection)', client: ourEngine, parses: true },
];

function check(w: Workload, v: Variant, t: Tally, bodyBytes: number | undefined): void {
  if (v.parses) {
    if (t.events !== w.events || t.chars !== w.events * w.dataChars) {
      throw new Error(
        `${v.id} on ${w.id}: ${t.events} events / ${t.chars} chars, expected ${w.events}`,
      );
    }
  } else if (bodyBytes !== undefined && t.bytes !== bodyBytes) {
    throw new Error(`${v.id} on ${w.id}: ${t.bytes} bytes, expected ${bodyBytes}`);
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

interface Row {
  workload: string;
  label: string;
  bodyMiB: number;
  medianMs: Record<string, number>;
  eventsPerSec: Record<string, number>;
  /** Client process CPU time (user + system, all threads) per run: robust to a busy machine. */
  medianCpuMs: Record<string, number>;
  allMs: Record<string, number[]>;
  allCpuMs: Record<string, number[]>;
}

async function measure(base: string): Promise<Row[]> {
  // Warm the JIT and the server's lazily built bodies before anything is timed.
  for (const v of VARIANTS) await v.client(`${base}/W1`);
  const rows: Row[] = [];
  for (const w of WORKLOADS) {
    const url = `${base}/${w.id}`;
    const times: Record<string, number[]> = {};
    const cpuTimes: Record<string, number[]> = {};
    let bodyBytes: number | undefined;
    for (let run = 0; run < RUNS; run++) {
      for (let k = 0; k < VARIANTS.length; k++) {
        const v = VARIANTS[(k + run) % VARIANTS.length]!;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const tally = await v.client(url);
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        (cpuTimes[v.id] ??= []).push((cpu.user + cpu.system) / 1000);
        if (v.id === 'ceiling') bodyBytes = tally.bytes;
        check(w, v, tally, bodyBytes);
        (times[v.id] ??= []).push(ms);
      }
    }
    const medianMs: Record<string, number> = {};
    const eventsPerSec: Record<string, number> = {};
    const medianCpuMs: Record<string, number> = {};
    for (const v of VARIANTS) {
      medianCpuMs[v.id] = median(cpuTimes[v.id]!);
      medianMs[v.id] = median(times[v.id]!);
      eventsPerSec[v.id] = w.events / (medianMs[v.id]! / 1000);
    }
    rows.push({
      workload: w.id,
      label: w.label,
      bodyMiB: (bodyBytes ?? 0) / 1024 / 1024,
      medianMs,
      eventsPerSec,
      medianCpuMs,
      allMs: times,
      allCpuMs: cpuTimes,
    });
    process.stderr.write(`  ${w.id} done\n`);
  }
  return rows;
}

function runMemory(base: string): Promise<unknown> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', resolve('bench/memory.ts'), base],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((done, fail) => {
    child.once('exit', (code) =>
      code === 0 ? done(JSON.parse(out)) : fail(new Error(`memory bench exited (${code})`)),
    );
  });
}

interface MemoryResult {
  big: {
    eventBytes: number;
    peakHeapGrowthMiB: number;
    peakHeapRatio: number;
    peakHeapAndBuffersRatio: number;
    maxRssGrowthRatio: number;
  };
  many: {
    events: number;
    startHeapMiB: number;
    endHeapMiB: number;
    minSampleMiB: number;
    maxSampleMiB: number;
  };
}

function memoryReport({ big, many }: MemoryResult): string {
  return [
    `memory, one ${fmt(big.eventBytes / 1024 / 1024)} MiB event through the engine: peak heap ` +
      `+${fmt(big.peakHeapGrowthMiB, 1)} MiB = ${fmt(big.peakHeapRatio, 2)}× the event ` +
      `(heap + array buffers ${fmt(big.peakHeapAndBuffersRatio, 2)}×, max RSS growth ` +
      `${fmt(big.maxRssGrowthRatio, 2)}×)`,
    `memory, ${fmt(many.events)} events through one connection: heap after GC ` +
      `${fmt(many.startHeapMiB, 2)} MiB at start, ${fmt(many.endHeapMiB, 2)} MiB at end ` +
      `(every 100k events: ${fmt(many.minSampleMiB, 2)}–${fmt(many.maxSampleMiB, 2)} MiB)`,
  ].join('\n');
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function report(rows: readonly Row[]): string {
  const lines: string[] = [];
  lines.push(`Median of ${RUNS} runs; events/s (median ms).`);
  lines.push('');
  lines.push(
    `| client | ${rows.map((r) => `${r.workload} ${r.label} (${fmt(r.bodyMiB, 1)} MiB)`).join(' | ')} |`,
  );
  lines.push(`| --- | ${rows.map(() => '---:').join(' | ')} |`);
  for (const v of VARIANTS) {
    const cells = rows.map(
      (r) => `${fmt(r.eventsPerSec[v.id]!)} (${fmt(r.medianMs[v.id]!, 1)} ms)`,
    );
    lines.push(`| ${v.label} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push(`Client CPU time per run (median ms, user + system, all threads of the client):`);
  lines.push('');
  lines.push(`| client | ${rows.map((r) => r.workload).join(' | ')} |`);
  lines.push(`| --- | ${rows.map(() => '---:').join(' | ')} |`);
  for (const v of VARIANTS) {
    lines.push(`| ${v.label} | ${rows.map((r) => fmt(r.medianCpuMs[v.id]!, 1)).join(' | ')} |`);
  }
  const ratios: [string, string, string][] = [
    ['engine / eventsource-parser (stream pipe)', 'engine', 'esp-stream'],
    ['engine / eventsource-parser (createParser)', 'engine', 'esp-feed'],
    ['engine / ceiling', 'engine', 'ceiling'],
    ['our parser / eventsource-parser (createParser)', 'parser', 'esp-feed'],
    ['our parser / ceiling', 'parser', 'ceiling'],
    ['TextDecoder only / ceiling', 'decode', 'ceiling'],
  ];
  lines.push('');
  lines.push(`| speed ratio: wall clock (CPU time) | ${rows.map((r) => r.workload).join(' | ')} |`);
  lines.push(`| --- | ${rows.map(() => '---:').join(' | ')} |`);
  for (const [label, a, b] of ratios) {
    const cells = rows.map(
      (r) =>
        `${fmt(r.medianMs[b]! / r.medianMs[a]!, 2)}× (${fmt(r.medianCpuMs[b]! / r.medianCpuMs[a]!, 2)}×)`,
    );
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  // Load from other processes only ever adds time, so the fastest run of each client is the
  // least disturbed estimate of its own cost; shown next to the medians, not instead of them.
  const best = (r: Row, id: string): number => Math.min(...r.allMs[id]!);
  lines.push('');
  lines.push(
    `| speed ratio: best wall-clock run of ${RUNS} | ${rows.map((r) => r.workload).join(' | ')} |`,
  );
  lines.push(`| --- | ${rows.map(() => '---:').join(' | ')} |`);
  for (const [label, a, b] of ratios) {
    lines.push(
      `| ${label} | ${rows.map((r) => `${fmt(best(r, b) / best(r, a), 2)}×`).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const { base, child } = await startBenchServer();
  try {
    const load = (): string =>
      loadavg()
        .map((x) => x.toFixed(1))
        .join(' ');
    const machine = `node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'})`;
    const loadBefore = load();
    process.stderr.write(`${machine}, load average ${loadBefore}\n`);
    // BENCH_WHOLE_ONLY=1: only the whole-process comparison (a few minutes less).
    const wholeOnly = process.env.BENCH_WHOLE_ONLY === '1';
    const rows = wholeOnly ? [] : await measure(base);
    const loadAfter = load();
    process.stdout.write(`\n${machine}; load average ${loadBefore} before, ${loadAfter} after\n`);
    if (!wholeOnly) process.stdout.write(`\n${report(rows)}\n\n`);
    process.stderr.write('  memory…\n');
    const memory = wholeOnly ? null : ((await runMemory(base)) as MemoryResult);
    if (memory) process.stdout.write(`${memoryReport(memory)}\n`);
    process.stderr.write('  whole processes…\n');
    const wholeLoadBefore = load();
    const whole = await measureWholeProcesses(base);
    process.stdout.write(
      `\n${wholeProcessReport(whole)}\n(load average ${wholeLoadBefore} before, ${load()} after)\n`,
    );
    process.stdout.write(`total ${fmt((performance.now() - started) / 1000, 1)} s\n`);
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/engine-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(
      file,
      JSON.stringify({ machine, loadBefore, loadAfter, runs: RUNS, rows, memory, whole }, null, 2),
    );
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    child.stdin?.end();
    child.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
