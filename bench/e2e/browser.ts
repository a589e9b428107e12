import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { z } from 'zod';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium-flags';

export { CHROMIUM_PATH };

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile, one page, and a CDP session on that page. */
export async function launchBrowser(): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'eventscope-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    context,
    page,
    cdp,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** JS heap in use after a full GC, in bytes: what the page really retains. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

/** Seconds the page's main thread spent in tasks / scripts so far (Performance.getMetrics). */
export async function mainThreadSeconds(
  cdp: CDPSession,
): Promise<{ task: number; script: number; layout: number; style: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    task: value('TaskDuration'),
    script: value('ScriptDuration'),
    layout: value('LayoutDuration'),
    style: value('RecalcStyleDuration'),
  };
}

const PROBE_SOURCE = readFileSync(join(__dirname, 'page-probe.js'), 'utf8');

/** Waits for the page's `window.eventscope` and installs page-probe.js beside it. */
export async function installProbe(page: Page): Promise<void> {
  await page.waitForFunction("typeof window.eventscope === 'object' && window.eventscope !== null");
  await page.evaluate(PROBE_SOURCE);
}

const CountsSchema = z.object({
  events: z.number(),
  entries: z.number(),
  frames: z.number(),
  dropped: z.number(),
  silentGap: z.number(),
});
export type ProbeCounts = z.infer<typeof CountsSchema>;

const StatsSchema = CountsSchema.extend({
  frameTimes: z.array(z.number()),
  openedAtFrame: z.number(),
  latencyHistogram: z.array(z.tuple([z.number(), z.number()])),
  settledLatencyHistogram: z.array(z.tuple([z.number(), z.number()])),
  toNodeHistogram: z.array(z.tuple([z.number(), z.number()])),
  toPageHistogram: z.array(z.tuple([z.number(), z.number()])),
});
export type ProbeStats = z.infer<typeof StatsSchema>;

/** The probe's API, called as text (see page-probe.js for why no functions cross over). */
export const probe = {
  reset: (page: Page) => page.evaluate('window.__benchProbe.reset()'),
  /** Starts frame times and latencies afresh; counts go on. */
  resetTimings: (page: Page) => page.evaluate('window.__benchProbe.resetTimings()'),
  /** From now on latencies also count as the settled panes' (ScenarioResult.latencyP99SettledMs). */
  markSettled: (page: Page) => page.evaluate('window.__benchProbe.markSettled()'),
  open: async (page: Page, requests: ReadonlyArray<{ name: string; url: string }>) =>
    z
      .array(z.string())
      .parse(await page.evaluate(`window.__benchProbe.open(${JSON.stringify(requests)})`)),
  close: (page: Page, feedIds: readonly string[]) =>
    page.evaluate(`window.__benchProbe.close(${JSON.stringify(feedIds)})`),
  counts: async (page: Page): Promise<ProbeCounts> =>
    CountsSchema.parse(await page.evaluate('window.__benchProbe.counts()')),
  stats: async (page: Page): Promise<ProbeStats> =>
    StatsSchema.parse(await page.evaluate('window.__benchProbe.stats()')),
};
