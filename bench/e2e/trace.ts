import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/**
 * BENCH_TRACE=1: a Chromium trace of the page (CDP Tracing, the DevTools "Performance" panel's
 * categories) over the middle of a run, saved as .json (open it in DevTools or Perfetto) and
 * summarised as where the renderer's main thread spent its time — script, style, layout,
 * paint — and how many of its tasks were long. The CPU profile (BENCH_PROFILE=1) names the
 * functions; this names the browser's own work the profile lumps into "(program)".
 */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'toplevel',
].join(',');

/** A task longer than this misses a 60 Hz frame on its own. */
const LONG_TASK_MS = 16;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: on a loaded machine its wall time also counts waiting. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface TraceSummary {
  seconds: number;
  /** Busy time of the renderer main thread, ms per second of trace. */
  busyMsPerSecond: number;
  /**
   * CPU time of the main thread's tasks, ms per second of trace: what the page itself cost,
   * whatever the other processes on the machine took from it (busy counts the waits too).
   */
  cpuMsPerSecond: number;
  longTasks: number;
  longestTaskMs: number;
  /** Self time by event name on the renderer main thread, ms per second, most CPU first. */
  byName: Array<{ name: string; msPerSecond: number; cpuMsPerSecond: number }>;
  /** Busy ms of the main thread in each TIMELINE_BUCKET_MS of the trace, in order. */
  timeline: number[];
}

const TIMELINE_BUCKET_MS = 250;

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReturnAsStream',
  } as never);
}

export async function stopTrace(cdp: CDPSession, file: string): Promise<TraceSummary> {
  const done = new Promise<string>((resolve) => {
    cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream!));
  });
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  writeFileSync(file, text);
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return summarise(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
}

/** Self time per event name on the page's main thread (the thread named CrRendererMain). */
export function summarise(events: readonly TraceEvent[], top = 14): TraceSummary {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's renderer is the main thread with the most work (others: extensions, spare).
  const work = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(key))
      work.set(key, (work.get(key) ?? 0) + (e.dur ?? 0));
  }
  const main = [...work].sort((a, b) => b[1] - a[1])[0]?.[0];
  const complete = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const selfCpu = new Map<string, number>();
  const stack: Array<{ event: TraceEvent; end: number; child: number; childCpu: number }> = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      const name = done.event.name;
      self.set(name, (self.get(name) ?? 0) + done.event.dur! - done.child);
      selfCpu.set(name, (selfCpu.get(name) ?? 0) + (done.event.tdur ?? 0) - done.childCpu);
    }
  };
  const start = complete[0]?.ts ?? 0;
  const timeline: number[] = [];
  let busy = 0;
  let cpu = 0;
  let longTasks = 0;
  let longest = 0;
  for (const e of complete) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) {
      parent.child += e.dur!;
      parent.childCpu += e.tdur ?? 0;
    } else {
      busy += e.dur!;
      cpu += e.tdur ?? 0;
      const bucket = Math.floor((e.ts - start) / (TIMELINE_BUCKET_MS * 1000));
      while (timeline.length <= bucket) timeline.push(0);
      timeline[bucket]! += e.dur! / 1000;
      if (e.dur! > LONG_TASK_MS * 1000) longTasks++;
      longest = Math.max(longest, e.dur!);
    }
    stack.push({ event: e, end: e.ts + e.dur!, child: 0, childCpu: 0 });
  }
  close(Infinity);
  const first = complete[0]?.ts ?? 0;
  const last = complete.reduce((max, e) => Math.max(max, e.ts + e.dur!), first);
  const seconds = Math.max(1e-6, (last - first) / 1e6);
  const perSecond = (us: number) => Math.round(us / 1000 / seconds);
  return {
    seconds: Math.round(seconds * 10) / 10,
    busyMsPerSecond: perSecond(busy),
    cpuMsPerSecond: perSecond(cpu),
    longTasks,
    longestTaskMs: Math.round(longest / 1000),
    byName: [...self]
      .sort((a, b) => (selfCpu.get(b[0]) ?? 0) - (selfCpu.get(a[0]) ?? 0) || b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        msPerSecond: perSecond(us),
        cpuMsPerSecond: perSecond(selfCpu.get(name) ?? 0),
      })),
    timeline: timeline.map(Math.round),
  };
}
