import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/api/frames';
import { parseFilter, type EventFilter } from '../../../shared/filter';
import { createFeedView, createFilterBudget, FILTER_SLICE_MS } from './feed-view';
import { RingBuffer } from './ring-buffer';

const event = (seq: number, data: string, type = 'message'): FeedEntry => ({
  seq,
  at: seq,
  kind: 'event',
  type,
  data,
  lastEventId: String(seq),
  attempt: 1,
  sizeBytes: data.length,
});

const state = (seq: number): FeedEntry => ({
  seq,
  at: seq,
  kind: 'state',
  state: { type: 'connecting', at: seq, attempt: 1, url: 'http://x/' },
});

function filter(text: string): EventFilter {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.filter;
}

function fill(
  buffer: RingBuffer<FeedEntry>,
  from: number,
  to: number,
  data = (n: number) => `e${n}`,
) {
  for (let seq = from; seq <= to; seq++) buffer.push(event(seq, data(seq)), 1);
}

const seqs = (view: ReturnType<typeof createFeedView>) =>
  Array.from({ length: view.length }, (_, i) => view.at(i)!.seq);

describe('the feed view', () => {
  it('shows every retained entry, timeline entries included, while no filter is set', () => {
    const buffer = new RingBuffer<FeedEntry>(100, Infinity);
    buffer.push(state(1), 1);
    fill(buffer, 2, 4);
    const view = createFeedView(buffer);
    view.update();
    expect(seqs(view)).toEqual([1, 2, 3, 4]);
    expect(view.retainedEvents).toBe(3);
  });

  it('shows only matching events once a filter or a hidden type is set, and follows new ones', () => {
    const buffer = new RingBuffer<FeedEntry>(100, Infinity);
    buffer.push(state(1), 1);
    fill(buffer, 2, 10, (n) => (n % 2 ? 'odd' : 'even'));
    const view = createFeedView(buffer);
    view.setFilter(filter('even'), new Set());
    view.update();
    expect(seqs(view)).toEqual([2, 4, 6, 8, 10]);
    fill(buffer, 11, 12, (n) => (n % 2 ? 'odd' : 'even'));
    view.update();
    expect(seqs(view)).toEqual([2, 4, 6, 8, 10, 12]);
    buffer.push(event(13, 'even', 'ping'), 1);
    // Hiding a type keeps the timeline (the state entry); a text filter shows events only.
    view.setFilter(null, new Set(['ping']));
    view.update();
    expect(seqs(view)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('freezes while paused, counts what waits, and catches up on resume', () => {
    const buffer = new RingBuffer<FeedEntry>(100, Infinity);
    fill(buffer, 1, 5);
    const view = createFeedView(buffer);
    view.update();
    view.pause();
    fill(buffer, 6, 9);
    view.update();
    expect(view.length).toBe(5);
    expect(view.waiting).toBe(4);
    view.resume();
    view.update();
    expect(seqs(view)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(view.waiting).toBe(0);
  });

  it('clears the view only: later entries show, the buffer keeps the rest', () => {
    const buffer = new RingBuffer<FeedEntry>(100, Infinity);
    fill(buffer, 1, 5);
    const view = createFeedView(buffer);
    view.update();
    view.clear();
    fill(buffer, 6, 7);
    view.update();
    expect(seqs(view)).toEqual([6, 7]);
    expect(view.retainedEvents).toBe(2);
    expect(buffer.length).toBe(7);
  });

  it('forgets matches the ring buffer evicted and keeps the retained count right', () => {
    const buffer = new RingBuffer<FeedEntry>(10, Infinity);
    const view = createFeedView(buffer);
    view.setFilter(filter('/[02468]$/'), new Set());
    for (let round = 0; round < 5; round++) {
      fill(buffer, round * 7 + 1, round * 7 + 7);
      view.update();
    }
    expect(seqs(view)).toEqual([26, 28, 30, 32, 34]);
    expect(view.retainedEvents).toBe(10);
  });

  it('filters a large window in slices, never more than one slice per update', () => {
    const buffer = new RingBuffer<FeedEntry>(50_000, Infinity);
    fill(buffer, 1, 50_000, (n) => JSON.stringify({ n, level: n % 10 ? 'info' : 'error' }));
    const view = createFeedView(buffer);
    view.setFilter(filter('$.level == "error"'), new Set());
    let clock = 0;
    // A fake clock that advances 1 ms per read: the slice ends after FILTER_SLICE_MS reads.
    const more = view.update(() => clock++);
    expect(more).toBe(true);
    expect(view.progress).toBeGreaterThan(0);
    expect(view.progress).toBeLessThan(1);
    while (view.update()) {
      // keep slicing
    }
    expect(view.length).toBe(5_000);
    expect(view.progress).toBe(1);
  });

  it('shares one frame of filtering time between panes given a filter at once', () => {
    const budget = createFilterBudget();
    const views = [1, 2].map(() => {
      const buffer = new RingBuffer<FeedEntry>(50_000, Infinity);
      fill(buffer, 1, 50_000, (n) => JSON.stringify({ n, level: n % 10 ? 'info' : 'error' }));
      const view = createFeedView(buffer, budget);
      view.setFilter(filter('$.level == "error"'), new Set());
      return view;
    });
    // A fake clock that advances 1 ms per read: the first pane uses the frame's whole slice.
    let clock = 1_000;
    const now = () => clock++;
    expect(views[0]!.update(now)).toBe(true);
    expect(views[0]!.progress).toBeGreaterThan(0);
    expect(clock - 1_000).toBeGreaterThan(FILTER_SLICE_MS);
    // The second, in the same frame, waits for the next one instead of taking a slice of its own.
    expect(views[1]!.update(now)).toBe(true);
    expect(views[1]!.progress).toBe(0);
    clock += 16;
    expect(views[1]!.update(now)).toBe(true);
    expect(views[1]!.progress).toBeGreaterThan(0);
  });

  it('counts only events in "showing X of N", also after the buffer evicted matches', () => {
    const buffer = new RingBuffer<FeedEntry>(10, Infinity);
    const view = createFeedView(buffer);
    view.setFilter(null, new Set(['even']));
    buffer.push(state(1), 1);
    for (let seq = 2; seq <= 7; seq++) buffer.push(event(seq, 'x', seq % 2 ? 'odd' : 'even'), 1);
    view.update();
    expect(view.length).toBe(4); // the state row and three odd events
    expect(view.shownEvents).toBe(3);
    for (let seq = 8; seq <= 15; seq++) buffer.push(event(seq, 'x', seq % 2 ? 'odd' : 'even'), 1);
    view.update();
    // Retained: seqs 6–15, of which 7, 9, 11, 13, 15 are odd.
    expect(view.shownEvents).toBe(5);
    expect(view.retainedEvents).toBe(10);
  });

  it('finds the row of a seq', () => {
    const buffer = new RingBuffer<FeedEntry>(100, Infinity);
    fill(buffer, 1, 20, (n) => (n % 3 ? 'x' : 'hit'));
    const view = createFeedView(buffer);
    view.setFilter(filter('hit'), new Set());
    view.update();
    expect(view.indexOfSeq(9)).toBe(2);
    expect(view.indexOfSeq(10)).toBe(-1);
  });
});
