import { afterEach, describe, expect, it } from 'vitest';
import { splitFrames } from '../../shared/api/wire';
import type { FrameBatcher } from './frame-batcher';
import { createFrameBatcher } from './frame-batcher';

const frame = (feedId: string, firstSeq: number) => `["${feedId}",${firstSeq},0,["a\\nb"]]`;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let batcher: FrameBatcher | null = null;
afterEach(() => {
  batcher?.dispose();
  batcher = null;
});

describe('the frame batcher of a web page', () => {
  it('sends the frames of several feeds ready in the same turn as one message', async () => {
    const sent: string[] = [];
    batcher = createFrameBatcher((message) => sent.push(message));
    batcher.push(frame('f1', 1));
    batcher.push(frame('f2', 1));
    batcher.push(frame('f1', 2));
    expect(sent).toEqual([]);
    expect(batcher.pendingChars).toBeGreaterThan(0);
    await nextTurn();
    expect(sent).toHaveLength(1);
    expect(splitFrames(sent[0]!)).toEqual([frame('f1', 1), frame('f2', 1), frame('f1', 2)]);
    expect(batcher.pendingChars).toBe(0);
  });

  it('sends a lone frame after a quiet spell at the end of the turn, as it was', async () => {
    const sent: string[] = [];
    batcher = createFrameBatcher((message) => sent.push(message), 5);
    batcher.push(frame('f1', 1));
    await nextTurn();
    expect(sent).toEqual([frame('f1', 1)]);
    await sleep(20);
    batcher.push(frame('f1', 2));
    await nextTurn();
    expect(sent).toEqual([frame('f1', 1), frame('f1', 2)]);
  });

  it('holds frames that follow a message closely and sends them together, in order', async () => {
    const sent: string[] = [];
    batcher = createFrameBatcher((message) => sent.push(message), 30);
    batcher.push(frame('f1', 1));
    await nextTurn();
    batcher.push(frame('f2', 1));
    await nextTurn();
    batcher.push(frame('f3', 1));
    await nextTurn();
    expect(sent).toHaveLength(1);
    await expect.poll(() => sent.length).toBe(2);
    expect(sent.flatMap(splitFrames)).toEqual([frame('f1', 1), frame('f2', 1), frame('f3', 1)]);
  });

  it('sends nothing after it was disposed (the page went away)', async () => {
    const sent: string[] = [];
    batcher = createFrameBatcher((message) => sent.push(message));
    batcher.push(frame('f1', 1));
    batcher.dispose();
    batcher.push(frame('f1', 2));
    await sleep(20);
    expect(sent).toEqual([]);
  });

  it('sends what is queued at once when asked, so another message cannot overtake it', async () => {
    const sent: string[] = [];
    batcher = createFrameBatcher((message) => sent.push(message));
    batcher.push(frame('f1', 1));
    batcher.push(frame('f2', 1));
    batcher.flush();
    expect(sent.flatMap(splitFrames)).toEqual([frame('f1', 1), frame('f2', 1)]);
    await sleep(20);
    expect(sent).toHaveLength(1);
  });
});
