import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedEntry, FeedFrame } from '../../../shared/api/frames';
import { createFrameQueue } from './frame-queue';

const event = (seq: number, data = 'x'): FeedEntry => ({
  seq,
  at: seq,
  kind: 'event',
  type: 'message',
  data,
  lastEventId: '',
  attempt: 1,
  sizeBytes: data.length,
});

/** Every frame must continue where the previous left off, counting drops (docs/architecture.md, "The path of one event"). */
function expectContiguous(frames: FeedFrame[], total: number): void {
  let next = 1;
  for (const frame of frames) {
    expect(frame.firstSeq).toBe(next + frame.dropped);
    frame.entries.forEach((entry, i) => expect(entry.seq).toBe(frame.firstSeq + i));
    next = frame.firstSeq + frame.entries.length;
  }
  expect(next).toBe(total + 1);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a feed frame queue', () => {
  it('sends nothing per event but one frame per flush interval', () => {
    const frames: FeedFrame[] = [];
    const queue = createFrameQueue({
      feedId: 'f',
      send: (f) => frames.push(f),
      canSend: () => true,
      flushMs: 16,
    });
    for (let seq = 1; seq <= 100; seq++) queue.push(event(seq), JSON.stringify(event(seq)));
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ feedId: 'f', firstSeq: 1, dropped: 0 });
    expect(frames[0]!.entries).toHaveLength(100);
  });

  it('flushes early when a frame reaches its entry or byte limit', () => {
    const frames: FeedFrame[] = [];
    const queue = createFrameQueue({
      feedId: 'f',
      send: (f) => frames.push(f),
      canSend: () => true,
      maxFrameEntries: 10,
      maxFrameBytes: 10_000,
    });
    for (let seq = 1; seq <= 25; seq++) queue.push(event(seq), JSON.stringify(event(seq)));
    expect(frames.map((f) => f.entries.length)).toEqual([10, 10]);
    queue.push(event(26, 'y'.repeat(20_000)), JSON.stringify(event(26, 'y'.repeat(20_000))));
    expect(frames.map((f) => f.entries.length)).toEqual([10, 10, 6]);
    vi.runOnlyPendingTimers();
    expectContiguous(frames, 26);
  });

  it('drops the oldest entries for a backed-up page and reports how many in the next frame', () => {
    const frames: FeedFrame[] = [];
    let ready = false;
    const queue = createFrameQueue({
      feedId: 'f',
      send: (f) => frames.push(f),
      canSend: () => ready,
      maxQueuedEntries: 100,
    });
    for (let seq = 1; seq <= 1_000; seq++) queue.push(event(seq), JSON.stringify(event(seq)));
    vi.advanceTimersByTime(100);
    expect(frames).toHaveLength(0);
    expect(queue.queuedEntries).toBe(100);
    ready = true;
    vi.advanceTimersByTime(16);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ firstSeq: 901, dropped: 900 });
    expect(frames[0]!.entries.map((e) => e.seq)).toEqual(
      Array.from({ length: 100 }, (_, i) => 901 + i),
    );
    expect(queue.droppedTotal).toBe(900);
    expectContiguous(frames, 1_000);
  });

  it('bounds what waits by bytes too', () => {
    const frames: FeedFrame[] = [];
    let ready = false;
    const queue = createFrameQueue({
      feedId: 'f',
      send: (f) => frames.push(f),
      canSend: () => ready,
      maxQueuedBytes: 100 * 1024,
    });
    for (let seq = 1; seq <= 100; seq++)
      queue.push(event(seq, 'z'.repeat(4096)), JSON.stringify(event(seq, 'z'.repeat(4096))));
    ready = true;
    vi.runOnlyPendingTimers();
    const delivered = frames.flatMap((f) => f.entries).length;
    expect(delivered).toBeLessThan(30);
    expect(delivered + frames.reduce((n, f) => n + f.dropped, 0)).toBe(100);
    expectContiguous(frames, 100);
  });

  it('hands the page every entry whole, however frames and drops cut a run of events', () => {
    const frames: FeedFrame[] = [];
    let ready = false;
    const queue = createFrameQueue({
      feedId: 'f',
      send: (f) => frames.push(f),
      canSend: () => ready,
      maxFrameEntries: 7,
      maxQueuedEntries: 40,
    });
    const pushed: FeedEntry[] = [];
    for (let seq = 1; seq <= 100; seq++) {
      // Runs of five events share time, type and id; a comment now and then; some non-ASCII.
      const entry: FeedEntry =
        seq % 13 === 0
          ? { seq, at: seq, kind: 'comment', text: `c${seq}` }
          : {
              seq,
              at: Math.floor(seq / 5),
              kind: 'event',
              type: seq % 10 < 5 ? 'message' : 'delta',
              data: seq % 11 === 0 ? `é${seq}` : `d${seq}`,
              lastEventId: '',
              attempt: 1,
              sizeBytes: seq % 11 === 0 ? String(seq).length + 2 : String(seq).length + 1,
            };
      pushed.push(entry);
      queue.push(entry, JSON.stringify(entry.kind === 'event' ? entry.data : entry));
    }
    ready = true;
    vi.runOnlyPendingTimers();
    expectContiguous(frames, 100);
    const delivered = frames.flatMap((f) => f.entries);
    expect(delivered).toEqual(pushed.slice(60));
    expect(frames.every((f) => f.entries.length <= 7)).toBe(true);
  });

  it('stops its timer when disposed', () => {
    const frames: FeedFrame[] = [];
    const queue = createFrameQueue({
      feedId: 'f',
      send: (f) => frames.push(f),
      canSend: () => true,
    });
    queue.push(event(1), JSON.stringify(event(1)));
    queue.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(frames).toEqual([]);
  });
});
