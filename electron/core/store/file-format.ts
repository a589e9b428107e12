import { describeIssues } from '../../../shared/validation';
import { z } from 'zod';
import {
  EndpointSchema,
  HeaderSchema,
  ProxySettingsSchema,
  VariableSchema,
  WorkspaceSchema,
} from '../../../shared/model/workspace';

/**
 * The workspace file on disk (electron/core/store/README.md): `{ format, schemaVersion, workspace }`, where the
 * workspace is the model with every secret value replaced by a sealed one. Documented for users
 * in the README ("Where data lives").
 */

export const WORKSPACE_FORMAT = 'eventscope-workspace';
export const INDEX_FORMAT = 'eventscope-workspace-index';
/** Bump together with a new entry in MIGRATIONS (migrations.ts) and its fixture. */
export const CURRENT_SCHEMA_VERSION = 3;
export const INDEX_SCHEMA_VERSION = 1;

/** A secret as written: the Cipher's output, never the plaintext. */
export const SealedValueSchema = z.object({
  type: z.literal('sealed'),
  /** The Cipher's protection when sealed; 'none' only with the user's consent. */
  protection: z.enum(['os', 'none']),
  data: z.string(),
});
/** A secret that lived in memory for a session only: nothing of it was written. */
export const NotSavedValueSchema = z.object({ type: z.literal('not-saved') });
export const StoredValueSchema = z.union([z.string(), SealedValueSchema, NotSavedValueSchema]);
export type SealedValue = z.infer<typeof SealedValueSchema>;
export type StoredValue = z.infer<typeof StoredValueSchema>;

export const StoredHeaderSchema = z.object({
  name: HeaderSchema.shape.name,
  value: StoredValueSchema,
  enabled: HeaderSchema.shape.enabled,
  secret: HeaderSchema.shape.secret,
});
export const StoredVariableSchema = z.object({
  name: VariableSchema.shape.name,
  value: StoredValueSchema,
  secret: VariableSchema.shape.secret,
});
export const StoredEndpointSchema = z.object({
  ...EndpointSchema.shape,
  headers: z.array(StoredHeaderSchema),
  proxy: z.object({ mode: ProxySettingsSchema.shape.mode, url: StoredValueSchema }),
});
export const StoredEnvironmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  variables: z.array(StoredVariableSchema),
});
export const StoredWorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  endpoints: z.array(StoredEndpointSchema),
  variables: z.array(StoredVariableSchema),
  environments: z.array(StoredEnvironmentSchema),
  activeEnvironmentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredHeader = z.infer<typeof StoredHeaderSchema>;
export type StoredVariable = z.infer<typeof StoredVariableSchema>;
export type StoredEndpoint = z.infer<typeof StoredEndpointSchema>;
export type StoredWorkspace = z.infer<typeof StoredWorkspaceSchema>;

export interface WorkspaceFile {
  format: typeof WORKSPACE_FORMAT;
  schemaVersion: number;
  workspace: StoredWorkspace;
}

export const IndexEntrySchema = z.object({
  id: WorkspaceSchema.shape.id,
  name: z.string(),
  updatedAt: z.string(),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;
export const IndexFileSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  schemaVersion: z.number().int().min(1),
  /** In the user's order. A cache of the files' names: rebuilt from them when lost. */
  workspaces: z.array(IndexEntrySchema),
});
export type IndexFile = z.infer<typeof IndexFileSchema>;

/** What a file's bytes turned out to be, before any migration. */
export type Classified =
  | { type: 'current'; workspace: StoredWorkspace }
  /** An older schemaVersion: migrate (after a backup), then validate. */
  | { type: 'older'; schemaVersion: number; raw: unknown }
  /** From a newer Eventscope: read-only, never overwritten, never "repaired". */
  | { type: 'newer'; schemaVersion: number; workspace: StoredWorkspace | null }
  | { type: 'corrupt'; reason: string };

const EnvelopeSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  schemaVersion: z.number().int().min(1),
  workspace: z.unknown(),
});

/**
 * Reasons never quote the file's content: V8's JSON.parse messages include a slice of the
 * text, which could hold a plaintext secret from a hand-edited file (docs/architecture.md, "Persistence and secrets").
 */
export function classifyWorkspaceText(
  text: string,
  currentVersion: number = CURRENT_SCHEMA_VERSION,
): Classified {
  if (text.trim() === '') return { type: 'corrupt', reason: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: 'corrupt', reason: 'the file is not valid JSON (truncated or damaged)' };
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return {
      type: 'corrupt',
      reason: `not an Eventscope workspace file (${describeIssues(envelope.error)})`,
    };
  }
  const { schemaVersion, workspace } = envelope.data;
  if (schemaVersion > currentVersion) {
    // Unknown fields are stripped: what we understand of it can still be shown, read-only.
    const readable = StoredWorkspaceSchema.safeParse(workspace);
    return { type: 'newer', schemaVersion, workspace: readable.success ? readable.data : null };
  }
  if (schemaVersion < currentVersion) return { type: 'older', schemaVersion, raw: workspace };
  return validateStored(workspace);
}

export function validateStored(raw: unknown): Classified {
  const stored = StoredWorkspaceSchema.safeParse(raw);
  if (!stored.success) {
    return { type: 'corrupt', reason: `schema check failed: ${describeIssues(stored.error)}` };
  }
  return { type: 'current', workspace: stored.data };
}

export function serializeWorkspaceFile(
  workspace: StoredWorkspace,
  schemaVersion: number = CURRENT_SCHEMA_VERSION,
): string {
  const file: WorkspaceFile = {
    format: WORKSPACE_FORMAT,
    schemaVersion,
    workspace,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function serializeIndexFile(entries: readonly IndexEntry[]): string {
  const file: IndexFile = {
    format: INDEX_FORMAT,
    schemaVersion: INDEX_SCHEMA_VERSION,
    workspaces: [...entries],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
