import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { COMMAND_CHANNELS } from '../../shared/api/channels';
import { commandSchemas } from '../../shared/api/commands';
import { fail } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { CommandHandlers } from '../core/api/handlers';
import type { FeedSink } from '../core/feeds/feed-manager';
import { invokeValidated } from '../core/api/invoke';
import type { AppLocation } from './app-url';
import { isAppUrl } from './app-url';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * A request is ours only if it comes from the top-level frame of one of our windows while that
 * frame shows our page. Sub-frames (an embedded page), other webContents and a frame that has
 * navigated elsewhere are refused (Electron security checklist, "Validate the sender of all IPC
 * messages").
 */
export function createSenderCheck(
  app: AppLocation,
  isOwnWebContents: (contents: WebContents) => boolean,
): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!isOwnWebContents(event.sender)) return false;
    return isAppUrl(frame.url, app);
  };
}

/**
 * The one way main registers a command: sender check, schema validation, Result answer.
 * Nothing reaches `fn` unvalidated, and nothing thrown crosses the bridge.
 */
export function handle<S extends z.ZodType, T>(
  ipc: Pick<IpcMain, 'handle'>,
  isTrustedSender: SenderCheck,
  channel: string,
  schema: S,
  fn: (request: z.infer<S>, event: IpcMainInvokeEvent) => T | Promise<T>,
): void {
  ipc.handle(channel, (event, input: unknown): Promise<Result<T>> => {
    if (!isTrustedSender(event)) {
      return Promise.resolve(
        fail(
          'forbidden',
          `Refused ${channel}: the request did not come from the Eventscope window.`,
        ),
      );
    }
    return invokeValidated(channel, schema, (request) => fn(request, event), input);
  });
}

/**
 * Registers every command channel of the contract; a channel without a handler fails to compile.
 * `sinkFor` maps the asking window to the FeedSink that owns what it opens.
 */
export function registerCommandHandlers(
  ipc: Pick<IpcMain, 'handle'>,
  isTrustedSender: SenderCheck,
  handlers: CommandHandlers,
  sinkFor: (contents: WebContents) => FeedSink,
): void {
  for (const channel of COMMAND_CHANNELS) {
    const handler = handlers[channel] as (request: unknown, caller: FeedSink) => unknown;
    handle(ipc, isTrustedSender, channel, commandSchemas[channel], (request, event) =>
      handler(request, sinkFor(event.sender)),
    );
  }
}
