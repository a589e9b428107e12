import type { WebContents } from 'electron';
import { FEED_FRAME_CHANNEL } from '../../shared/api/channels';
import type { FeedSink } from '../core/feeds/feed-manager';
import { createFrameBatcher } from '../web/frame-batcher';

/**
 * A window as a FeedSink: frames and notifications go to this window only (docs/architecture.md, "The API contract").
 * webContents.send has no backpressure signal, so canSend is always true; the renderer's own
 * ring buffer bounds what the page holds.
 *
 * Frames of several feeds ready together travel as one IPC message, joined the way web mode
 * joins them (electron/web/frame-batcher.ts; the preload splits them again): with many feeds
 * open, one message per frame woke the page thousands of times a second
 * (docs/performance.md, bench:e2e (f)).
 */
export function windowSink(contents: Pick<WebContents, 'id' | 'send' | 'isDestroyed'>): FeedSink {
  const alive = () => !contents.isDestroyed();
  // The wire text, as web mode sends it: a string crosses IPC and the context bridge as one
  // copy, where the objects of a frame would be cloned field by field (twice).
  const frames = createFrameBatcher((message) => {
    if (alive()) contents.send(FEED_FRAME_CHANNEL, message);
  });
  return {
    id: `window-${contents.id}`,
    sendFrame: (_frame, encoded) => {
      if (alive()) frames.push(encoded);
      else frames.dispose();
    },
    // The frames queued before a notification go first: a feed's entries and its state
    // changes reach the page in the order they happened.
    notify: (channel, payload) => {
      frames.flush();
      if (alive()) contents.send(channel, payload);
    },
    canSend: alive,
  };
}
