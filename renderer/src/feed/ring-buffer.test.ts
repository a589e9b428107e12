import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

const contents = <T>(ring: RingBuffer<T>) =>
  Array.from({ length: ring.length }, (_, i) => ring.at(i));

describe('the ring buffer', () => {
  it('keeps the newest items within its count bound, oldest first', () => {
    const ring = new RingBuffer<number>(3, Infinity);
    for (let i = 1; i <= 5; i++) ring.push(i, 1);
    expect(contents(ring)).toEqual([3, 4, 5]);
    expect(ring.evicted).toBe(2);
    expect(ring.last()).toBe(5);
  });

  it('evicts by bytes too, but always keeps the newest item', () => {
    const ring = new RingBuffer<string>(100, 10);
    ring.push('a', 4);
    ring.push('b', 4);
    ring.push('c', 4);
    expect(contents(ring)).toEqual(['b', 'c']);
    expect(ring.sizeBytes).toBe(8);
    ring.push('huge', 50);
    expect(contents(ring)).toEqual(['huge']);
  });

  it('answers undefined outside its range and empties on clear', () => {
    const ring = new RingBuffer<number>(2, Infinity);
    ring.push(1, 1);
    expect(ring.at(-1)).toBeUndefined();
    expect(ring.at(1)).toBeUndefined();
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.sizeBytes).toBe(0);
  });
});
