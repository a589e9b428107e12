import type { CommandChannel } from '../../../shared/api/channels';
import type { AppInfo, CommandResult, ValidatedRequest } from '../../../shared/api/commands';
import type { Notice } from '../../../shared/api/notifications';
import type { RevealOutcome, UserSettings } from '../../../shared/api/settings';
import type { SecretsPolicy } from '../../../shared/api/workspaces';
import type { DemoLauncher } from '../demo/launcher';
import type { FeedManager, FeedSink } from '../feeds/feed-manager';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { storeNoticeCode } from '../store/notices';
import { chooseCaFile, type OpenFileDialog } from '../tls/ca-file-choice';
import type { ExportService } from '../export/export-service';
import type { SessionService } from '../sessions/session-service';

/** Every handler gets its validated request and the page that asked (it owns what it opens). */
export type CommandHandlers = {
  [K in CommandChannel]: (
    request: ValidatedRequest<K>,
    caller: FeedSink,
  ) => CommandResult<K> | Promise<CommandResult<K>>;
};

/**
 * Saves a file the user names in a dialog on the Node side (docs/architecture.md, "Persistence and secrets": the renderer never
 * passes a path). Resolves the chosen path, or null when the user cancelled.
 */
export type SaveFileDialog = (suggestedName: string, text: string) => Promise<string | null>;

/** What the core needs from the face it runs under; each face supplies its own. */
export interface CoreContext {
  appInfo(): AppInfo;
  now(): number;
  /** Start-up notices not yet handed to this page (each page gets them once). */
  takeNotices(caller: FeedSink): Notice[];
  feeds: FeedManager;
  demo: DemoLauncher;
  workspaces: WorkspaceService;
  sessions: SessionService;
  exports: ExportService;
  /** Electron's save dialog; absent in web mode, where the browser downloads the file. */
  saveFile?: SaveFileDialog;
  /** Electron's open dialog; absent in web mode, where the page sends a file's content. */
  openFile?: OpenFileDialog;
  /** Shows a file in the system file manager (Electron's shell); absent in web mode. */
  revealInFolder?: (path: string) => void | Promise<void>;
  secrets: {
    policy(): SecretsPolicy;
    setStoreUnprotected(allowed: boolean): Promise<SecretsPolicy>;
  };
  settings: {
    get(): UserSettings;
    set(change: Partial<UserSettings>): Promise<UserSettings>;
  };
  /** Opens the data directory in the OS file manager (Electron); web mode cannot. */
  revealDataDir(): Promise<RevealOutcome>;
}

/**
 * The command handlers of the core, identical under every face. Faces wrap them with sender
 * checks (Electron) or token checks (web) and validation (`invokeValidated`).
 */
export function createCommandHandlers(ctx: CoreContext): CommandHandlers {
  const { workspaces } = ctx;
  return {
    'app:info': () => ctx.appInfo(),
    'app:ping': ({ message }) => ({ message, receivedAt: new Date(ctx.now()).toISOString() }),
    'app:take-notices': (_request, caller) => ctx.takeNotices(caller),
    'demo:start': async () => ({ url: await ctx.demo.start() }),
    'feeds:open': (request, caller) =>
      // No transport settings: the environment's HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply.
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
    'feeds:disconnect': ({ feedId }, caller) => ({
      disconnected: ctx.feeds.disconnect(caller, feedId),
    }),
    'feeds:connect': ({ feedId }, caller) => ({ connected: ctx.feeds.connect(caller, feedId) }),
    'feeds:resume': ({ token }, caller) => ctx.feeds.resume(caller, token),
    'feeds:reveal-log': async ({ feedId }, caller) => {
      // The path comes from the feed the caller owns, never from the page (docs/architecture.md, "Persistence and secrets").
      const path = ctx.feeds.list(caller).find((feed) => feed.feedId === feedId)?.logFile ?? null;
      if (path === null || !ctx.revealInFolder) return { revealed: false, path };
      await ctx.revealInFolder(path);
      return { revealed: true, path };
    },
    'workspaces:list': () => workspaces.list(),
    'workspaces:get': async ({ id }) => {
      const loaded = await workspaces.get(id);
      return {
        workspace: loaded.workspace,
        readOnly: loaded.readOnly,
        notices: loaded.notices.map((n) => ({
          message: n.message,
          ...storeNoticeCode(
            n,
            (workspaceId) => workspaces.list().find((w) => w.id === workspaceId)?.name,
          ),
        })),
      };
    },
    'workspaces:create': ({ name }) => workspaces.create(name),
    'workspaces:save': ({ workspace }) => workspaces.save(workspace),
    'workspaces:delete': async ({ id }) => {
      await workspaces.remove(id);
      return { deleted: true };
    },
    'workspaces:duplicate': ({ id, name }) => workspaces.duplicate(id, name),
    'workspaces:import': ({ text, into, name, copySuffix }) =>
      workspaces.importText(text, into, { name, copySuffix }),
    'workspaces:export': async ({ id, includeSecrets }) => {
      const file = await workspaces.exportText(id, includeSecrets);
      if (!ctx.saveFile) return { type: 'download', ...file };
      const path = await ctx.saveFile(file.fileName, file.text);
      return path === null ? { type: 'cancelled' } : { type: 'saved', path };
    },
    'endpoints:save': ({ workspaceId, endpoint }) => workspaces.saveEndpoint(workspaceId, endpoint),
    'endpoints:delete': ({ workspaceId, endpointId }) =>
      workspaces.deleteEndpoint(workspaceId, endpointId),
    'endpoints:open': ({ workspaceId, endpointId }, caller) =>
      workspaces.openEndpoint(caller, workspaceId, endpointId),
    'endpoints:choose-ca-file': (request) => chooseCaFile(request, ctx.openFile),
    'secrets:get-policy': () => ctx.secrets.policy(),
    'secrets:set-policy': ({ storeUnprotected }) =>
      ctx.secrets.setStoreUnprotected(storeUnprotected),
    'sessions:list': (filter) => ctx.sessions.list(filter),
    'sessions:open': ({ id }, caller) => ctx.sessions.open(caller, id),
    'sessions:delete': async ({ id }) => ({ deleted: await ctx.sessions.remove(id) }),
    'sessions:replay': ({ id, workspaceId, speed }) => ctx.sessions.replay(id, workspaceId, speed),
    'export:start': (request, caller) => ctx.exports.start(request, caller),
    'export:cancel': ({ exportId }) => ({ cancelled: ctx.exports.cancel(exportId) }),
    'settings:get': () => ctx.settings.get(),
    'settings:set': (change) => ctx.settings.set(change),
    'app:reveal-data-dir': () => ctx.revealDataDir(),
  };
}
