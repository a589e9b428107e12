import { z } from 'zod';
import type { CommandChannel } from './channels';
import type { FeedSummary } from './feeds';
import { FeedIdRequestSchema, FeedOpenRequestSchema, FeedResumeRequestSchema } from './feeds';
import type { Workspace } from '../model/workspace';
import type {
  ExportOutcome,
  ImportOutcome,
  SecretsPolicy,
  WorkspaceDetails,
  WorkspaceListItem,
} from './workspaces';
import {
  EndpointRefRequestSchema,
  EndpointSaveRequestSchema,
  SecretsPolicyRequestSchema,
  WorkspaceCreateRequestSchema,
  WorkspaceExportRequestSchema,
  WorkspaceIdRequestSchema,
  WorkspaceImportRequestSchema,
  WorkspaceSaveRequestSchema,
} from './workspaces';

/**
 * Commands: renderer → Node side, request/response (DESIGN.md §2, lane 1).
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
  'secrets:get-policy': z.undefined(),
  'secrets:set-policy': SecretsPolicyRequestSchema,
} as const satisfies Record<CommandChannel, z.ZodType>;

/** Result types, one per channel. */
export interface CommandResults {
  'app:info': AppInfo;
  'app:ping': { message: string; receivedAt: string };
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
  'secrets:get-policy': SecretsPolicy;
  'secrets:set-policy': SecretsPolicy;
}

/** What the renderer passes (schema input: defaults may be left out). */
export type CommandRequest<K extends CommandChannel> = z.input<(typeof commandSchemas)[K]>;
/** What a handler receives (schema output: defaults filled in). */
export type ValidatedRequest<K extends CommandChannel> = z.output<(typeof commandSchemas)[K]>;
export type CommandResult<K extends CommandChannel> = CommandResults[K];
