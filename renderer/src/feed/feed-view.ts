import type { EventFilter } from '../../../shared/filter';
import type { FeedEntry } from '../../../shared/api/frames';
import type { RingBuffer } from './ring-buffer';

/**
 * Time the panes together may spend per animation frame testing entries against their filters.
 * A new filter over 50,000 retained events with a JSON condition takes ~150 ms (npm run
 * bench:filter), so it runs in slices and the page keeps drawing (docs/performance.md,
 * "Filter"). The budget is shared: four panes given a filter at once took four slices a frame,
 * a whole frame's time (bench:e2e with BENCH_FILTER=1).
 */
export const FILTER_SLICE_MS = 4;
/** Updates closer together than this share one frame's budget (the lists render in one task). */
const FRAME_WINDOW_MS = 10;

/** What is left of this frame's filtering time, across the panes that share it. */
export interface FilterBudget {
  /** ms left in the frame `now` belongs to. */
  left(now: number): number;
  spend(ms: number): void;
}

export function createFilterBudget(sliceMs = FILTER_SLICE_MS): FilterBudget {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  return {
    left(now) {
      if (now - windowStart >= FRAME_WINDOW_MS || now < windowStart) {
        windowStart = now;
        used = 0;
      }
      return sliceMs - used;
    },
    spend(ms) {
      used += ms;
    },
  };
}

/** The budget every pane of the page shares. */
const pageBudget = createFilterBudget();

/** Entries tested between two clock reads while slicing. */
const SLICE_CHECK_EVERY = 256;

/**
 * What a pane shows of its feed's ring buffer: everything since the last Clear, or only the
 * events matching the filter and the type chips; frozen while paused. Entries are addressed by
 * their absolute index (evicted + position), which stays valid as the buffer evicts.
 * Plain data, not reactive: the list reads it once per animation frame.
 */
export interface FeedView {
  /** Rows the list shows now. */
  readonly length: number;
  /** The row at `index` (0 = oldest shown). */
  at(index: number): FeedEntry | undefined;
  /** Row index of the entry with this seq, or -1 when it is not shown. */
  indexOfSeq(seq: number): number;
  /**
   * A row's stable position is `offset + index`: it stays with its entry while older rows are
   * evicted or trimmed, so the list rewrites only rows that really changed. It restarts (the
   * list redraws every row) when the filter changes.
   */
  readonly offset: number;
  /** Events retained since the last Clear (the "of N" in "showing X of N"). */
  readonly retainedEvents: number;
  /** Events the filter has matched (shown or still to be shown when paused). */
  readonly matchedEvents: number;
  /** Events among the rows ("showing X of N"): timeline rows are not counted. */
  readonly shownEvents: number;
  /** Whether a filter or hidden type narrows the rows. */
  readonly filtered: boolean;
  /** Share of retained entries tested so far after a filter change (1 = done). */
  readonly progress: number;
  readonly paused: boolean;
  /** Entries that arrived since Pause: the view shows them on Resume. */
  readonly waiting: number;
  setFilter(filter: EventFilter | null, hiddenTypes: ReadonlySet<string>): void;
  pause(): void;
  resume(): void;
  /** Empties the view only: the buffer, the counters and the log keep everything. */
  clear(): void;
  /**
   * Catches up with the buffer (new entries, evictions), testing at most FILTER_SLICE_MS worth
   * of entries; true while more work remains for the next frame.
   */
  update(now?: () => number): boolean;
}

export function createFeedView(
  buffer: RingBuffer<FeedEntry>,
  budget: FilterBudget = pageBudget,
): FeedView {
  let filter: EventFilter | null = null;
  let hidden: ReadonlySet<string> = new Set();
  /** Absolute index the view starts at (moved by Clear). */
  let clearedBefore = 0;
  /** Absolute end of what is shown: buffer end, or where Pause froze it. */
  let end = 0;
  let paused = false;
  /** Filtered mode: absolute indices of matches; `head` skips those evicted or cleared. */
  let matches: number[] = [];
  let head = 0;
  /** Filtered mode: matches trimmed from the front since the filter was set (the row offset). */
  let trimmed = 0;
  /** Filtered mode: next absolute index to test. */
  let scanned = 0;
  /** Where the current rescan started, for progress. */
  let scanFrom = 0;
  /** Events among `matches` from `head` on. */
  let matchedEventCount = 0;
  /** Events retained since Clear: counted as they are scanned, in both modes. */
  let eventsBefore = 0;

  const total = () => buffer.evicted + buffer.length;
  const first = () => Math.max(buffer.evicted, clearedBefore);
  const isFiltered = () => (filter !== null && !filter.isEmpty) || hidden.size > 0;
  const entryAt = (absolute: number) => buffer.at(absolute - buffer.evicted);

  function accepts(entry: FeedEntry): boolean {
    if (entry.kind !== 'event') return filter === null || filter.isEmpty;
    if (hidden.has(entry.type)) return false;
    return filter === null || filter.matches(entry);
  }

  function trimHead(): void {
    const from = first();
    while (head < matches.length && matches[head]! < from) {
      matchedEventCount -= isEvent[matches[head]! % buffer.maxItems]!;
      head++;
      trimmed++;
    }
    // Compact now and then so the array does not grow for ever under a fast feed.
    if (head > 4096 && head * 2 > matches.length) {
      matches = matches.slice(head);
      head = 0;
    }
  }

  function matchedShown(): number {
    // Matches at or after `end` wait for Resume.
    let count = matches.length;
    while (count > head && matches[count - 1]! >= end) count--;
    return count - head;
  }

  function restart(): void {
    matches = [];
    head = 0;
    trimmed = 0;
    matchedEventCount = 0;
    scanned = first();
    scanFrom = scanned;
  }

  /**
   * Events retained since Clear, kept incrementally: one flag per ring slot says whether the
   * entry there is an event, so what the buffer evicts can be subtracted after it is gone.
   */
  const isEvent = new Uint8Array(buffer.maxItems);
  let countedFrom = 0;
  let countedUpTo = 0;
  function trackRetained(): void {
    const from = first();
    const stop = total();
    for (let i = countedFrom; i < Math.min(from, countedUpTo); i++) {
      eventsBefore -= isEvent[i % buffer.maxItems]!;
    }
    for (let i = Math.max(countedUpTo, from); i < stop; i++) {
      const flag = entryAt(i)?.kind === 'event' ? 1 : 0;
      isEvent[i % buffer.maxItems] = flag;
      eventsBefore += flag;
    }
    countedFrom = from;
    countedUpTo = stop;
  }

  const view: FeedView = {
    get length() {
      if (!isFiltered()) return Math.max(0, end - first());
      return matchedShown();
    },
    at(index) {
      if (!isFiltered()) return entryAt(first() + index);
      const absolute = matches[head + index];
      return absolute === undefined ? undefined : entryAt(absolute);
    },
    indexOfSeq(seq) {
      const length = view.length;
      // Seqs grow with the index: binary search.
      let lo = 0;
      let hi = length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const found = view.at(mid)?.seq ?? 0;
        if (found === seq) return mid;
        if (found < seq) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
    get offset() {
      return isFiltered() ? trimmed : first();
    },
    get retainedEvents() {
      return eventsBefore;
    },
    get matchedEvents() {
      return isFiltered() ? matches.length - head : eventsBefore;
    },
    get shownEvents() {
      return isFiltered() ? matchedEventCount : eventsBefore;
    },
    get filtered() {
      return isFiltered();
    },
    get progress() {
      if (!isFiltered()) return 1;
      const limit = paused ? end : total();
      const span = limit - scanFrom;
      return span <= 0 ? 1 : Math.min(1, (scanned - scanFrom) / span);
    },
    get paused() {
      return paused;
    },
    get waiting() {
      return paused ? Math.max(0, total() - end) : 0;
    },
    setFilter(next, nextHidden) {
      filter = next;
      hidden = new Set(nextHidden);
      restart();
    },
    pause() {
      paused = true;
      end = total();
    },
    resume() {
      paused = false;
    },
    clear() {
      clearedBefore = paused ? end : total();
      trackRetained();
      restart();
    },
    update(now = () => performance.now()) {
      // Before trackRetained: the flags of evicted slots are read before new entries reuse them.
      if (isFiltered()) trimHead();
      trackRetained();
      if (!paused) end = total();
      if (!isFiltered()) return false;
      if (scanned < first()) scanned = first();
      const limit = paused ? end : total();
      if (scanned >= limit) return false;
      const started = now();
      const allowed = budget.left(started);
      // Another pane used this frame's time: this one goes on in the next frame.
      if (allowed <= 0) return true;
      let tested = 0;
      let stoppedAt = Number.NaN;
      while (scanned < limit) {
        const entry = entryAt(scanned);
        if (entry && accepts(entry)) {
          matches.push(scanned);
          if (entry.kind === 'event') matchedEventCount++;
        }
        scanned++;
        if (++tested % SLICE_CHECK_EVERY === 0) {
          stoppedAt = now();
          if (stoppedAt - started > allowed) break;
        }
      }
      budget.spend((Number.isNaN(stoppedAt) ? now() : stoppedAt) - started);
      return scanned < limit;
    },
  };
  return view;
}
