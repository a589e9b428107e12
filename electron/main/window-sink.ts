import type { WebContents } from 'electron';
import { FEED_FRAME_CHANNEL } from '../../shared/api/channels';
import type { FeedSink } from '../core/feeds/feed-manager';

/**
 * A window as a FeedSink: frames and notifications go to this window only (DESIGN.md §2).
 * webContents.send has no backpressure signal, so canSend is always true; the renderer's own
 * ring buffer bounds what the page holds.
 */
export function windowSink(contents: Pick<WebContents, 'id' | 'send' | 'isDestroyed'>): FeedSink {
  const sendIfAlive = (channel: string, payload: unknown) => {
    if (!contents.isDestroyed()) contents.send(channel, payload);
  };
  return {
    id: `window-${contents.id}`,
    sendFrame: (frame) => sendIfAlive(FEED_FRAME_CHANNEL, frame),
    notify: (channel, payload) => sendIfAlive(channel, payload),
    canSend: () => !contents.isDestroyed(),
  };
}
