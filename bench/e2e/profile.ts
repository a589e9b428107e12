import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/**
 * BENCH_PROFILE=1: a CPU profile of the page's main thread per run (CDP Profiler), saved as
 * .cpuprofile (open in Chrome DevTools) and summarised as the functions with the most self
 * time — to say where the page's time goes. Off by default: sampling slows the page a little.
 */
const SAMPLING_INTERVAL_US = 200;

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
}

/** The parts of a V8 .cpuprofile (CDP Profiler.Profile, or node --cpu-prof) used here. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  selfMs: number;
  selfPercent: number;
}

/** Stops the profile, writes it to `file`, and returns the `top` functions by self time. */
export async function stopProfile(cdp: CDPSession, file: string, top = 15): Promise<HotFunction[]> {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  return hotFunctions(profile, top);
}

/** The `top` functions of a profile by self time. */
export function hotFunctions(profile: CpuProfile, top = 15): HotFunction[] {
  const selfUs = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((nodeId, i) => {
    // A sample's time is the delta to the next one (the last gets none).
    const next = deltas[i + 1] ?? 0;
    selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + next);
  });
  const byName = new Map<string, number>();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*\//, '')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    byName.set(name, (byName.get(name) ?? 0) + us);
    totalUs += us;
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({
      name,
      selfMs: Math.round(us / 1000),
      selfPercent: Math.round((1000 * us) / Math.max(1, totalUs)) / 10,
    }));
}
