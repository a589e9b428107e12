/**
 * Channel names and the method each is exposed as — plain data with no imports, so the
 * sandboxed preload can bundle it without pulling in a validation library.
 */

/**
 * The command table, zod-free half: each command's channel (`domain:verb`) and the method it is
 * exposed as on `window.eventscope`. Its other half — request schema and result type — is
 * `commands` in commands.ts, which must have exactly these keys (checked at compile time there).
 * The channel list and `CommandChannel` are derived from this table; nothing else lists them.
 * See docs/architecture.md, "Adding a command".
 */
export const commandMethods = {
  'app:info': 'getAppInfo',
  'app:ping': 'ping',
  'app:take-notices': 'takeNotices',
  'demo:start': 'startDemoServer',
  'feeds:open': 'openFeed',
  'feeds:close': 'closeFeed',
  'feeds:reconnect': 'reconnectFeed',
  'feeds:list': 'listFeeds',
  'feeds:disconnect': 'disconnectFeed',
  'feeds:connect': 'connectFeed',
  'feeds:resume': 'resumeFeeds',
  'feeds:reveal-log': 'revealFeedLog',
  'workspaces:list': 'listWorkspaces',
  'workspaces:get': 'getWorkspace',
  'workspaces:create': 'createWorkspace',
  'workspaces:save': 'saveWorkspace',
  'workspaces:delete': 'deleteWorkspace',
  'workspaces:duplicate': 'duplicateWorkspace',
  'workspaces:import': 'importWorkspace',
  'workspaces:export': 'exportWorkspace',
  'endpoints:save': 'saveEndpoint',
  'endpoints:delete': 'deleteEndpoint',
  'endpoints:open': 'openEndpoint',
  'endpoints:choose-ca-file': 'chooseCaFile',
  'secrets:get-policy': 'getSecretsPolicy',
  'secrets:set-policy': 'setSecretsPolicy',
  'sessions:list': 'listSessions',
  'sessions:open': 'openSession',
  'sessions:delete': 'deleteSession',
  'sessions:replay': 'replaySession',
  'export:start': 'startExport',
  'export:cancel': 'cancelExport',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
  'app:reveal-data-dir': 'revealDataDir',
} as const;
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
