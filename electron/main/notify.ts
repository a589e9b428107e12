import type { WebContents } from 'electron';
import type { NotificationChannel } from '../../shared/api/channels';
import type { NotificationPayload } from '../../shared/api/notifications';

/** Sends a notification to one window: the one that owns the thing being reported. */
export function notifyWindow<K extends NotificationChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  channel: K,
  payload: NotificationPayload<K>,
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
