/**
 * The workloads of bench:e2e (docs/performance.md, "Live feeds end to end") and their
 * targets. One scenario opens `feeds` streams at once, each at `eventsPerSecond` events whose
 * data is exactly `dataBytes` long.
 */
export type ScenarioId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';

export interface Scenario {
  id: ScenarioId;
  label: string;
  feeds: number;
  eventsPerSecond: number;
  dataBytes: number;
  /** (a)–(d) must lose nothing; (e) may drop under overload, but only with the drops reported. */
  dropsAllowed: boolean;
  /** p99 latency server write → store; (e) has no latency target. */
  latencyP99TargetMs: number | null;
}

export const FRAME_P95_TARGET_MS = 20;
export const HEAP_TARGET_MB = 300;

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'a',
    label: '10k ev/s × 64 B',
    feeds: 1,
    eventsPerSecond: 10_000,
    dataBytes: 64,
    dropsAllowed: false,
    latencyP99TargetMs: 40,
  },
  {
    id: 'b',
    label: '50k ev/s × 64 B',
    feeds: 1,
    eventsPerSecond: 50_000,
    dataBytes: 64,
    dropsAllowed: false,
    latencyP99TargetMs: 40,
  },
  {
    id: 'c',
    label: '1k ev/s × 4 KiB',
    feeds: 1,
    eventsPerSecond: 1_000,
    dataBytes: 4096,
    dropsAllowed: false,
    latencyP99TargetMs: 40,
  },
  {
    id: 'd',
    label: '4 feeds × 10k ev/s × 64 B',
    feeds: 4,
    eventsPerSecond: 10_000,
    dataBytes: 64,
    dropsAllowed: false,
    latencyP99TargetMs: 40,
  },
  {
    id: 'e',
    label: '200k ev/s × 64 B',
    feeds: 1,
    eventsPerSecond: 200_000,
    dataBytes: 64,
    dropsAllowed: true,
    latencyP99TargetMs: null,
  },
  {
    // The way a team watches many endpoints at once: many feeds, each at a modest rate.
    id: 'f',
    label: '100 feeds × 100 ev/s × 64 B',
    feeds: 100,
    eventsPerSecond: 100,
    dataBytes: 64,
    dropsAllowed: false,
    latencyP99TargetMs: null,
  },
];

/** Latency p99 server write → store, app over the bare pipeline of the same run, in (a)–(d). */
export const LATENCY_P99_TARGET_RATIO = 1.25;
/** Node-side CPU per delivered event, app over the bare pipeline, in (a)–(e). */
export const NODE_CPU_PER_EVENT_TARGET_RATIO = 1.2;
/** (e): what the view may drop under overload (reported, never silent). */
export const OVERLOAD_DROP_TARGET_RATIO = 0.1;

export interface BenchConfig {
  seconds: number;
  scenarios: Scenario[];
  /** BENCH_PROFILE=1: save a page CPU profile per run (slows the page a little). */
  profile: boolean;
  /**
   * BENCH_TRACE=1: save a Chromium trace of a few seconds mid-run and summarise it;
   * BENCH_TRACE=open: the same from the moment the feeds open.
   */
  trace: false | 'middle' | 'open';
  /** BENCH_HIDE_FEED_LIST=1: a diagnostic run with the app's virtual list hidden. */
  hideFeedList: boolean;
  /** BENCH_FILTER=1: the app runs with a filter in every pane and the detail panel open. */
  filterAndDetail: boolean;
}

/**
 * BENCH_SECONDS and BENCH_SCENARIOS=a,b shorten a run; the default runs everything for 20 s.
 * BENCH_PROFILE=1 adds CPU profiles (page and Node side), BENCH_TRACE=1 a Chromium trace; BENCH_HIDE_FEED_LIST=1 hides the app's
 * list (a diagnostic: how much of the page's cost is the list).
 */
export function readConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const seconds = env.BENCH_SECONDS === undefined ? 20 : Number(env.BENCH_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new Error(
      `BENCH_SECONDS must be a number of seconds in (0, 600], got ${env.BENCH_SECONDS}`,
    );
  }
  const wanted = (env.BENCH_SCENARIOS ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter((id) => id !== '');
  const unknown = wanted.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SCENARIOS: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.id).join(',')})`,
    );
  }
  const scenarios =
    wanted.length === 0 ? [...SCENARIOS] : SCENARIOS.filter((s) => wanted.includes(s.id));
  return {
    seconds,
    scenarios,
    profile: env.BENCH_PROFILE === '1',
    trace: env.BENCH_TRACE === '1' ? 'middle' : env.BENCH_TRACE === 'open' ? 'open' : false,
    hideFeedList: env.BENCH_HIDE_FEED_LIST === '1',
    filterAndDetail: env.BENCH_FILTER === '1',
  };
}
