import { describeIssues, issuePaths } from '../../../shared/validation';
import { importFailure, type ImportFailure } from '../import/import-result';
import { z } from 'zod';
import type { Workspace } from '../../../shared/model/workspace';
import { isSecretHeader } from '../../../shared/model/headers';
import { WorkspaceSchema } from '../../../shared/model/workspace';

/** A workspace exported to share or back up — distinct from the store's own files. */
export const EXPORT_FORMAT = 'eventscope-workspace-export';
export const EXPORT_SCHEMA_VERSION = 1;

const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  secretsIncluded: z.boolean(),
  workspace: z.unknown(),
});

/**
 * The export text. Unless `includeSecrets`, every secret value (secret variables, secret or
 * credential headers) is emptied and marked to be re-entered after import — the file is safe to
 * share. Proxy URLs lose their credentials the same way.
 */
export function exportWorkspace(
  workspace: Workspace,
  includeSecrets: boolean,
  now = new Date(),
): string {
  const scrubbed: Workspace = includeSecrets
    ? workspace
    : {
        ...workspace,
        variables: workspace.variables.map((v) =>
          v.secret ? { ...v, value: '', reenter: 'not-saved' } : v,
        ),
        environments: workspace.environments.map((environment) => ({
          ...environment,
          variables: environment.variables.map((v) =>
            v.secret ? { ...v, value: '', reenter: 'not-saved' } : v,
          ),
        })),
        endpoints: workspace.endpoints.map((endpoint) => ({
          ...endpoint,
          headers: endpoint.headers.map((h) =>
            isSecretHeader(h) ? { ...h, value: '', reenter: 'not-saved' } : h,
          ),
          proxy: { ...endpoint.proxy, url: stripCredentials(endpoint.proxy.url) },
        })),
      };
  const file = {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    secretsIncluded: includeSecrets,
    workspace: scrubbed,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function stripCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

export type ParsedExport = { ok: true; workspace: Workspace } | ImportFailure;

/** True when the text looks like one of our export files (cheap check before full parsing). */
export function looksLikeExport(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === EXPORT_FORMAT
  );
}

export function parseExport(value: unknown): ParsedExport {
  const file = ExportFileSchema.safeParse(value);
  if (!file.success) {
    return importFailure(
      'import-export-invalid',
      `Not an Eventscope export: ${describeIssues(file.error)}`,
      { paths: issuePaths(file.error) },
    );
  }
  if (file.data.schemaVersion > EXPORT_SCHEMA_VERSION) {
    return importFailure(
      'import-export-newer',
      `This export was made by a newer Eventscope (format version ${file.data.schemaVersion}); update Eventscope to import it.`,
      { version: file.data.schemaVersion },
    );
  }
  const workspace = WorkspaceSchema.safeParse(file.data.workspace);
  if (!workspace.success) {
    return importFailure(
      'import-export-workspace-invalid',
      `The exported workspace is invalid: ${describeIssues(workspace.error)}`,
      { paths: issuePaths(workspace.error) },
    );
  }
  return { ok: true, workspace: workspace.data };
}
