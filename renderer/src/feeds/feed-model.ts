import type { FeedSummary } from '../../../shared/api/feeds';
import type { FeedEntry, FeedFrame } from '../../../shared/api/frames';
import { RingBuffer } from './ring-buffer';

/** Defaults of the live window per feed (issue #4 §5): whichever bound is hit first. */
export const FEED_WINDOW_MAX_ENTRIES = 50_000;
export const FEED_WINDOW_MAX_BYTES = 64 * 1024 * 1024;
/** events/s is measured over this trailing window. */
export const RATE_WINDOW_MS = 5_000;
/** Rough fixed cost per entry besides its text (JS object + strings). */
const ENTRY_OVERHEAD_BYTES = 120;

export interface FeedCounters {
  events: number;
  bytes: number;
  /** Entries the Node side dropped for this page (all are in the session log). */
  dropped: number;
  reconnects: number;
  /** Events per second over the last RATE_WINDOW_MS. */
  rate: number;
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
}

export function createFeedModel(
  summary: FeedSummary,
  maxEntries = FEED_WINDOW_MAX_ENTRIES,
  maxBytes = FEED_WINDOW_MAX_BYTES,
): FeedModel {
  return {
    summary,
    buffer: new RingBuffer<FeedEntry>(maxEntries, maxBytes),
    counters: { events: 0, bytes: 0, dropped: 0, reconnects: 0, rate: 0 },
    version: 0,
    nextSeq: 1,
    samples: [],
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
  const gap = Math.max(0, frame.firstSeq - model.nextSeq - frame.dropped);
  model.counters.dropped += frame.dropped + gap;
  for (const entry of frame.entries) {
    model.buffer.push(entry, entryBytes(entry));
    if (entry.kind === 'event') {
      model.counters.events += 1;
      model.counters.bytes += entry.sizeBytes;
    } else if (entry.kind === 'state' && entry.state.type === 'retrying') {
      model.counters.reconnects += 1;
    }
  }
  model.nextSeq = frame.firstSeq + frame.entries.length;
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
