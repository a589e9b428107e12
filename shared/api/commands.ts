import { z } from 'zod';
import type { CommandChannel, commandMethods } from './channels';
import type { FeedSummary } from './feeds';
import { FeedIdRequestSchema, FeedOpenRequestSchema, FeedResumeRequestSchema } from './feeds';
import type { Workspace } from '../model/workspace';
import type { Notice } from './notifications';
import type {
  ExportOutcome,
  ImportOutcome,
  SecretsPolicy,
  WorkspaceDetails,
  WorkspaceListItem,
} from './workspaces';
import type { CaFileChoice } from './workspaces';
import type { ExportResult, SessionInfo } from './sessions';
import {
  ExportIdRequestSchema,
  ExportStartRequestSchema,
  SessionListRequestSchema,
  SessionRefRequestSchema,
  SessionReplayRequestSchema,
} from './sessions';
import {
  CaFileRequestSchema,
  EndpointRefRequestSchema,
  EndpointSaveRequestSchema,
  SecretsPolicyRequestSchema,
  WorkspaceCreateRequestSchema,
  WorkspaceExportRequestSchema,
  WorkspaceIdRequestSchema,
  WorkspaceDuplicateRequestSchema,
  WorkspaceImportRequestSchema,
  WorkspaceSaveRequestSchema,
} from './workspaces';
import type { RevealOutcome, UserSettings } from './settings';
import { SettingsSetRequestSchema } from './settings';

/**
 * Commands: renderer → Node side, request/response (docs/architecture.md, "The API contract",
 * lane 1). Every channel is `domain:verb`, named with its method in channels.ts; its runtime
 * request schema and result type are declared in `commands` below.
 */

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Where workspaces and session logs live on this machine. */
  dataDir: z.string(),
  /** Which face is serving the renderer: the desktop window or web mode in a browser. */
  face: z.enum(['electron', 'web']),
  versions: z.object({ node: z.string(), electron: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const PING_MESSAGE_MAX_CHARS = 1_000;

/**
 * A result type carried by the table: nothing at run time (results are not validated on the
 * way back, the Node side produced them), only `T` for the compiler.
 */
export interface ResultOf<T> {
  readonly result?: T;
}
export function resultOf<T>(): ResultOf<T> {
  return {};
}

/** One row of the command table. */
export interface CommandDeclaration {
  /** The method it is exposed as on `window.eventscope` and on web mode's page API. */
  method: string;
  request: z.ZodType;
  result: ResultOf<unknown>;
}

/**
 * The command table: each command's channel (`domain:verb`), the method it is exposed as, its
 * request schema and its result type — the one place a command is declared. The channel list,
 * the schema map, `CommandResults` and the request types are derived from it; so is
 * command-methods.ts, the zod-free channel → method map the page and the preload import,
 * written by `npm run gen:api` (scripts/command-methods.test.ts fails when it is stale, and
 * `satisfies` below when a row and that map disagree). See docs/architecture.md, "Adding a
 * command".
 */
export const commands = {
  'app:info': {
    method: 'getAppInfo',
    request: z.undefined(),
    result: resultOf<AppInfo>(),
  },
  'app:ping': {
    method: 'ping',
    request: z.object({ message: z.string().max(PING_MESSAGE_MAX_CHARS) }).strict(),
    result: resultOf<{ message: string; receivedAt: string }>(),
  },
  /**
   * What start-up found (a recovered file, a newer version), handed to each page once: the page
   * pulls them when it is ready, so none are lost to a page that was still loading.
   */
  'app:take-notices': {
    method: 'takeNotices',
    request: z.undefined(),
    result: resultOf<Notice[]>(),
  },
  /** Base URL of the built-in demo server, started on a free loopback port on first use. */
  'demo:start': {
    method: 'startDemoServer',
    request: z.undefined(),
    result: resultOf<{ url: string }>(),
  },
  'feeds:open': {
    method: 'openFeed',
    request: FeedOpenRequestSchema,
    result: resultOf<FeedSummary>(),
  },
  'feeds:close': {
    method: 'closeFeed',
    request: FeedIdRequestSchema,
    result: resultOf<{ closed: boolean }>(),
  },
  'feeds:reconnect': {
    method: 'reconnectFeed',
    request: FeedIdRequestSchema,
    result: resultOf<{ reconnected: boolean }>(),
  },
  'feeds:list': {
    method: 'listFeeds',
    request: z.undefined(),
    result: resultOf<FeedSummary[]>(),
  },
  'feeds:disconnect': {
    method: 'disconnectFeed',
    request: FeedIdRequestSchema,
    result: resultOf<{ disconnected: boolean }>(),
  },
  'feeds:connect': {
    method: 'connectFeed',
    request: FeedIdRequestSchema,
    result: resultOf<{ connected: boolean }>(),
  },
  /** The feeds handed back to this page; their recent entries follow as frames. */
  'feeds:resume': {
    method: 'resumeFeeds',
    request: FeedResumeRequestSchema,
    result: resultOf<FeedSummary[]>(),
  },
  /**
   * The feed's session log shown in the file manager (Electron); where there is none (web
   * mode) `revealed` is false and the page shows `path` to copy.
   */
  'feeds:reveal-log': {
    method: 'revealFeedLog',
    request: FeedIdRequestSchema,
    result: resultOf<{ revealed: boolean; path: string | null }>(),
  },
  'workspaces:list': {
    method: 'listWorkspaces',
    request: z.undefined(),
    result: resultOf<WorkspaceListItem[]>(),
  },
  'workspaces:get': {
    method: 'getWorkspace',
    request: WorkspaceIdRequestSchema,
    result: resultOf<WorkspaceDetails>(),
  },
  'workspaces:create': {
    method: 'createWorkspace',
    request: WorkspaceCreateRequestSchema,
    result: resultOf<Workspace>(),
  },
  'workspaces:save': {
    method: 'saveWorkspace',
    request: WorkspaceSaveRequestSchema,
    result: resultOf<Workspace>(),
  },
  'workspaces:delete': {
    method: 'deleteWorkspace',
    request: WorkspaceIdRequestSchema,
    result: resultOf<{ deleted: true }>(),
  },
  'workspaces:duplicate': {
    method: 'duplicateWorkspace',
    request: WorkspaceDuplicateRequestSchema,
    result: resultOf<Workspace>(),
  },
  'workspaces:import': {
    method: 'importWorkspace',
    request: WorkspaceImportRequestSchema,
    result: resultOf<ImportOutcome>(),
  },
  'workspaces:export': {
    method: 'exportWorkspace',
    request: WorkspaceExportRequestSchema,
    result: resultOf<ExportOutcome>(),
  },
  'endpoints:save': {
    method: 'saveEndpoint',
    request: EndpointSaveRequestSchema,
    result: resultOf<Workspace>(),
  },
  'endpoints:delete': {
    method: 'deleteEndpoint',
    request: EndpointRefRequestSchema,
    result: resultOf<Workspace>(),
  },
  'endpoints:open': {
    method: 'openEndpoint',
    request: EndpointRefRequestSchema,
    result: resultOf<FeedSummary>(),
  },
  'endpoints:choose-ca-file': {
    method: 'chooseCaFile',
    request: CaFileRequestSchema,
    result: resultOf<CaFileChoice>(),
  },
  'secrets:get-policy': {
    method: 'getSecretsPolicy',
    request: z.undefined(),
    result: resultOf<SecretsPolicy>(),
  },
  'secrets:set-policy': {
    method: 'setSecretsPolicy',
    request: SecretsPolicyRequestSchema,
    result: resultOf<SecretsPolicy>(),
  },
  'sessions:list': {
    method: 'listSessions',
    request: SessionListRequestSchema,
    result: resultOf<SessionInfo[]>(),
  },
  /** The past session as a read-only feed (its entries stream in as frames). */
  'sessions:open': {
    method: 'openSession',
    request: SessionRefRequestSchema,
    result: resultOf<FeedSummary>(),
  },
  'sessions:delete': {
    method: 'deleteSession',
    request: SessionRefRequestSchema,
    result: resultOf<{ deleted: boolean }>(),
  },
  /** The replay's URL and the endpoint added for it. */
  'sessions:replay': {
    method: 'replaySession',
    request: SessionReplayRequestSchema,
    result: resultOf<{ url: string; workspaceId: string; endpointId: string }>(),
  },
  'export:start': {
    method: 'startExport',
    request: ExportStartRequestSchema,
    result: resultOf<ExportResult>(),
  },
  'export:cancel': {
    method: 'cancelExport',
    request: ExportIdRequestSchema,
    result: resultOf<{ cancelled: boolean }>(),
  },
  'settings:get': {
    method: 'getSettings',
    request: z.undefined(),
    result: resultOf<UserSettings>(),
  },
  'settings:set': {
    method: 'setSettings',
    request: SettingsSetRequestSchema,
    result: resultOf<UserSettings>(),
  },
  'app:reveal-data-dir': {
    method: 'revealDataDir',
    request: z.undefined(),
    result: resultOf<RevealOutcome>(),
  },
} satisfies { [K in CommandChannel]: CommandDeclaration & { method: (typeof commandMethods)[K] } };

/** The request schema of every command, by channel. */
export const commandSchemas = Object.fromEntries(
  Object.entries(commands).map(([channel, declaration]) => [channel, declaration.request]),
) as { [K in CommandChannel]: (typeof commands)[K]['request'] };

/** Result types, one per channel. */
export type CommandResults = {
  [K in CommandChannel]: (typeof commands)[K]['result'] extends ResultOf<infer T> ? T : never;
};

/** What the renderer passes (schema input: defaults may be left out). */
export type CommandRequest<K extends CommandChannel> = z.input<(typeof commandSchemas)[K]>;
/** What a handler receives (schema output: defaults filled in). */
export type ValidatedRequest<K extends CommandChannel> = z.output<(typeof commandSchemas)[K]>;
export type CommandResult<K extends CommandChannel> = CommandResults[K];
