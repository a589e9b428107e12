import type { CommandChannel } from '../../../shared/api/channels';
import type { AppInfo, CommandResult, ValidatedRequest } from '../../../shared/api/commands';
import type { DemoLauncher } from '../demo/launcher';
import type { FeedManager, FeedSink } from '../feeds/feed-manager';

/** Every handler gets its validated request and the page that asked (it owns what it opens). */
export type CommandHandlers = {
  [K in CommandChannel]: (
    request: ValidatedRequest<K>,
    caller: FeedSink,
  ) => CommandResult<K> | Promise<CommandResult<K>>;
};

/** What the core needs from the face it runs under; each face supplies its own. */
export interface CoreContext {
  appInfo(): AppInfo;
  now(): number;
  feeds: FeedManager;
  demo: DemoLauncher;
}

/**
 * The command handlers of the core, identical under every face. Faces wrap them with sender
 * checks (Electron) or token checks (web) and validation (`invokeValidated`).
 */
export function createCommandHandlers(ctx: CoreContext): CommandHandlers {
  return {
    'app:info': () => ctx.appInfo(),
    'app:ping': ({ message }) => ({ message, receivedAt: new Date(ctx.now()).toISOString() }),
    'demo:start': async () => ({ url: await ctx.demo.start() }),
    'feeds:open': (request, caller) =>
      ctx.feeds.open(caller, {
        name: request.name,
        workspace: request.workspace,
        request: {
          url: request.url,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
        },
        retry: request.retry,
        lastEventId: request.lastEventId,
        connectTimeoutMs: request.connectTimeoutMs,
        idleTimeoutMs: request.idleTimeoutMs,
      }),
    'feeds:close': async ({ feedId }, caller) => ({
      closed: await ctx.feeds.close(caller, feedId),
    }),
    'feeds:reconnect': ({ feedId }, caller) => ({
      reconnected: ctx.feeds.reconnect(caller, feedId),
    }),
    'feeds:list': (_request, caller) => ctx.feeds.list(caller),
  };
}
