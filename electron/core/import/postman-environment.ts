import { importNote, type ImportNote } from '../../../shared/import-notes';
import { importFailure, type ImportFailure } from './import-result';
import { z } from 'zod';
import { isSecretHeaderName } from '../../../shared/model/headers';
import type { Environment, IdGenerator, Variable } from '../../../shared/model/workspace';
import { randomId, VARIABLE_NAME_PATTERN } from '../../../shared/model/workspace';
import { describeIssues, issuePaths } from '../../../shared/validation';

/**
 * A Postman environment export (`<name>.postman_environment.json`): a named list of
 * `{ key, value, type, enabled }`. It becomes an Eventscope environment; `type: "secret"` (and
 * names that look like credentials) become secret variables, sealed like every other secret.
 */

const PostmanEnvironmentSchema = z.object({
  name: z.string().optional(),
  values: z.array(
    z.object({
      key: z.string(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
      type: z.string().optional(),
      enabled: z.boolean().optional(),
    }),
  ),
  _postman_variable_scope: z.literal('environment'),
});

export function looksLikePostmanEnvironment(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as Record<string, unknown>)['_postman_variable_scope'] === 'environment'
  );
}

export type EnvironmentImport =
  { ok: true; environment: Environment; warnings: ImportNote[] } | ImportFailure;

export function importPostmanEnvironment(
  json: unknown,
  newId: IdGenerator = randomId,
): EnvironmentImport {
  const parsed = PostmanEnvironmentSchema.safeParse(json);
  if (!parsed.success) {
    return importFailure(
      'import-postman-environment-invalid',
      `The Postman environment could not be read (${describeIssues(parsed.error)}).`,
      { paths: issuePaths(parsed.error) },
    );
  }
  const warnings: ImportNote[] = [];
  const variables = new Map<string, Variable>();
  for (const entry of parsed.data.values) {
    const name = entry.key.trim();
    if (entry.enabled === false) {
      warnings.push(
        importNote(
          'environment-variable-disabled',
          `"${name}" is disabled in Postman and was not imported.`,
          { name },
        ),
      );
      continue;
    }
    if (!VARIABLE_NAME_PATTERN.test(name)) {
      warnings.push(
        importNote(
          'environment-variable-bad-name',
          `"${name}" cannot be a variable name here ({{name}} uses letters, digits, _ . -).`,
          { name },
        ),
      );
      continue;
    }
    if (variables.has(name)) {
      warnings.push(
        importNote(
          'environment-variable-twice',
          `"${name}" appears twice; the first value was kept.`,
          {
            name,
          },
        ),
      );
      continue;
    }
    const value = entry.value === null || entry.value === undefined ? '' : String(entry.value);
    variables.set(name, {
      name,
      value,
      secret: entry.type === 'secret' || isSecretHeaderName(name),
    });
  }
  const name = parsed.data.name?.trim().slice(0, 200) || 'Postman environment';
  return {
    ok: true,
    environment: { id: newId(), name, variables: [...variables.values()] },
    warnings,
  };
}
