import type { CommandChannel } from '../../../shared/api/channels';
import type { AppInfo, CommandRequest, CommandResult } from '../../../shared/api/commands';

export type CommandHandlers = {
  [K in CommandChannel]: (
    request: CommandRequest<K>,
  ) => CommandResult<K> | Promise<CommandResult<K>>;
};

/** What the core needs from the face it runs under; each face supplies its own. */
export interface CoreContext {
  appInfo(): AppInfo;
  now(): number;
}

/**
 * The command handlers of the core, identical under every face. Faces wrap them with sender
 * checks (Electron) or token checks (web) and validation (`invokeValidated`).
 */
export function createCommandHandlers(ctx: CoreContext): CommandHandlers {
  return {
    'app:info': () => ctx.appInfo(),
    'app:ping': ({ message }) => ({ message, receivedAt: new Date(ctx.now()).toISOString() }),
  };
}
