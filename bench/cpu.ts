import { createParser } from 'eventsource-parser';
import { defaultRetryPolicy } from '../shared/model/retry-policy';
import { createSseConnection } from '../electron/core/sse/connection';
import { createSseParser } from '../electron/core/sse/parser';
import { WORKLOADS } from './workloads';

/**
 * CPU cost only, no network: each workload is cut into the 65,527-byte reads Node's fetch
 * delivers from the bench server and fed from memory. Separates the parser's cost from the
 * connection's (engine = connection with an in-memory fetch) and from eventsource-parser's.
 * `npx tsx bench/cpu.ts` — a diagnostic beside `npm run bench`, not part of it.
 */
const READ_BYTES = 65_527;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

type Run = (chunks: readonly Uint8Array[]) => Promise<number> | number;

const RUNNERS: Record<string, Run> = {
  'eventsource-parser': (chunks) => {
    let n = 0;
    const parser = createParser({ onEvent: (e) => (n += e.data.length) });
    const decoder = new TextDecoder();
    for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
    return n;
  },
  'our parser': (chunks) => {
    let n = 0;
    const parser = createSseParser({ onEvent: (e) => (n += e.data.length) });
    for (const chunk of chunks) parser.feed(chunk);
    parser.end();
    return n;
  },
  'our engine': async (chunks) => {
    let n = 0;
    const connection = createSseConnection(
      {
        request: { url: 'http://bench.invalid/', method: 'GET', headers: [] },
        retry: { ...defaultRetryPolicy('GET'), enabled: false },
        fetch: async () =>
          new Response(streamOf(chunks), { headers: { 'Content-Type': 'text/event-stream' } }),
      },
      { onEvent: (e) => (n += e.data.length), onState: () => undefined },
    );
    connection.start();
    await connection.done;
    return n;
  },
};

async function main(): Promise<void> {
  console.log(`best of ${RUNS} runs, CPU ms (ns per event); best, because load only adds`);
  for (const w of WORKLOADS) {
    const body = w.build();
    const chunks: Uint8Array[] = [];
    for (let o = 0; o < body.length; o += READ_BYTES) {
      chunks.push(Uint8Array.from(body.subarray(o, o + READ_BYTES)));
    }
    const cells: string[] = [];
    for (const [name, run] of Object.entries(RUNNERS)) {
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const cpu0 = process.cpuUsage();
        const chars = await run(chunks);
        const cpu = process.cpuUsage(cpu0);
        times.push((cpu.user + cpu.system) / 1000);
        if (chars !== w.events * w.dataChars) throw new Error(`${name} on ${w.id}: ${chars}`);
      }
      const ms = Math.min(...times);
      cells.push(`${name} ${ms.toFixed(1)} (${((ms * 1e6) / w.events).toFixed(0)})`);
    }
    console.log(`${w.id}  ${cells.join(' | ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
