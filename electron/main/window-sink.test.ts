import { describe, expect, it, vi } from 'vitest';
import { FEED_FRAME_CHANNEL } from '../../shared/api/channels';
import { encodeFeedFrame } from '../../shared/api/frame-codec';
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

describe('a window as a feed sink', () => {
  it('sends frames as their wire text on the frame channel and notifications on their own channel, to this window only', () => {
    const contents = fakeContents();
    const sink = windowSink(contents as never);
    const frame = { feedId: 'f', firstSeq: 1, entries: [], dropped: 0 };
    const encoded = encodeFeedFrame('f', 1, 0, []);
    sink.sendFrame(frame, encoded);
    sink.notify('app:notice-posted', { level: 'info', message: 'hi', at: 1 });
    expect(contents.send.mock.calls).toEqual([
      [FEED_FRAME_CHANNEL, encoded],
      ['app:notice-posted', { level: 'info', message: 'hi', at: 1 }],
    ]);
    expect(sink.id).toBe('window-7');
  });

  it('sends nothing once the window is gone', () => {
    const contents = fakeContents();
    const sink = windowSink(contents as never);
    contents.destroy();
    sink.sendFrame({ feedId: 'f', firstSeq: 1, entries: [], dropped: 0 }, '["f",1,0,[]]');
    expect(contents.send).not.toHaveBeenCalled();
    expect(sink.canSend()).toBe(false);
  });
});
