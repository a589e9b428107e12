/**
 * Debounced, serialized writes per key (docs/architecture.md, "Persistence and secrets"). Saves while typing coalesce into one write
 * after `debounceMs` of quiet — but never later than `maxDelayMs` after the first, so a steady
 * stream of edits still reaches the disk. Writes of one key never overlap; each reads the
 * latest state when it runs, so no save is lost by coalescing.
 */

export interface WriteScheduler {
  /** Marks `key` dirty: its job runs after the debounce. */
  schedule(key: string): void;
  /** Runs the pending (or in-flight) write of `key` now; rejects with the write's error. */
  flush(key: string): Promise<void>;
  flushAll(): Promise<void>;
  /** Drops a pending write (the thing was deleted); waits for one in flight. */
  cancel(key: string): Promise<void>;
  readonly pendingKeys: readonly string[];
  /** Flushes everything and stops timers; later schedules are ignored. */
  close(): Promise<void>;
}

export interface WriteSchedulerOptions {
  debounceMs: number;
  maxDelayMs: number;
  run(key: string): Promise<void>;
  /** A background (timer-fired) write failed; flush() callers get the rejection instead. */
  onBackgroundError(key: string, error: unknown): void;
  now?: () => number;
}

interface Entry {
  timer: ReturnType<typeof setTimeout> | null;
  firstScheduledAt: number;
  dirty: boolean;
  /** The chain of this key's writes: the next one starts after it settles. */
  tail: Promise<void>;
}

export function createWriteScheduler(options: WriteSchedulerOptions): WriteScheduler {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let closed = false;

  const entryFor = (key: string): Entry => {
    let entry = entries.get(key);
    if (!entry) {
      entry = { timer: null, firstScheduledAt: 0, dirty: false, tail: Promise.resolve() };
      entries.set(key, entry);
    }
    return entry;
  };

  const clearTimer = (entry: Entry): void => {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
  };

  /** Queues one write after those in flight; `dirty` is cleared when it starts, not when queued. */
  const start = (key: string, entry: Entry): Promise<void> => {
    clearTimer(entry);
    const write = entry.tail.then(async () => {
      if (!entry.dirty) return;
      entry.dirty = false;
      try {
        await options.run(key);
      } catch (error) {
        entry.dirty = true;
        throw error;
      }
    });
    entry.tail = write.catch(() => undefined);
    return write;
  };

  return {
    schedule(key) {
      if (closed) return;
      const entry = entryFor(key);
      const at = now();
      if (!entry.dirty || entry.timer === null) entry.firstScheduledAt = at;
      entry.dirty = true;
      clearTimer(entry);
      const waitMs = Math.max(
        0,
        Math.min(options.debounceMs, entry.firstScheduledAt + options.maxDelayMs - at),
      );
      entry.timer = setTimeout(() => {
        entry.timer = null;
        start(key, entry).catch((error: unknown) => options.onBackgroundError(key, error));
      }, waitMs);
    },
    flush(key) {
      const entry = entries.get(key);
      if (!entry) return Promise.resolve();
      if (!entry.dirty) return entry.tail;
      return start(key, entry);
    },
    async flushAll() {
      const results = await Promise.allSettled([...entries.keys()].map((key) => this.flush(key)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
    async cancel(key) {
      const entry = entries.get(key);
      if (!entry) return;
      clearTimer(entry);
      entry.dirty = false;
      await entry.tail;
      entries.delete(key);
    },
    get pendingKeys() {
      return [...entries].filter(([, e]) => e.dirty).map(([key]) => key);
    },
    async close() {
      try {
        await this.flushAll();
      } finally {
        closed = true;
        for (const entry of entries.values()) clearTimer(entry);
      }
    },
  };
}
