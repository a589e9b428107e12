/**
 * Channel names and the method each is exposed as — plain data with no imports, so the
 * sandboxed preload can bundle it without pulling in a validation library.
 */

export const COMMAND_CHANNELS = [
  'app:info',
  'app:ping',
  'app:take-notices',
  'demo:start',
  'feeds:open',
  'feeds:close',
  'feeds:reconnect',
  'feeds:list',
  'feeds:disconnect',
  'feeds:connect',
  'feeds:resume',
  'feeds:reveal-log',
  'workspaces:list',
  'workspaces:get',
  'workspaces:create',
  'workspaces:save',
  'workspaces:delete',
  'workspaces:duplicate',
  'workspaces:import',
  'workspaces:export',
  'endpoints:save',
  'endpoints:delete',
  'endpoints:open',
  'endpoints:choose-ca-file',
  'secrets:get-policy',
  'secrets:set-policy',
  'sessions:list',
  'sessions:open',
  'sessions:delete',
  'sessions:replay',
  'export:start',
  'export:cancel',
  'settings:get',
  'settings:set',
  'app:reveal-data-dir',
] as const;
export type CommandChannel = (typeof COMMAND_CHANNELS)[number];

/** The method each command is exposed as on `window.eventscope` (one method per channel). */
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
} as const satisfies Record<CommandChannel, string>;

export const NOTIFICATION_CHANNELS = [
  'app:notice-posted',
  'feeds:state-changed',
  'workspaces:changed',
  'menu:command-invoked',
  'export:progressed',
] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const notificationMethods = {
  'app:notice-posted': 'onNotice',
  'feeds:state-changed': 'onFeedState',
  'workspaces:changed': 'onWorkspacesChanged',
  'menu:command-invoked': 'onMenuCommand',
  'export:progressed': 'onExportProgress',
} as const satisfies Record<NotificationChannel, string>;

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
