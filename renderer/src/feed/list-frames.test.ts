import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LIST_TURN_FRAMES,
  mayReplaceAllRows,
  nextPhase,
  outpacesReading,
  scrollAfterWrites,
  SPACER_SLACK_MAX_ROWS,
  spacerRows,
} from './list-frames';

afterEach(() => vi.restoreAllMocks());

describe('what the event lists coordinate per frame', () => {
  it('lets lists of consecutive panes replace all their rows in consecutive frames, each in its turn', () => {
    let time = 1_000;
    vi.spyOn(document.timeline, 'currentTime', 'get').mockImplementation(() => time);
    const lists = Array.from({ length: LIST_TURN_FRAMES }, () => nextPhase());
    expect(new Set(lists).size).toBe(LIST_TURN_FRAMES);
    for (let frame = 0; frame < 2 * LIST_TURN_FRAMES; frame++) {
      const allowed = lists.map((phase) => mayReplaceAllRows(phase));
      // Exactly one list a frame; asked again in the same frame, the same answer.
      expect(allowed.filter(Boolean)).toHaveLength(1);
      expect(lists.map((phase) => mayReplaceAllRows(phase))).toEqual(allowed);
      time += 16.7;
    }
  });

  it('calls a list fast when a quarter of its rows or more are new in one frame', () => {
    // 40 rows: 10 new rows a frame replace the screen within LIST_TURN_FRAMES frames.
    expect(outpacesReading(40 / LIST_TURN_FRAMES, 40)).toBe(true);
    expect(outpacesReading(40, 40)).toBe(true);
    expect(outpacesReading(40 / LIST_TURN_FRAMES - 1, 40)).toBe(false);
    expect(outpacesReading(1, 40)).toBe(false);
    expect(outpacesReading(0, 0)).toBe(false);
  });

  it('sizes the spacer with slack, and keeps its size while the rows still fit in it', () => {
    expect(spacerRows(0, -1)).toBe(0);
    expect(spacerRows(7, -1)).toBe(7);
    expect(spacerRows(800, -1)).toBe(900);
    // New rows within the slack, or a few evicted ones: the same height, nothing to lay out.
    expect(spacerRows(850, 900)).toBe(900);
    expect(spacerRows(800, 900)).toBe(900);
    // Outgrown, or far too tall (Clear, a new filter): sized afresh.
    expect(spacerRows(901, 900)).toBe(901 + 112);
    expect(spacerRows(10, 900)).toBe(11);
    expect(spacerRows(1_000_000, -1)).toBe(1_000_000 + SPACER_SLACK_MAX_ROWS);
  });

  it('writes the scroll positions the lists asked for once the current task is done, together', async () => {
    const one = document.createElement('div');
    const two = document.createElement('div');
    const written: string[] = [];
    for (const [name, element] of [
      ['one', one],
      ['two', two],
    ] as const) {
      Object.defineProperty(element, 'scrollTop', {
        configurable: true,
        set: (top: number) => written.push(`${name}=${top}`),
      });
    }
    scrollAfterWrites(one, 10);
    scrollAfterWrites(two, 20);
    scrollAfterWrites(one, 30);
    expect(written).toEqual([]);
    await Promise.resolve();
    expect(written).toEqual(['one=30', 'two=20']);
  });
});
