import { z } from 'zod';
import { EXPORT_FORMAT_NAMES } from './export-formats';

/** Schemas of the sessions, export and replay commands (docs/sessions.md). */

/** `<workspace folder>/<endpoint folder>/<session name>`, as the session list gives it. */
export const SessionIdSchema = z
  .string()
  .min(1)
  .max(600)
  .refine(
    (id) => id.split('/').length === 3 && !id.split('/').some((p) => p === '' || p === '..'),
    {
      message: 'not a session id',
    },
  );

export const SessionListRequestSchema = z
  .object({
    /** Workspace and endpoint names as the feed was opened with; both or neither. */
    workspace: z.string().max(200).optional(),
    endpoint: z.string().max(200).optional(),
  })
  .strict()
  .optional();

export const SessionRefRequestSchema = z.object({ id: SessionIdSchema }).strict();

export const SessionReplayRequestSchema = z
  .object({
    id: SessionIdSchema,
    /** The workspace that gets the new endpoint. */
    workspaceId: z.string().min(1).max(100),
    speed: z.enum(['1', '2', '10', 'max']).default('1'),
  })
  .strict();

export const SessionEndingSchema = z.enum(['closed', 'failed', 'running', 'interrupted']);

export const SessionInfoSchema = z.object({
  id: z.string(),
  workspace: z.string(),
  endpoint: z.string(),
  name: z.string(),
  method: z.string(),
  url: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  /** null when the session did not end normally (the count needs the whole log read). */
  events: z.number().nullable(),
  sizeBytes: z.number(),
  ending: SessionEndingSchema,
  /** Its oldest segments were removed by log retention. */
  trimmed: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export { EXPORT_FORMAT_NAMES, type ExportFormatName } from './export-formats';

export const ExportScopeSchema = z.discriminatedUnion('type', [
  /** What a live (or read-only) feed's view shows: its whole log through the view's filter. */
  z
    .object({
      type: z.literal('view'),
      feedId: z.string().min(1).max(100),
      filterText: z.string().max(10_000).default(''),
    })
    .strict(),
  /** Selected rows of a feed, by seq. */
  z
    .object({
      type: z.literal('selection'),
      feedId: z.string().min(1).max(100),
      seqs: z.array(z.number().int().min(1)).min(1).max(1_000_000),
    })
    .strict(),
  /** The whole session of a feed, from its log. */
  z.object({ type: z.literal('feed-session'), feedId: z.string().min(1).max(100) }).strict(),
  /** A past session. */
  z.object({ type: z.literal('session'), id: SessionIdSchema }).strict(),
  /** Every recorded session of one endpoint, oldest first. */
  z
    .object({
      type: z.literal('endpoint'),
      workspace: z.string().min(1).max(200),
      endpoint: z.string().min(1).max(200),
    })
    .strict(),
]);
export type ExportScope = z.input<typeof ExportScopeSchema>;

export const ExportStartRequestSchema = z
  .object({
    /** Chosen by the page, so it can cancel and match progress notifications. */
    exportId: z.string().min(1).max(100),
    scope: ExportScopeSchema,
    format: z.enum(EXPORT_FORMAT_NAMES),
    includeTimeline: z.boolean().default(false),
    csvBom: z.boolean().default(false),
  })
  .strict();
export type ExportStartRequest = z.input<typeof ExportStartRequestSchema>;

export const ExportIdRequestSchema = z.object({ exportId: z.string().min(1).max(100) }).strict();

/** How an export ended: saved by the Node side, ready as a one-shot download, or cancelled. */
export type ExportResult =
  | { type: 'saved'; path: string; records: number; trimmed: boolean }
  | { type: 'download'; url: string; fileName: string; records: number; trimmed: boolean }
  | { type: 'cancelled' };

export const ExportProgressSchema = z.object({
  exportId: z.string(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  records: z.number(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;
