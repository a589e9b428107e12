import type { WebContents } from 'electron';
import { FEED_FRAME_CHANNEL } from '../../shared/api/channels';
import type { FeedSink } from '../core/feeds/feed-manager';

/**
 * A window as a FeedSink: frames and notifications go to this window only (docs/architecture.md, "The API contract").
 * webContents.send has no backpressure signal, so canSend is always true; the renderer's own
 * ring buffer bounds what the page holds.
 */
export function windowSink(contents: Pick<WebContents, 'id' | 'send' | 'isDestroyed'>): FeedSink {
  const sendIfAlive = (channel: string, payload: unknown) => {
    if (!contents.isDestroyed()) contents.send(channel, payload);
  };
  return {
    id: `window-${contents.id}`,
    // The wire text, as web mode sends it: a string crosses IPC and the context bridge as one
    // copy, where the objects of a frame would be cloned field by field (twice).
    sendFrame: (_frame, encoded) => sendIfAlive(FEED_FRAME_CHANNEL, encoded),
    notify: (channel, payload) => sendIfAlive(channel, payload),
    canSend: () => !contents.isDestroyed(),
  };
}
