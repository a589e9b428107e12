import { writeFileSync } from 'node:fs';
import type { BenchBrowser } from './browser';
import { heapAfterGc, installProbe, launchBrowser, mainThreadSeconds, probe } from './browser';
import type { LoadServer } from './load';
import type { PipelineKind } from './pipelines';
import { startPipeline } from './pipelines';
import type { CpuProfile, HotFunction } from './profile';
import { hotFunctions, startProfile, stopProfile } from './profile';
import type { TraceSummary } from './trace';
import { startTrace, stopTrace } from './trace';
import { cpuDelta, cpuSecondsOf, descendantCpu, rssMbOf } from './proc';
import type { Scenario } from './scenarios';
import { histogramPercentile, percentile } from './stats';

/** After the server stops writing, the page has this long without progress to catch up. */
const DRAIN_STALL_MS = 3_000;
const DRAIN_MAX_MS = 60_000;
const DRAIN_POLL_MS = 250;

export interface ScenarioResult {
  scenario: Scenario['id'];
  pipeline: PipelineKind;
  seconds: number;
  /** Events the load server wrote (all feeds). */
  sent: number;
  /** Events the schedule asked for; above `sent` when backpressure held the server back. */
  scheduled: number;
  delivered: number;
  droppedReported: number;
  /** sent − delivered − reported drops: anything above 0 is loss nobody reported. */
  silentLoss: number;
  /** seq gaps the frames did not account for. */
  seqGaps: number;
  frames: number;
  /** Wall time from opening the feeds to the last event in the page. */
  wallSeconds: number;
  /** CPU of the Node-side process (web mode / baseline), % of one core over `wallSeconds`. */
  nodeCpuPercent: number;
  /**
   * Node-side and Chromium CPU per event delivered, in µs: on a shared machine a starved process
   * shows a low % and a low rate, so the cost per event is the figure to compare.
   */
  nodeCpuUsPerEvent: number;
  browserCpuUsPerEvent: number;
  /** All Chromium processes, % of one core. */
  browserCpuPercent: number;
  loadServerCpuPercent: number;
  /** Page main thread busy (CDP TaskDuration), % of wall time; and its script/layout/style share. */
  pageMainThreadPercent: number;
  pageScriptPercent: number;
  pageLayoutStylePercent: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  /** Frame p95 while the feeds were being opened (one after the other), and after. */
  frameP95OpeningMs: number;
  frameP95AfterOpenMs: number;
  /** Seconds from the first feed's open to the last one's. */
  openSeconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Latency p99 from SETTLE_MS after the feeds opened. */
  latencyP99SettledMs: number;
  latencyMaxMs: number;
  /** Where the p99 accrues: server write → Node side (`at`), → page (socket message). */
  toNodeP99Ms: number;
  toPageP99Ms: number;
  heapMb: number;
  /** Resident memory of the Node-side process at the end, and its peak, MB. */
  nodeRssMb: number;
  nodeRssPeakMb: number;
  refusedStreams: number;
  /** With BENCH_PROFILE=1: the page's and the Node side's hottest functions by self time. */
  hotFunctions?: HotFunction[];
  nodeHotFunctions?: HotFunction[];
  /** With BENCH_TRACE=1: where the page's main thread spent a few seconds mid-run. */
  trace?: TraceSummary;
  /**
   * BENCH_FILTER=1, app: ms from opening the feeds until the filters were typed and the detail
   * showed; frames and latencies are timed from SETTLE_MS or this, whichever is later.
   */
  filterSetupMs?: number;
}

export interface RunOptions {
  seconds: number;
  /** The built web mode to measure. */
  cli: string;
  /** Where to save a page CPU profile (BENCH_PROFILE=1); none when null. */
  profileFile: string | null;
  /** Where to save a Chromium trace of a few seconds (BENCH_TRACE); none when null. */
  traceFile?: string | null;
  /** BENCH_TRACE=open: the trace starts as the feeds open instead of mid-run. */
  traceFromOpen?: boolean;
  /** Diagnostic (BENCH_HIDE_FEED_LIST=1): hide the app's virtual list to measure its share. */
  hideFeedList: boolean;
  /**
   * BENCH_FILTER=1: with the app, type BENCH_FILTER_TEXT into every pane's filter and open the
   * detail panel of a row, the way a user watches a busy feed (issue item 9, last sentence).
   */
  filterAndDetail: boolean;
}

/** Matches events whose seq ends in 0 or 5 (data is `<ms> <seq> xxx…`): a fifth of them. */
export const BENCH_FILTER_TEXT = '/[05] x/';

/** The app's virtual list (FeedList.vue), hidden by a style rule the page's CSP allows. */
const HIDE_FEED_LIST_CSS = '[data-testid="feed-list"] { display: none !important; }';

/**
 * A pane counts as settled this long after the feeds opened: its first second (mounting, code
 * still cold) is apart from the hours a feed is watched. Every run also reports the latency of
 * the settled panes (`latencyP99SettledMs`), both pipelines alike. BENCH_FILTER=1 times all its
 * frames and latencies from then (or from the end of the app's typing and click, if later): the
 * target is the pane while a filter is set and the detail open; the typing and the click are
 * timed apart (`setupMs`).
 */
const SETTLE_MS = 1_500;

/** How long BENCH_TRACE=1 records (a trace of a busy page grows by ~10 MB a second). */
const TRACE_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round1 = (value: number) => Math.round(value * 10) / 10;
const perEvent = (cpuSeconds: number, events: number) =>
  events > 0 ? round1((cpuSeconds * 1e6) / events) : Number.NaN;

/** One scenario on one pipeline: fresh Node-side process, fresh browser, measured end to end. */
export async function runScenario(
  scenario: Scenario,
  kind: PipelineKind,
  load: LoadServer,
  options: RunOptions,
): Promise<ScenarioResult> {
  const { seconds, cli, profileFile, hideFeedList, filterAndDetail } = options;
  const traceFile = options.traceFile ?? null;
  const pipeline = await startPipeline(kind, cli, profileFile !== null);
  let browser: BenchBrowser | null = null;
  // Stopped once: on success before reading the Node-side profile, or in `finally` on failure.
  let stopping: Promise<CpuProfile | null> | null = null;
  const stopAll = () =>
    (stopping ??= (async () => {
      await browser?.close();
      return pipeline.stop();
    })());
  try {
    browser = await launchBrowser();
    const { page, cdp } = browser;
    await page.goto(pipeline.url);
    await installProbe(page);
    if (hideFeedList && kind === 'app') await page.addStyleTag({ content: HIDE_FEED_LIST_CSS });
    // Let the page settle (fonts, first layout) so start-up is not counted as a long frame.
    await sleep(500);

    const streams = Array.from({ length: scenario.feeds }, (_, i) =>
      load.stream(
        `${scenario.id}-${kind}-${i + 1}-${Date.now()}`,
        scenario.eventsPerSecond,
        scenario.dataBytes,
        seconds,
      ),
    );
    const refusedBefore = load.refused.length;
    const notBrowser = new Set([pipeline.pid, load.pid]);
    await probe.reset(page);
    const cpu0 = cpuSecondsOf(pipeline.pid);
    const load0 = cpuSecondsOf(load.pid);
    const browser0 = descendantCpu(process.pid, notBrowser);
    const main0 = await mainThreadSeconds(cdp);
    if (profileFile) await startProfile(cdp);
    if (traceFile && options.traceFromOpen) await startTrace(cdp);
    const t0 = performance.now();

    let setupMs: number | null = null;
    const feedIds = await probe.open(
      page,
      streams.map((s, i) => ({ name: `bench ${scenario.id} ${i + 1}`, url: s.url })),
    );
    const openSeconds = (performance.now() - t0) / 1000;
    if (filterAndDetail && kind === 'app') {
      // By role and name, as the journeys do: the panes are there once their feeds opened.
      const boxes = page.getByRole('textbox', { name: 'Filter events' });
      await boxes.nth(scenario.feeds - 1).waitFor();
      for (const box of await boxes.all()) await box.fill(BENCH_FILTER_TEXT);
      await page.getByRole('grid').first().getByRole('row', { name: / x/ }).first().click();
      await page.getByRole('region', { name: 'Event details' }).waitFor();
      setupMs = performance.now() - t0;
    }
    let settling: Promise<unknown> = Promise.resolve();
    if (filterAndDetail) {
      await sleep(Math.max(0, SETTLE_MS - (performance.now() - t0)));
      await probe.resetTimings(page);
      await probe.markSettled(page);
    } else {
      settling = sleep(Math.max(0, SETTLE_MS - (performance.now() - t0))).then(() =>
        probe.markSettled(page),
      );
    }
    let trace: TraceSummary | undefined;
    if (traceFile) {
      if (options.traceFromOpen) await sleep(Math.max(0, TRACE_MS - (performance.now() - t0)));
      else {
        // The middle of the run: past the feeds' opening, before the streams end.
        await sleep(Math.min(1_000, seconds * 200));
        await startTrace(cdp);
        await sleep(Math.min(TRACE_MS, seconds * 400));
      }
      trace = await stopTrace(cdp, traceFile);
    }
    const finished = await load.finished(
      streams.map((s) => s.streamId),
      seconds * 1000 + 60_000,
    );
    const sent = finished.reduce((sum, f) => sum + f.sent, 0);
    const scheduled = finished.reduce((sum, f) => sum + f.scheduled, 0);

    // Wait until every event is in the page or reported dropped — or the page stops progressing.
    let lastProgress = performance.now();
    let lastSeen = -1;
    const drainStart = performance.now();
    for (;;) {
      const counts = await probe.counts(page);
      const seen = counts.events + counts.dropped;
      if (seen >= sent) break;
      if (seen !== lastSeen) {
        lastSeen = seen;
        lastProgress = performance.now();
      }
      if (performance.now() - lastProgress > DRAIN_STALL_MS) break;
      if (performance.now() - drainStart > DRAIN_MAX_MS) break;
      await sleep(DRAIN_POLL_MS);
    }

    const wallSeconds = (performance.now() - t0) / 1000;
    const nodeCpu = cpuSecondsOf(pipeline.pid) - cpu0;
    const nodeRss = rssMbOf(pipeline.pid);
    const loadCpu = cpuSecondsOf(load.pid) - load0;
    const browserCpu = cpuDelta(browser0, descendantCpu(process.pid, notBrowser));
    const main1 = await mainThreadSeconds(cdp);
    const pageHot = profileFile ? await stopProfile(cdp, profileFile) : undefined;
    await settling;
    const stats = await probe.stats(page);
    // Measured with the feeds still open: the ring buffers hold their full window now.
    const heapBytes = await heapAfterGc(cdp);
    await probe.close(page, feedIds);

    const percent = (cpuSeconds: number) => round1((100 * cpuSeconds) / wallSeconds);
    const result: ScenarioResult = {
      scenario: scenario.id,
      pipeline: kind,
      seconds,
      sent,
      scheduled,
      delivered: stats.events,
      droppedReported: stats.dropped,
      silentLoss: sent - stats.events - stats.dropped,
      seqGaps: stats.silentGap,
      frames: stats.frames,
      wallSeconds: round1(wallSeconds),
      nodeCpuPercent: percent(nodeCpu),
      nodeCpuUsPerEvent: perEvent(nodeCpu, stats.events),
      browserCpuUsPerEvent: perEvent(browserCpu, stats.events),
      browserCpuPercent: percent(browserCpu),
      loadServerCpuPercent: percent(loadCpu),
      pageMainThreadPercent: percent(main1.task - main0.task),
      pageScriptPercent: percent(main1.script - main0.script),
      pageLayoutStylePercent: percent(main1.layout - main0.layout + main1.style - main0.style),
      frameP50Ms: round1(percentile(stats.frameTimes, 50)),
      frameP95Ms: round1(percentile(stats.frameTimes, 95)),
      frameMaxMs: round1(Math.max(...stats.frameTimes)),
      frameP95OpeningMs: round1(percentile(stats.frameTimes.slice(0, stats.openedAtFrame), 95)),
      frameP95AfterOpenMs: round1(percentile(stats.frameTimes.slice(stats.openedAtFrame), 95)),
      openSeconds: round1(openSeconds),
      latencyP50Ms: histogramPercentile(stats.latencyHistogram, 50),
      latencyP99Ms: histogramPercentile(stats.latencyHistogram, 99),
      latencyP99SettledMs: histogramPercentile(stats.settledLatencyHistogram, 99),
      latencyMaxMs: histogramPercentile(stats.latencyHistogram, 100),
      toNodeP99Ms: histogramPercentile(stats.toNodeHistogram, 99),
      toPageP99Ms: histogramPercentile(stats.toPageHistogram, 99),
      heapMb: round1(heapBytes / (1024 * 1024)),
      nodeRssMb: round1(nodeRss.now),
      nodeRssPeakMb: round1(nodeRss.peak),
      refusedStreams: load.refused.length - refusedBefore,
      hotFunctions: pageHot,
      trace,
      ...(setupMs === null ? {} : { filterSetupMs: Math.round(setupMs) }),
    };
    const nodeProfile = await stopAll();
    if (nodeProfile && profileFile) {
      writeFileSync(
        profileFile.replace(/\.cpuprofile$/, '-node.cpuprofile'),
        JSON.stringify(nodeProfile),
      );
      result.nodeHotFunctions = hotFunctions(nodeProfile);
    }
    return result;
  } finally {
    await stopAll();
  }
}
