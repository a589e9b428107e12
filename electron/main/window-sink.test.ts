import { describe, expect, it, vi } from 'vitest';
import { FEED_FRAME_CHANNEL } from '../../shared/api/channels';
import { encodeFeedFrame } from '../../shared/api/frame-codec';
import { splitFrames } from '../../shared/api/wire';
import { windowSink } from './window-sink';

function fakeContents(id = 7) {
  let destroyed = false;
  return {
    id,
    send: vi.fn(),
    isDestroyed: () => destroyed,
    destroy: () => (destroyed = true),
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const frameOf = (feedId: string, firstSeq = 1) => ({
  feedId,
  firstSeq,
  entries: [],
  dropped: 0,
});

describe('a window as a feed sink', () => {
  it('sends frames as their wire text on the frame channel and notifications on their own channel, to this window only', async () => {
    const contents = fakeContents();
    const sink = windowSink(contents as never);
    const encoded = encodeFeedFrame('f', 1, 0, []);
    sink.sendFrame(frameOf('f'), encoded);
    await nextTurn();
    sink.notify('app:notice-posted', { level: 'info', message: 'hi', at: 1 });
    expect(contents.send.mock.calls).toEqual([
      [FEED_FRAME_CHANNEL, encoded],
      ['app:notice-posted', { level: 'info', message: 'hi', at: 1 }],
    ]);
    expect(sink.id).toBe('window-7');
  });

  it('joins the frames of several feeds ready in the same turn into one message', async () => {
    const contents = fakeContents();
    const sink = windowSink(contents as never);
    const frames = ['f1', 'f2', 'f3'].map((feedId) => encodeFeedFrame(feedId, 1, 0, []));
    for (const [i, encoded] of frames.entries()) sink.sendFrame(frameOf(`f${i + 1}`), encoded);
    expect(contents.send).not.toHaveBeenCalled();
    await nextTurn();
    expect(contents.send).toHaveBeenCalledTimes(1);
    const [channel, message] = contents.send.mock.calls[0]!;
    expect(channel).toBe(FEED_FRAME_CHANNEL);
    expect(splitFrames(message as string)).toEqual(frames);
  });

  it('sends the frames queued before a notification first, so a state change never overtakes them', () => {
    const contents = fakeContents();
    const sink = windowSink(contents as never);
    const encoded = encodeFeedFrame('f', 1, 0, []);
    sink.sendFrame(frameOf('f'), encoded);
    sink.notify('app:notice-posted', { level: 'info', message: 'after', at: 2 });
    expect(contents.send.mock.calls.map(([channel]) => channel)).toEqual([
      FEED_FRAME_CHANNEL,
      'app:notice-posted',
    ]);
  });

  it('sends nothing once the window is gone', async () => {
    const contents = fakeContents();
    const sink = windowSink(contents as never);
    sink.sendFrame(frameOf('f'), '["f",1,0,[]]');
    contents.destroy();
    await nextTurn();
    sink.sendFrame(frameOf('f', 2), '["f",2,0,[]]');
    await nextTurn();
    expect(contents.send).not.toHaveBeenCalled();
    expect(sink.canSend()).toBe(false);
  });
});
