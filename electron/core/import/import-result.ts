import { describeIssues } from '../../../shared/validation';
import type { Endpoint, IdGenerator, Variable } from '../../../shared/model/workspace';
import { EndpointSchema, VariableSchema } from '../../../shared/model/workspace';

/**
 * What every importer returns. Warnings name whatever was skipped or approximated,
 * so nothing is dropped silently; they never contain header, cookie or body values.
 */
export type ImportResult =
  | { ok: true; endpoints: Endpoint[]; variables?: Variable[]; warnings: string[] }
  | { ok: false; message: string };

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
  warnings: readonly string[],
): ImportResult {
  for (const endpoint of endpoints) {
    const checked = EndpointSchema.safeParse(endpoint);
    if (!checked.success) {
      return {
        ok: false,
        message: `the imported request "${endpoint.name}" is not valid: ${describeIssues(checked.error)}`,
      };
    }
  }
  for (const variable of variables ?? []) {
    const checked = VariableSchema.safeParse(variable);
    if (!checked.success) {
      return {
        ok: false,
        message: `the imported variable "${variable.name}" is not valid: ${describeIssues(checked.error)}`,
      };
    }
  }
  const unique = [...new Set(warnings)];
  return variables === undefined
    ? { ok: true, endpoints, warnings: unique }
    : { ok: true, endpoints, variables, warnings: unique };
}
