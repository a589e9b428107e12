import { Buffer, isAscii } from 'node:buffer';
import { loadavg } from 'node:os';
import { createSseParser } from '../electron/core/sse/parser';
import { WORKLOADS } from './workloads';

/**
 * In-process A/B of size-only parsing (docs/performance.md, "Whole processes, round 5"): each
 * workload of bench/workloads.ts cut into 64 KiB reads, as Node's fetch delivers them, through
 * the parser in size-only mode with the JS scan, with the WebAssembly scanner (events one by
 * one, and counted in runs through `onEventSizes`, as `watch --format none` does), and a floor
 * that only looks at each read once (isAscii). Interleaved rounds, medians of CPU time (the
 * machine is shared: CPU time moves less than wall time), ns per event.
 * `npx tsx bench/size-scan.ts` (BENCH_ROUNDS, default 9).
 */

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const READ_BYTES = 64 * 1024;

function reads(body: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += READ_BYTES) {
    // Copies, as fetch hands over fresh buffers.
    out.push(Buffer.from(body.subarray(i, i + READ_BYTES)));
  }
  return out;
}

type Variant = 'floor' | 'js' | 'wasm' | 'runs';

function run(variant: Variant, chunks: readonly Buffer[]): { ms: number; events: number } {
  let events = 0;
  let bytes = 0;
  const t0 = process.cpuUsage();
  if (variant === 'floor') {
    for (const chunk of chunks) if (isAscii(chunk)) bytes += chunk.length;
  } else {
    const parser = createSseParser(
      {
        onEvent: () => undefined,
        onEventSize: (size) => {
          events += 1;
          bytes += size;
        },
        ...(variant === 'runs'
          ? {
              onEventSizes: (count: number, size: number) => {
                events += count;
                bytes += size;
              },
            }
          : {}),
      },
      { wasmSizeScan: variant !== 'js' },
    );
    parser.setSizesOnly(true);
    for (const chunk of chunks) parser.feed(chunk);
    if (parser.lastEventId === '\0') throw new Error('unreachable');
  }
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1e3;
  return { ms, events: events + (bytes < 0 ? 1 : 0) };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

process.stdout.write(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}\n`,
);
const REPEAT: Record<string, number> = { W1: 4, W2: 1, W3: 1, W4: 5 };
for (const workload of WORKLOADS) {
  const one = workload.build();
  const repeat = REPEAT[workload.id] ?? 1;
  const chunks = reads(Buffer.concat(Array.from({ length: repeat }, () => one)));
  const expected = workload.events * repeat;
  const times: Record<Variant, number[]> = { floor: [], js: [], wasm: [], runs: [] };
  const variants: Variant[] = ['floor', 'js', 'wasm', 'runs'];
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + round) % variants.length]!;
      const { ms, events } = run(v, chunks);
      if (v !== 'floor' && events !== expected) throw new Error(`${v}: ${events} of ${expected}`);
      if (round >= 2) times[v].push(ms); // two warm-up rounds
    }
  }
  const ns = (v: Variant): number => (median(times[v]) * 1e6) / expected;
  process.stdout.write(
    `${workload.id} (${expected} events, ${((chunks.length * READ_BYTES) / 2 ** 20) | 0} MiB): ` +
      `floor ${ns('floor').toFixed(1)} ns/ev, JS ${ns('js').toFixed(1)}, WASM ${ns('wasm').toFixed(1)}, ` +
      `WASM in runs ${ns('runs').toFixed(1)} (JS/WASM ${(ns('js') / ns('wasm')).toFixed(2)}×, ` +
      `JS/runs ${(ns('js') / ns('runs')).toFixed(2)}×)\n`,
  );
}
process.stdout.write(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}\n`,
);
