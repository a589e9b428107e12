import { FRAME_SEPARATOR } from '../../shared/api/wire';

/**
 * Messages to one page are at least this far apart while frames keep coming: with 100 feeds
 * open, each feed's queue flushes on its own timer, and one message per frame meant ~6,000
 * socket messages a second for the page to wake up for (docs/performance.md, bench:e2e (f)).
 * Half a display frame: the page applies frames once per animation frame anyway.
 */
export const FRAME_BATCH_MIN_GAP_MS = 8;

export interface FrameBatcher {
  /** Queues one encoded frame; it goes out with the others ready by then. */
  push(encoded: string): void;
  /**
   * Sends what is queued now. Called before any other message to the page, so a state change
   * or a reply never overtakes the frames sent before it.
   */
  flush(): void;
  /** Characters queued and not yet handed to the socket (counted as backlog). */
  readonly pendingChars: number;
  dispose(): void;
}

/**
 * Joins the frames of a page's feeds that are ready together into one socket message
 * (FRAME_SEPARATOR between them). The first frame after a quiet spell goes out at the end of
 * the current turn of the event loop (so frames flushed by the same timers travel together);
 * later ones wait until FRAME_BATCH_MIN_GAP_MS after the previous message.
 */
export function createFrameBatcher(
  send: (message: string) => void,
  minGapMs = FRAME_BATCH_MIN_GAP_MS,
): FrameBatcher {
  let pending: string[] = [];
  let pendingChars = 0;
  let lastSentAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let immediate: ReturnType<typeof setImmediate> | null = null;
  let disposed = false;

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    if (immediate !== null) clearImmediate(immediate);
    timer = null;
    immediate = null;
    if (pending.length === 0 || disposed) return;
    const message = pending.length === 1 ? pending[0]! : pending.join(FRAME_SEPARATOR);
    pending = [];
    pendingChars = 0;
    lastSentAt = performance.now();
    send(message);
  }

  return {
    push(encoded) {
      if (disposed) return;
      pending.push(encoded);
      pendingChars += encoded.length;
      if (timer !== null || immediate !== null) return;
      const wait = lastSentAt + minGapMs - performance.now();
      if (wait > 0) timer = setTimeout(flush, wait);
      else immediate = setImmediate(flush);
    },
    flush,
    get pendingChars() {
      return pendingChars;
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      if (immediate !== null) clearImmediate(immediate);
      pending = [];
      pendingChars = 0;
    },
  };
}
