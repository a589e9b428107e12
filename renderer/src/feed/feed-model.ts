import type { FeedSummary } from '../../../shared/api/feeds';
import type { FeedEntry, FeedFrame } from '../../../shared/api/frames';
import { RingBuffer } from './ring-buffer';

/** Defaults of the live window per feed: whichever bound is hit first. */
export const FEED_WINDOW_MAX_ENTRIES = 50_000;
export const FEED_WINDOW_MAX_BYTES = 64 * 1024 * 1024;
/** events/s is measured over this trailing window. */
export const RATE_WINDOW_MS = 5_000;
/** Rough fixed cost per entry besides its text (JS object + strings). */
const ENTRY_OVERHEAD_BYTES = 120;

/** The events/s sparkline covers this many one-second buckets. */
export const SPARKLINE_SECONDS = 60;

export interface FeedCounters {
  events: number;
  bytes: number;
  /** Entries the Node side dropped for this page (all are in the session log). */
  dropped: number;
  /** Automatic and manual reconnects together. */
  reconnects: number;
  /** Reconnects the user asked for ("Reconnect now"). */
  manualReconnects: number;
  /** Events per second over the last RATE_WINDOW_MS. */
  rate: number;
  /** ms from opening the feed to its first event; null until one arrives. */
  firstEventMs: number | null;
}

/** The page's copy of one feed: its summary, a bounded window of entries and counters. */
export interface FeedModel {
  summary: FeedSummary;
  readonly buffer: RingBuffer<FeedEntry>;
  counters: FeedCounters;
  /** Bumped once per applied batch: the one reactive signal the list watches. */
  version: number;
  /** seq the next frame should start at (after drops), to spot anything missing. */
  nextSeq: number;
  samples: Array<{ at: number; events: number }>;
  /** Events seen per event type (facet chips). */
  typeCounts: Map<string, number>;
  /** Events per second of the last SPARKLINE_SECONDS, the newest last; `perSecondAt` is its second. */
  perSecond: number[];
  perSecondAt: number;
  /** Response headers of the newest open attempt (the detail panel's table). */
  responseHeaders: Array<{ name: string; value: string }>;
  /** The name shown in the pane: the summary's, numbered when several feeds share it. */
  label: string;
}

export function createFeedModel(
  summary: FeedSummary,
  maxEntries = FEED_WINDOW_MAX_ENTRIES,
  maxBytes = FEED_WINDOW_MAX_BYTES,
): FeedModel {
  return {
    summary,
    buffer: new RingBuffer<FeedEntry>(maxEntries, maxBytes),
    counters: {
      events: 0,
      bytes: 0,
      dropped: 0,
      reconnects: 0,
      manualReconnects: 0,
      rate: 0,
      firstEventMs: null,
    },
    version: 0,
    nextSeq: 1,
    samples: [],
    typeCounts: new Map(),
    perSecond: new Array<number>(SPARKLINE_SECONDS).fill(0),
    perSecondAt: Math.floor(summary.openedAt / 1000),
    responseHeaders: summary.state.type === 'open' ? summary.state.headers : [],
    label: summary.name,
  };
}

function entryBytes(entry: FeedEntry): number {
  switch (entry.kind) {
    case 'event':
      return (
        2 * (entry.data.length + entry.type.length + entry.lastEventId.length) +
        ENTRY_OVERHEAD_BYTES
      );
    case 'comment':
      return 2 * entry.text.length + ENTRY_OVERHEAD_BYTES;
    case 'state':
    case 'redirect':
      return 4 * ENTRY_OVERHEAD_BYTES;
    case 'retry':
    case 'action':
      return ENTRY_OVERHEAD_BYTES;
  }
}

/**
 * Applies one frame to a feed's model. Drops are counted from what the frame says, and — as a
 * safety net — from any seq gap the frames leave, so nothing goes missing silently.
 */
export function applyFrame(model: FeedModel, frame: FeedFrame): void {
  // A page that re-attached (its socket came back) may be sent entries it already has.
  const skip = Math.max(0, model.nextSeq - frame.firstSeq);
  if (skip > 0 && skip >= frame.entries.length) return;
  const firstSeq = frame.firstSeq + skip;
  const dropped = skip > 0 ? 0 : frame.dropped;
  const gap = Math.max(0, firstSeq - model.nextSeq - dropped);
  model.counters.dropped += dropped + gap;
  const counters = model.counters;
  // Events of a frame mostly share their type and their second: they are counted in runs, and
  // the type map and the sparkline are touched once per run, not once per event (at 50,000
  // events/s that was most of this loop; docs/performance.md).
  let runType: string | null = null;
  let runTypeCount = 0;
  let runAt = Number.NaN;
  let runAtCount = 0;
  for (let i = skip; i < frame.entries.length; i++) {
    const entry = frame.entries[i]!;
    model.buffer.push(entry, entryBytes(entry));
    if (entry.kind === 'event') {
      counters.events += 1;
      counters.bytes += entry.sizeBytes;
      if (entry.type !== runType) {
        if (runType !== null) addTypeCount(model, runType, runTypeCount);
        runType = entry.type;
        runTypeCount = 0;
      }
      runTypeCount += 1;
      if (counters.firstEventMs === null) {
        counters.firstEventMs = Math.max(0, entry.at - model.summary.openedAt);
      }
      if (entry.at !== runAt) {
        if (runAtCount > 0) countSecond(model, runAt, runAtCount);
        runAt = entry.at;
        runAtCount = 0;
      }
      runAtCount += 1;
    } else if (entry.kind === 'state') {
      if (entry.state.type === 'retrying') counters.reconnects += 1;
      else if (entry.state.type === 'open') model.responseHeaders = entry.state.headers;
    } else if (entry.kind === 'action' && entry.action === 'reconnect-requested') {
      counters.reconnects += 1;
      counters.manualReconnects += 1;
    }
  }
  if (runType !== null) addTypeCount(model, runType, runTypeCount);
  if (runAtCount > 0) countSecond(model, runAt, runAtCount);
  model.nextSeq = firstSeq + frame.entries.length - skip;
}

function addTypeCount(model: FeedModel, type: string, count: number): void {
  model.typeCounts.set(type, (model.typeCounts.get(type) ?? 0) + count);
}

/** Counts `count` events into their one-second bucket, shifting the sparkline as time passes. */
function countSecond(model: FeedModel, at: number, count: number): void {
  const second = Math.floor(at / 1000);
  advanceSeconds(model, second);
  const back = model.perSecondAt - second;
  if (back >= 0 && back < SPARKLINE_SECONDS)
    model.perSecond[SPARKLINE_SECONDS - 1 - back]! += count;
}

/** Moves the sparkline's newest bucket to `second` (seconds since the epoch). */
export function advanceSeconds(model: FeedModel, second: number): void {
  const shift = second - model.perSecondAt;
  if (shift <= 0) return;
  if (shift >= SPARKLINE_SECONDS) model.perSecond.fill(0);
  else {
    model.perSecond.copyWithin(0, shift);
    model.perSecond.fill(0, SPARKLINE_SECONDS - shift);
  }
  model.perSecondAt = second;
}

/** Updates events/s from a sample taken now. */
export function updateRate(model: FeedModel, now: number): void {
  model.samples.push({ at: now, events: model.counters.events });
  while (model.samples.length > 2 && model.samples[1]!.at <= now - RATE_WINDOW_MS)
    model.samples.shift();
  const first = model.samples[0]!;
  const seconds = (now - first.at) / 1000;
  model.counters.rate = seconds > 0 ? (model.counters.events - first.events) / seconds : 0;
}
