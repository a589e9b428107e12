import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createLlmRun } from '../shared/llm/run';
import type { LlmEvent } from '../shared/llm/types';

/**
 * `npx tsx bench/llm-merge.ts`: what the LLM lens costs per event (docs/llm-streams.md).
 * 1. A feed that is not an LLM stream: the feed manager still hands every event to the run
 *    (detection gives up after a few events) — compared with a no-op handler.
 * 2. An OpenAI Chat stream merged event by event — compared with JSON.parse of the same data,
 *    the floor any merging needs. Medians of RUNS, ratios against baselines in the same run.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EVENTS = 200_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const plain: LlmEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
  type: 'message',
  data: `tick ${i}`,
  receivedAt: i,
}));
const chat: LlmEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
  type: 'message',
  data: JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'bench',
    choices: [{ index: 0, delta: { content: ` tok${i % 100}` }, finish_reason: null }],
  }),
  receivedAt: i,
}));

let sink = 0;
const noop = time(() => {
  for (const e of plain) sink += e.receivedAt;
});
const plainRun = time(() => {
  const run = createLlmRun({ setting: 'auto', url: 'http://127.0.0.1/burst' });
  for (const e of plain) run.pushEvent(e);
});
const parseOnly = time(() => {
  for (const e of chat) sink += (JSON.parse(e.data) as { created: number }).created;
});
const merged = time(() => {
  const run = createLlmRun({ setting: 'auto', url: 'http://127.0.0.1/v1/chat/completions' });
  for (const e of chat) run.pushEvent(e);
});

const rate = (ms: number): string =>
  `${Math.round(EVENTS / (ms / 1000)).toLocaleString('en')} events/s`;
const [l1, l5] = loadavg();
console.log(
  `load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} (1 / 5 min), ${RUNS} runs, ${EVENTS} events each`,
);
const extraNs = ((plainRun - noop) / EVENTS) * 1e6;
console.log(
  `non-LLM feed:  no-op ${noop.toFixed(1)} ms, with the lens ${plainRun.toFixed(1)} ms (${rate(plainRun)}), ` +
    (extraNs > 0 ? `+${extraNs.toFixed(1)} ns/event` : 'no cost above the noise'),
);
console.log(
  `OpenAI chat:   JSON.parse only ${parseOnly.toFixed(1)} ms (${rate(parseOnly)}), merged ${merged.toFixed(1)} ms (${rate(merged)}), ratio ${(merged / parseOnly).toFixed(2)}×`,
);
if (sink === -1) console.log(sink);
