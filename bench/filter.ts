/**
 * The feed pane's filter over a full window of retained events (docs/performance.md, "Filter").
 * Prints, per filter, the median time to test 50,000 events and its ratio to a baseline pass
 * over the same events measured in the same run (reading each data string once), plus the
 * load average: the build machine is shared.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseFilter } from '../shared/filter';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const FRAME_BUDGET_MS = 16.7;

interface Entry {
  type: string;
  data: string;
  lastEventId: string;
}

function makeEvents(count: number): Entry[] {
  const levels = ['info', 'debug', 'warn', 'error'];
  const events: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    const data =
      kind === 0
        ? `plain heartbeat line ${i} with some text`
        : JSON.stringify({
            id: `chatcmpl-${i}`,
            object: 'chat.completion.chunk',
            choices: [{ index: 0, delta: { content: `token ${i % 997} of the answer` } }],
            level: levels[i % levels.length],
            n: i % 100,
            ...(i % 50 === 1 ? { error: { message: 'boom' } } : {}),
          });
    events.push({ type: kind === 0 ? 'ping' : 'delta', data, lastEventId: String(i) });
  }
  return events;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => number): { ms: number; count: number } {
  const times: number[] = [];
  let count = run(); // warm-up: let the JIT compile the filter before timing it
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    count = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), count };
}

const events = makeEvents(EVENTS);
const filters = [
  'token',
  'answer -heartbeat',
  '/token \\d+7 /i',
  'type:delta',
  '$.choices[0].delta.content',
  '$.level == "error"',
  '$.n > 90',
  'exists($.error)',
  'type:delta $.level == "warn" $.n >= 50 -$.choices[0].delta.content == "x"',
];

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' / ');
console.log(
  `filter bench: ${EVENTS.toLocaleString('en')} events, median of ${RUNS} runs, load ${load}`,
);

const baseline = time(() => {
  let total = 0;
  for (const entry of events) if (entry.data.length > 0) total++;
  return total;
});
console.log(`baseline (read each data once): ${baseline.ms.toFixed(2)} ms`);
console.log('| filter | matches | ms (median) | per event | × baseline | within one frame |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const text of filters) {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
  const filter = parsed.filter;
  const result = time(() => {
    let matched = 0;
    for (const entry of events) if (filter.matches(entry)) matched++;
    return matched;
  });
  const perEvent = `${((result.ms * 1e6) / EVENTS).toFixed(0)} ns`;
  const ratio = (result.ms / Math.max(baseline.ms, 0.001)).toFixed(1);
  const fits = result.ms <= FRAME_BUDGET_MS ? 'yes' : 'no: sliced';
  console.log(
    `| \`${text}\` | ${result.count.toLocaleString('en')} | ${result.ms.toFixed(2)} | ${perEvent} | ${ratio}× | ${fits} |`,
  );
}
