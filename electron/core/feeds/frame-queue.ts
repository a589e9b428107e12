import {
  continuesRun,
  decodeFeedFrame,
  eventRowTail,
  fieldsOf,
  frameText,
  type EncodedFeedFrame,
  type EventFields,
} from '../../../shared/api/frame-codec';
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

/**
 * A frame as the queue hands it to a page: its header, its entry counts, and its entries — made
 * from the wire text only when someone reads them (tests, tools): the page gets the text.
 */
export interface SentFeedFrame extends FeedFrame {
  readonly entryCount: number;
  readonly eventCount: number;
}

export interface FrameQueueOptions {
  feedId: string;
  /**
   * Delivers one frame to the page as its wire text (shared/api/frame-codec.ts), built from the
   * JSON the session log made, so nothing is serialized twice.
   */
  send(frame: SentFeedFrame, encoded: EncodedFeedFrame): void;
  /** False while the transport is backed up (a slow page): entries wait, and may drop. */
  canSend(): boolean;
  flushMs?: number;
  maxFrameEntries?: number;
  maxFrameBytes?: number;
  maxQueuedEntries?: number;
  maxQueuedBytes?: number;
}

export interface FrameQueue {
  /**
   * `json`: JSON of the event's `data`, or of the whole entry for other kinds (frame-codec.ts).
   * Entries are pushed in seq order without gaps (a frame numbers its entries from its first).
   */
  push(entry: FeedEntry, json: string): void;
  /** An event given as its seq and fields (no entry object needed), with its data's JSON. */
  pushEvent(seq: number, event: EventFields, json: string): void;
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
      return eventSizeBytes(entry);
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

function eventSizeBytes(event: Pick<EventFields, 'sizeBytes' | 'type' | 'lastEventId'>): number {
  return event.sizeBytes + event.type.length + event.lastEventId.length + ENTRY_OVERHEAD_BYTES;
}

/** Whether an event's UTF-8 size is its length, so its row need not carry the size. */
function sized(event: EventFields): boolean {
  return event.sizeBytes === event.data.length;
}

function sentFrame(
  feedId: string,
  firstSeq: number,
  dropped: number,
  entryCount: number,
  eventCount: number,
  encoded: EncodedFeedFrame,
): SentFeedFrame {
  let entries: FeedEntry[] | null = null;
  return {
    feedId,
    firstSeq,
    dropped,
    entryCount,
    eventCount,
    get entries() {
      return (entries ??= decodeFeedFrame(encoded).entries);
    },
  };
}

/**
 * One page's queue for one feed (docs/architecture.md, "The path of one event"): batches entries into frames by time,
 * count and bytes, whichever comes first, and bounds what waits for a slow page by dropping the
 * oldest entries — counted, and reported in the next frame, never silently.
 *
 * It keeps no entry objects, only each entry's wire row in columns: its JSON, the tail its row
 * needs when it starts a frame or a run (shared by the events of a run), and its size. Entries
 * waiting for the next frame outlive young-generation collections at high rates; as objects
 * (with their data strings) they were copied and promoted (docs/performance.md).
 */
export function createFrameQueue(options: FrameQueueOptions): FrameQueue {
  const flushMs = options.flushMs ?? FEED_FLUSH_MS;
  const maxFrameEntries = options.maxFrameEntries ?? FEED_FRAME_MAX_ENTRIES;
  const maxFrameBytes = options.maxFrameBytes ?? FEED_FRAME_MAX_BYTES;
  const maxQueuedEntries = options.maxQueuedEntries ?? FEED_QUEUE_MAX_ENTRIES;
  const maxQueuedBytes = options.maxQueuedBytes ?? FEED_QUEUE_MAX_BYTES;

  // Growable columns read from `head`: O(1) drops from the front without shifting.
  /** The entry's JSON: the whole row of a non-event, the data of an event. */
  let jsons: string[] = [];
  /** An event's row tail (frame-codec.ts eventRowTail); '' for other entries. */
  let tails: string[] = [];
  /**
   * Ascending indices of the entries whose row is not their bare JSON text: events that start a
   * run (written whole) and other entries (counted apart from events). A frame copies its JSON
   * column in one slice and fixes up these few.
   */
  let marks: number[] = [];
  /** The first of `marks` that may be at `head` or later. */
  let markHead = 0;
  let sizes: number[] = [];
  let head = 0;
  /** seq of the entry at `head` (of the next entry to come when the queue is empty). */
  let headSeq = 1;
  let queuedBytes = 0;
  let droppedSinceFrame = 0;
  let droppedTotal = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  /** The last event pushed, to tell whether the next continues its run. */
  let previous: EventFields | null = null;
  let previousTail = '';

  const queued = () => jsons.length - head;

  function compact(): void {
    if (head > 1024 && head * 2 > jsons.length) {
      jsons = jsons.slice(head);
      tails = tails.slice(head);
      sizes = sizes.slice(head);
      while (markHead < marks.length && marks[markHead]! < head) markHead += 1;
      const base = head;
      marks = marks.slice(markHead).map((index) => index - base);
      markHead = 0;
      head = 0;
    }
  }

  function dropOldest(): void {
    queuedBytes -= sizes[head]!;
    head += 1;
    headSeq += 1;
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
      const start = head;
      let bytes = 0;
      while (
        head < jsons.length &&
        head - start < maxFrameEntries &&
        (bytes < maxFrameBytes || head === start)
      ) {
        bytes += sizes[head]!;
        head += 1;
      }
      queuedBytes -= bytes;
      const rows = jsons.slice(start, head);
      // A frame's first event is written whole: the page knows nothing before it.
      if (rows.length > 0 && tails[start] !== '') rows[0] = `[${rows[0]!}${tails[start]!}`;
      let events = head - start;
      while (markHead < marks.length && marks[markHead]! < start) markHead += 1;
      for (; markHead < marks.length && marks[markHead]! < head; markHead++) {
        const index = marks[markHead]!;
        const tail = tails[index]!;
        if (tail === '') events -= 1;
        else if (index !== start) rows[index - start] = `[${jsons[index]!}${tail}`;
      }
      const firstSeq = headSeq;
      const dropped = droppedSinceFrame;
      droppedSinceFrame = 0;
      headSeq += head - start;
      const encoded = frameText(options.feedId, firstSeq, dropped, rows.join(','));
      compact();
      options.send(
        sentFrame(options.feedId, firstSeq, dropped, head - start, events, encoded),
        encoded,
      );
    }
  }

  function enqueue(seq: number, json: string, tail: string, runStart: boolean, size: number) {
    if (disposed) return;
    if (queued() === 0) headSeq = seq;
    if (runStart || tail === '') marks.push(jsons.length);
    jsons.push(json);
    tails.push(tail);
    sizes.push(size);
    queuedBytes += size;
    while (queued() > maxQueuedEntries || (queuedBytes > maxQueuedBytes && queued() > 1))
      dropOldest();
    compact();
    if (queued() >= maxFrameEntries || queuedBytes >= maxFrameBytes) flush();
    else schedule();
  }

  function pushEvent(seq: number, event: EventFields, json: string): void {
    const runStart = !continuesRun(event, previous);
    // Events of one run share the tail string of its first: one string per run, not per event
    // (but a non-ASCII event's tail carries its own size: the next makes its own).
    if (runStart || (previous !== null && !sized(previous))) previousTail = eventRowTail(event);
    previous = event;
    enqueue(seq, json, previousTail, runStart, eventSizeBytes(event));
  }

  return {
    push(entry, json) {
      if (entry.kind === 'event') pushEvent(entry.seq, fieldsOf(entry), json);
      else enqueue(entry.seq, json, '', false, entrySizeBytes(entry));
    },
    pushEvent,
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
      jsons = [];
      tails = [];
      marks = [];
      markHead = 0;
      sizes = [];
      head = 0;
      previous = null;
    },
  };
}
