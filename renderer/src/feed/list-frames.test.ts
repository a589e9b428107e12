import { afterEach, describe, expect, it, vi } from 'vitest';
import { mayReplaceAllRows, nextPhase, scrollAfterWrites } from './list-frames';

afterEach(() => vi.restoreAllMocks());

describe('what the event lists coordinate per frame', () => {
  it('lets lists of the two phases replace all their rows in alternate frames', () => {
    let time = 1_000;
    vi.spyOn(document.timeline, 'currentTime', 'get').mockImplementation(() => time);
    const a = nextPhase();
    const b = nextPhase();
    expect(a).not.toBe(b);
    const frames: Array<[boolean, boolean]> = [];
    for (let frame = 0; frame < 4; frame++) {
      // Asked twice in one frame (two renders): the same answer.
      frames.push([mayReplaceAllRows(a), mayReplaceAllRows(b)]);
      expect(mayReplaceAllRows(a)).toBe(frames.at(-1)![0]);
      time += 16.7;
    }
    for (const [first, second] of frames) expect(first).toBe(!second);
    expect(frames.map(([first]) => first)).toEqual([
      frames[0]![0],
      !frames[0]![0],
      frames[0]![0],
      !frames[0]![0],
    ]);
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
