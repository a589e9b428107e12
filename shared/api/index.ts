import type { Result } from '../result';
import type { CommandChannel, NotificationChannel } from './channels';
import type { commandMethods, FEED_FRAME_METHOD, notificationMethods } from './channels';
import type { CommandRequest, CommandResult } from './commands';
import type { EncodedFeedFrame } from './frame-codec';
import type { NotificationPayload } from './notifications';

export * from './channels';
export * from './commands';
export * from './notifications';
export * from './frames';
export * from './feeds';
export * from './workspaces';
export * from './sessions';
export * from './settings';

export type Unsubscribe = () => void;

type CommandMethod<K extends CommandChannel> = [CommandRequest<K>] extends [undefined]
  ? () => Promise<Result<CommandResult<K>>>
  : (request: CommandRequest<K>) => Promise<Result<CommandResult<K>>>;

type CommandMethods = {
  [K in CommandChannel as (typeof commandMethods)[K]]: CommandMethod<K>;
};

type NotificationMethods = {
  [K in NotificationChannel as (typeof notificationMethods)[K]]: (
    listener: (payload: NotificationPayload<K>) => void,
  ) => Unsubscribe;
};

type FrameMethods = {
  /** Frames arrive encoded; `decodeFeedFrame` (shared/api/frame-codec.ts) makes entries of them. */
  [M in typeof FEED_FRAME_METHOD]: (listener: (frame: EncodedFeedFrame) => void) => Unsubscribe;
};

/**
 * The whole API the renderer sees, identical in the Electron window (preload) and in web mode
 * (WebSocket client): the renderer cannot tell them apart.
 */
export type EventscopeApi = CommandMethods & NotificationMethods & FrameMethods;
