import { z } from 'zod';
import type { CommandChannel } from './channels';
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
  request: z.ZodType;
  result: ResultOf<unknown>;
}

/**
 * The command table, contract half: each command's request schema and result type. Its keys
 * are exactly those of `commandMethods` in channels.ts (the zod-free half the page and preload
 * import): `satisfies` below rejects a missing channel and an extra one alike. The schema map,
 * `CommandResults` and the request types are derived from it. See docs/architecture.md,
 * "Adding a command".
 */
export const commands = {
  'app:info': { request: z.undefined(), result: resultOf<AppInfo>() },
  'app:ping': {
    request: z.object({ message: z.string().max(PING_MESSAGE_MAX_CHARS) }).strict(),
    result: resultOf<{ message: string; receivedAt: string }>(),
  },
  /**
   * What start-up found (a recovered file, a newer version), handed to each page once: the page
   * pulls them when it is ready, so none are lost to a page that was still loading.
   */
  'app:take-notices': { request: z.undefined(), result: resultOf<Notice[]>() },
  /** Base URL of the built-in demo server, started on a free loopback port on first use. */
  'demo:start': { request: z.undefined(), result: resultOf<{ url: string }>() },
  'feeds:open': { request: FeedOpenRequestSchema, result: resultOf<FeedSummary>() },
  'feeds:close': { request: FeedIdRequestSchema, result: resultOf<{ closed: boolean }>() },
  'feeds:reconnect': { request: FeedIdRequestSchema, result: resultOf<{ reconnected: boolean }>() },
  'feeds:list': { request: z.undefined(), result: resultOf<FeedSummary[]>() },
  'feeds:disconnect': {
    request: FeedIdRequestSchema,
    result: resultOf<{ disconnected: boolean }>(),
  },
  'feeds:connect': { request: FeedIdRequestSchema, result: resultOf<{ connected: boolean }>() },
  /** The feeds handed back to this page; their recent entries follow as frames. */
  'feeds:resume': { request: FeedResumeRequestSchema, result: resultOf<FeedSummary[]>() },
  /**
   * The feed's session log shown in the file manager (Electron); where there is none (web
   * mode) `revealed` is false and the page shows `path` to copy.
   */
  'feeds:reveal-log': {
    request: FeedIdRequestSchema,
    result: resultOf<{ revealed: boolean; path: string | null }>(),
  },
  'workspaces:list': { request: z.undefined(), result: resultOf<WorkspaceListItem[]>() },
  'workspaces:get': { request: WorkspaceIdRequestSchema, result: resultOf<WorkspaceDetails>() },
  'workspaces:create': { request: WorkspaceCreateRequestSchema, result: resultOf<Workspace>() },
  'workspaces:save': { request: WorkspaceSaveRequestSchema, result: resultOf<Workspace>() },
  'workspaces:delete': { request: WorkspaceIdRequestSchema, result: resultOf<{ deleted: true }>() },
  'workspaces:duplicate': { request: WorkspaceIdRequestSchema, result: resultOf<Workspace>() },
  'workspaces:import': { request: WorkspaceImportRequestSchema, result: resultOf<ImportOutcome>() },
  'workspaces:export': { request: WorkspaceExportRequestSchema, result: resultOf<ExportOutcome>() },
  'endpoints:save': { request: EndpointSaveRequestSchema, result: resultOf<Workspace>() },
  'endpoints:delete': { request: EndpointRefRequestSchema, result: resultOf<Workspace>() },
  'endpoints:open': { request: EndpointRefRequestSchema, result: resultOf<FeedSummary>() },
  'endpoints:choose-ca-file': { request: CaFileRequestSchema, result: resultOf<CaFileChoice>() },
  'secrets:get-policy': { request: z.undefined(), result: resultOf<SecretsPolicy>() },
  'secrets:set-policy': { request: SecretsPolicyRequestSchema, result: resultOf<SecretsPolicy>() },
  'sessions:list': { request: SessionListRequestSchema, result: resultOf<SessionInfo[]>() },
  /** The past session as a read-only feed (its entries stream in as frames). */
  'sessions:open': { request: SessionRefRequestSchema, result: resultOf<FeedSummary>() },
  'sessions:delete': { request: SessionRefRequestSchema, result: resultOf<{ deleted: boolean }>() },
  /** The replay's URL and the endpoint added for it. */
  'sessions:replay': {
    request: SessionReplayRequestSchema,
    result: resultOf<{ url: string; workspaceId: string; endpointId: string }>(),
  },
  'export:start': { request: ExportStartRequestSchema, result: resultOf<ExportResult>() },
  'export:cancel': { request: ExportIdRequestSchema, result: resultOf<{ cancelled: boolean }>() },
  'settings:get': { request: z.undefined(), result: resultOf<UserSettings>() },
  'settings:set': { request: SettingsSetRequestSchema, result: resultOf<UserSettings>() },
  'app:reveal-data-dir': { request: z.undefined(), result: resultOf<RevealOutcome>() },
} satisfies { [K in CommandChannel]: CommandDeclaration };

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
