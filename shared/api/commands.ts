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
 * Commands: renderer → Node side, request/response (docs/architecture.md, "The API contract", lane 1).
 * Every channel is `domain:verb` (listed in channels.ts), has a runtime schema for its request
 * here and a typed result. Adding a command = channel + method name, schema, result type, handler.
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

export const commandSchemas = {
  'app:info': z.undefined(),
  'app:ping': z.object({ message: z.string().max(PING_MESSAGE_MAX_CHARS) }).strict(),
  'app:take-notices': z.undefined(),
  'demo:start': z.undefined(),
  'feeds:open': FeedOpenRequestSchema,
  'feeds:close': FeedIdRequestSchema,
  'feeds:reconnect': FeedIdRequestSchema,
  'feeds:list': z.undefined(),
  'feeds:disconnect': FeedIdRequestSchema,
  'feeds:connect': FeedIdRequestSchema,
  'feeds:resume': FeedResumeRequestSchema,
  'feeds:reveal-log': FeedIdRequestSchema,
  'workspaces:list': z.undefined(),
  'workspaces:get': WorkspaceIdRequestSchema,
  'workspaces:create': WorkspaceCreateRequestSchema,
  'workspaces:save': WorkspaceSaveRequestSchema,
  'workspaces:delete': WorkspaceIdRequestSchema,
  'workspaces:duplicate': WorkspaceIdRequestSchema,
  'workspaces:import': WorkspaceImportRequestSchema,
  'workspaces:export': WorkspaceExportRequestSchema,
  'endpoints:save': EndpointSaveRequestSchema,
  'endpoints:delete': EndpointRefRequestSchema,
  'endpoints:open': EndpointRefRequestSchema,
  'endpoints:choose-ca-file': CaFileRequestSchema,
  'secrets:get-policy': z.undefined(),
  'secrets:set-policy': SecretsPolicyRequestSchema,
  'sessions:list': SessionListRequestSchema,
  'sessions:open': SessionRefRequestSchema,
  'sessions:delete': SessionRefRequestSchema,
  'sessions:replay': SessionReplayRequestSchema,
  'export:start': ExportStartRequestSchema,
  'export:cancel': ExportIdRequestSchema,
  'settings:get': z.undefined(),
  'settings:set': SettingsSetRequestSchema,
  'app:reveal-data-dir': z.undefined(),
} as const satisfies Record<CommandChannel, z.ZodType>;

/** Result types, one per channel. */
export interface CommandResults {
  'app:info': AppInfo;
  'app:ping': { message: string; receivedAt: string };
  /**
   * What start-up found (a recovered file, a newer version), handed to each page once: the page
   * pulls them when it is ready, so none are lost to a page that was still loading.
   */
  'app:take-notices': Notice[];
  /** Base URL of the built-in demo server, started on a free loopback port on first use. */
  'demo:start': { url: string };
  'feeds:open': FeedSummary;
  'feeds:close': { closed: boolean };
  'feeds:reconnect': { reconnected: boolean };
  'feeds:list': FeedSummary[];
  'feeds:disconnect': { disconnected: boolean };
  'feeds:connect': { connected: boolean };
  /** The feeds handed back to this page; their recent entries follow as frames. */
  'feeds:resume': FeedSummary[];
  /**
   * The feed's session log shown in the file manager (Electron); where there is none (web
   * mode) `revealed` is false and the page shows `path` to copy.
   */
  'feeds:reveal-log': { revealed: boolean; path: string | null };
  'workspaces:list': WorkspaceListItem[];
  'workspaces:get': WorkspaceDetails;
  'workspaces:create': Workspace;
  'workspaces:save': Workspace;
  'workspaces:delete': { deleted: true };
  'workspaces:duplicate': Workspace;
  'workspaces:import': ImportOutcome;
  'workspaces:export': ExportOutcome;
  'endpoints:save': Workspace;
  'endpoints:delete': Workspace;
  'endpoints:open': FeedSummary;
  'endpoints:choose-ca-file': CaFileChoice;
  'secrets:get-policy': SecretsPolicy;
  'secrets:set-policy': SecretsPolicy;
  'sessions:list': SessionInfo[];
  /** The past session as a read-only feed (its entries stream in as frames). */
  'sessions:open': FeedSummary;
  'sessions:delete': { deleted: boolean };
  /** The replay's URL and the endpoint added for it. */
  'sessions:replay': { url: string; workspaceId: string; endpointId: string };
  'export:start': ExportResult;
  'export:cancel': { cancelled: boolean };
  'settings:get': UserSettings;
  'settings:set': UserSettings;
  'app:reveal-data-dir': RevealOutcome;
}

/** What the renderer passes (schema input: defaults may be left out). */
export type CommandRequest<K extends CommandChannel> = z.input<(typeof commandSchemas)[K]>;
/** What a handler receives (schema output: defaults filled in). */
export type ValidatedRequest<K extends CommandChannel> = z.output<(typeof commandSchemas)[K]>;
export type CommandResult<K extends CommandChannel> = CommandResults[K];
