import { encodeFeedFrameColumns, type EncodedFeedFrame } from '../../../shared/api/frame-codec';
import type { FeedEntry, FeedFrame } from '../../../shared/api/frames';

/**
 * Flush interval of a feed's frames. 16 ms is one display frame at 60 Hz: the renderer applies
 * frames once per animation frame, so flushing faster only adds messages and flushing slower
 * only adds latency (measured in docs/performance.md).
 */
export const FEED_FLUSH_MS = 16;
/** A frame never carries more than this many entries… */
export const FEED_FRAME_MAX_ENTRIES = 5_000;
/** …or roughly this many bytes of event data, so one message never stalls the page. */
export const FEED_FRAME_MAX_BYTES = 1024 * 1024;
/** Per page and feed, entries waiting for a backed-up transport: beyond this the oldest drop. */
export const FEED_QUEUE_MAX_ENTRIES = 10_000;
export const FEED_QUEUE_MAX_BYTES = 16 * 1024 * 1024;
/** Fixed cost counted per entry besides its data, so tiny events still count. */
const ENTRY_OVERHEAD_BYTES = 64;

export interface FrameQueueOptions {
  feedId: string;
  /**
   * Delivers one frame to the page: as objects, and as its wire text (shared/api/frame-codec.ts)
   * built from the entries' JSON the session log made, so nothing is serialized twice.
   */
  send(frame: FeedFrame, encoded: EncodedFeedFrame): void;
  /** False while the transport is backed up (a slow page): entries wait, and may drop. */
  canSend(): boolean;
  flushMs?: number;
  maxFrameEntries?: number;
  maxFrameBytes?: number;
  maxQueuedEntries?: number;
  maxQueuedBytes?: number;
}

export interface FrameQueue {
  /** `json`: JSON of the event's `data`, or of the whole entry for other kinds (frame-codec.ts). */
  push(entry: FeedEntry, json: string): void;
  /** Sends what is queued now (as several frames if needed), if the transport can take it. */
  flush(): void;
  readonly queuedEntries: number;
  /** Total entries dropped for this page since the queue was made. */
  readonly droppedTotal: number;
  /** Stops the timer; queued entries are discarded (the session log has them). */
  dispose(): void;
}

export function entrySizeBytes(entry: FeedEntry): number {
  switch (entry.kind) {
    case 'event':
      return entry.sizeBytes + entry.type.length + entry.lastEventId.length + ENTRY_OVERHEAD_BYTES;
    case 'comment':
      return entry.text.length + ENTRY_OVERHEAD_BYTES;
    case 'state':
    case 'redirect':
      return 4 * ENTRY_OVERHEAD_BYTES;
    case 'retry':
    case 'action':
      return ENTRY_OVERHEAD_BYTES;
  }
}

/**
 * One page's queue for one feed (docs/architecture.md, "The path of one event"): batches entries into frames by time,
 * count and bytes, whichever comes first, and bounds what waits for a slow page by dropping the
 * oldest entries — counted, and reported in the next frame, never silently.
 */
export function createFrameQueue(options: FrameQueueOptions): FrameQueue {
  const flushMs = options.flushMs ?? FEED_FLUSH_MS;
  const maxFrameEntries = options.maxFrameEntries ?? FEED_FRAME_MAX_ENTRIES;
  const maxFrameBytes = options.maxFrameBytes ?? FEED_FRAME_MAX_BYTES;
  const maxQueuedEntries = options.maxQueuedEntries ?? FEED_QUEUE_MAX_ENTRIES;
  const maxQueuedBytes = options.maxQueuedBytes ?? FEED_QUEUE_MAX_BYTES;

  // A growable array read from `head`: O(1) drops from the front without shifting.
  let entries: FeedEntry[] = [];
  let jsons: string[] = [];
  let sizes: number[] = [];
  let head = 0;
  let queuedBytes = 0;
  let droppedSinceFrame = 0;
  let droppedTotal = 0;
  let nextSeq = 1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const queued = () => entries.length - head;

  function compact(): void {
    if (head > 1024 && head * 2 > entries.length) {
      entries = entries.slice(head);
      jsons = jsons.slice(head);
      sizes = sizes.slice(head);
      head = 0;
    }
  }

  function dropOldest(): void {
    queuedBytes -= sizes[head]!;
    nextSeq = entries[head]!.seq + 1;
    head += 1;
    droppedSinceFrame += 1;
    droppedTotal += 1;
  }

  function schedule(): void {
    if (timer === null && !disposed) {
      timer = setTimeout(() => {
        timer = null;
        flush();
      }, flushMs);
    }
  }

  function flush(): void {
    if (disposed) return;
    while (queued() > 0 || droppedSinceFrame > 0) {
      if (!options.canSend()) {
        schedule();
        return;
      }
      // The frame's entries are one slice of the queue; their JSON is read in place.
      const start = head;
      let bytes = 0;
      while (
        head < entries.length &&
        head - start < maxFrameEntries &&
        (bytes < maxFrameBytes || head === start)
      ) {
        bytes += sizes[head]!;
        head += 1;
      }
      const batch = entries.slice(start, head);
      queuedBytes -= bytes;
      const frame: FeedFrame = {
        feedId: options.feedId,
        firstSeq: batch[0]?.seq ?? nextSeq,
        entries: batch,
        dropped: droppedSinceFrame,
      };
      droppedSinceFrame = 0;
      if (batch.length > 0) nextSeq = batch[batch.length - 1]!.seq + 1;
      const encoded = encodeFeedFrameColumns(
        frame.feedId,
        frame.firstSeq,
        frame.dropped,
        batch,
        jsons,
        start,
      );
      compact();
      options.send(frame, encoded);
    }
  }

  return {
    push(entry, json) {
      if (disposed) return;
      const size = entrySizeBytes(entry);
      entries.push(entry);
      jsons.push(json);
      sizes.push(size);
      queuedBytes += size;
      while (queued() > maxQueuedEntries || (queuedBytes > maxQueuedBytes && queued() > 1))
        dropOldest();
      compact();
      if (queued() >= maxFrameEntries || queuedBytes >= maxFrameBytes) flush();
      else schedule();
    },
    flush,
    get queuedEntries() {
      return queued();
    },
    get droppedTotal() {
      return droppedTotal;
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      entries = [];
      jsons = [];
      sizes = [];
      head = 0;
    },
  };
}
