import { defaultRetryPolicy } from '../shared/model/retry-policy';
import { createSseConnection, type FetchFunction } from '../electron/core/sse/connection';
import { BIG_EVENT_BYTES, MANY_EVENTS } from './workloads';

/**
 * Memory half of the engine benchmark (docs/performance.md, "SSE engine"), run by bench/engine.ts in a child process
 * started with --expose-gc: a single 64 MiB event, then 1M events through one connection.
 * Prints one JSON object on stdout.
 */
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const collect: () => void = gc;
const MIB = 1024 * 1024;
const base = process.argv[2];
if (!base) throw new Error('usage: memory.ts <server base url>');

interface Sampler {
  sample(): void;
  peakHeap: number;
  peakHeapAndBuffers: number;
}

function sampler(): Sampler {
  const s: Sampler = {
    peakHeap: 0,
    peakHeapAndBuffers: 0,
    sample() {
      const m = process.memoryUsage();
      s.peakHeap = Math.max(s.peakHeap, m.heapUsed);
      s.peakHeapAndBuffers = Math.max(s.peakHeapAndBuffers, m.heapUsed + m.arrayBuffers);
    },
  };
  return s;
}

/** Global fetch, with a memory sample taken as every body chunk passes. */
function sampledFetch(s: Sampler): FetchFunction {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!res.body) return res;
    const body = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          s.sample();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: res.status, headers: res.headers });
  };
}

async function run(
  path: string,
  fetchFn: FetchFunction | undefined,
  onEvent: (data: string) => void,
): Promise<void> {
  const connection = createSseConnection(
    {
      request: { url: base + path, method: 'GET', headers: [] },
      retry: { ...defaultRetryPolicy('GET'), enabled: false },
      maxEventBytes: BIG_EVENT_BYTES + MIB,
      ...(fetchFn ? { fetch: fetchFn } : {}),
    },
    { onEvent: (e) => onEvent(e.data), onState: () => undefined },
  );
  connection.start();
  const final = await connection.done;
  if (final.type !== 'closed') throw new Error(`${path}: ${JSON.stringify(final)}`);
}

async function bigEvent() {
  collect();
  const before = process.memoryUsage();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const s = sampler();
  let length = -1;
  await run('/big', sampledFetch(s), (data) => {
    s.sample();
    length = data.length;
  });
  if (length !== BIG_EVENT_BYTES) throw new Error(`big event: got ${length} characters`);
  const maxRssGrowth = process.resourceUsage().maxRSS * 1024 - rssBefore;
  return {
    eventBytes: BIG_EVENT_BYTES,
    peakHeapGrowthMiB: (s.peakHeap - before.heapUsed) / MIB,
    peakHeapRatio: (s.peakHeap - before.heapUsed) / BIG_EVENT_BYTES,
    peakHeapAndBuffersRatio:
      (s.peakHeapAndBuffers - before.heapUsed - before.arrayBuffers) / BIG_EVENT_BYTES,
    maxRssGrowthRatio: maxRssGrowth / BIG_EVENT_BYTES,
  };
}

async function manyEvents() {
  collect();
  const startHeap = process.memoryUsage().heapUsed;
  const samples: { events: number; heapMiB: number }[] = [];
  let events = 0;
  await run('/many', undefined, () => {
    events++;
    if (events % 100_000 === 0) {
      collect();
      samples.push({ events, heapMiB: process.memoryUsage().heapUsed / MIB });
    }
  });
  collect();
  const endHeap = process.memoryUsage().heapUsed;
  if (events !== MANY_EVENTS) throw new Error(`many events: got ${events}`);
  const heaps = samples.map((x) => x.heapMiB);
  return {
    events,
    startHeapMiB: startHeap / MIB,
    endHeapMiB: endHeap / MIB,
    minSampleMiB: Math.min(...heaps),
    maxSampleMiB: Math.max(...heaps),
    samples,
  };
}

async function main(): Promise<void> {
  const big = await bigEvent();
  const many = await manyEvents();
  process.stdout.write(JSON.stringify({ big, many }) + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
