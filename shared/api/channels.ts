/**
 * Channel names and the method each is exposed as — plain data, so the sandboxed preload and
 * the page can bundle it without pulling in a validation library.
 */

import { commandMethods } from './command-methods';

/**
 * The command channels (`domain:verb`) and the method each is exposed as on
 * `window.eventscope`: generated from the one command table (`commands` in commands.ts) by
 * `npm run gen:api`, so the page and the sandboxed preload get them without zod. The channel
 * list and `CommandChannel` derive from it; nothing else lists them. See docs/architecture.md,
 * "Adding a command".
 */
export { commandMethods };
export type CommandChannel = keyof typeof commandMethods;

/** Every command channel, in table order. */
export const COMMAND_CHANNELS = Object.keys(commandMethods) as readonly CommandChannel[];

/** Notifications (Node side → page): channel and the `onX` method it is exposed as. */
export const notificationMethods = {
  'app:notice-posted': 'onNotice',
  'feeds:state-changed': 'onFeedState',
  'workspaces:changed': 'onWorkspacesChanged',
  'menu:command-invoked': 'onMenuCommand',
  'export:progressed': 'onExportProgress',
} as const;
export type NotificationChannel = keyof typeof notificationMethods;

/** Every notification channel, in table order. */
export const NOTIFICATION_CHANNELS = Object.keys(
  notificationMethods,
) as readonly NotificationChannel[];

/** Lane 3 (feed frames) has exactly one channel. */
export const FEED_FRAME_CHANNEL = 'feeds:frame-sent';
export const FEED_FRAME_METHOD = 'onFeedFrame';

export function isCommandChannel(value: unknown): value is CommandChannel {
  return typeof value === 'string' && Object.hasOwn(commandMethods, value);
}

export function isNotificationChannel(value: unknown): value is NotificationChannel {
  return typeof value === 'string' && Object.hasOwn(notificationMethods, value);
}

/** The method names exposed on `window.eventscope`, sorted (used by surface tests). */
export function apiMethodNames(): string[] {
  return [
    ...Object.values(commandMethods),
    ...Object.values(notificationMethods),
    FEED_FRAME_METHOD,
  ].sort();
}
