import type { ImportNote, ImportNoteParams } from '../../../shared/import-notes';
import type { ErrorReason } from '../../../shared/result';
import { describeIssues, issuePaths } from '../../../shared/validation';
import type { Endpoint, IdGenerator, Variable } from '../../../shared/model/workspace';
import { EndpointSchema, VariableSchema } from '../../../shared/model/workspace';

/**
 * What every importer returns. Warnings name whatever was skipped or approximated,
 * so nothing is dropped silently; they never contain header, cookie or body values.
 */
export type ImportResult =
  | { ok: true; endpoints: Endpoint[]; variables?: Variable[]; warnings: ImportNote[] }
  | ImportFailure;

/**
 * Why an import was refused: a reason the page words (shared/result.ts) with its params, and
 * the English `message` for the CLI and logs.
 */
export interface ImportFailure {
  ok: false;
  message: string;
  reason: ErrorReason;
  params: ImportNoteParams;
}

export function importFailure(
  reason: ErrorReason,
  message: string,
  params: ImportNoteParams = {},
): ImportFailure {
  return { ok: false, message, reason, params };
}

export interface ImportOptions {
  /** Ids for the new endpoints; the workspace's own generator by default. Tests pass a counter. */
  newId?: IdGenerator;
}

/** Most endpoints one import may add: the workspace schema's own limit. */
export const MAX_IMPORTED_ENDPOINTS = 1_000;

/**
 * Checks the result against the workspace schema before handing it over, so a hostile or
 * oversized file fails here with a message rather than later when the workspace is saved.
 */
export function finishImport(
  endpoints: Endpoint[],
  variables: Variable[] | undefined,
  warnings: readonly ImportNote[],
): ImportResult {
  for (const endpoint of endpoints) {
    const checked = EndpointSchema.safeParse(endpoint);
    if (!checked.success) {
      return importFailure(
        'import-request-invalid',
        `the imported request "${endpoint.name}" is not valid: ${describeIssues(checked.error)}`,
        { name: endpoint.name, paths: issuePaths(checked.error) },
      );
    }
  }
  for (const variable of variables ?? []) {
    const checked = VariableSchema.safeParse(variable);
    if (!checked.success) {
      return importFailure(
        'import-variable-invalid',
        `the imported variable "${variable.name}" is not valid: ${describeIssues(checked.error)}`,
        { name: variable.name, paths: issuePaths(checked.error) },
      );
    }
  }
  // The same note twice (one per URL, say) is said once.
  const seen = new Set<string>();
  const unique = warnings.filter((w) => !seen.has(w.message) && seen.add(w.message));
  return variables === undefined
    ? { ok: true, endpoints, warnings: unique }
    : { ok: true, endpoints, variables, warnings: unique };
}
