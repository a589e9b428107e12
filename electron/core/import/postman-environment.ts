import { z } from 'zod';
import { isSecretHeaderName } from '../../../shared/model/headers';
import type { Environment, IdGenerator, Variable } from '../../../shared/model/workspace';
import { randomId, VARIABLE_NAME_PATTERN } from '../../../shared/model/workspace';
import { describeIssues } from '../../../shared/validation';

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
  { ok: true; environment: Environment; warnings: string[] } | { ok: false; message: string };

export function importPostmanEnvironment(
  json: unknown,
  newId: IdGenerator = randomId,
): EnvironmentImport {
  const parsed = PostmanEnvironmentSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      message: `The Postman environment could not be read (${describeIssues(parsed.error)}).`,
    };
  }
  const warnings: string[] = [];
  const variables = new Map<string, Variable>();
  for (const entry of parsed.data.values) {
    const name = entry.key.trim();
    if (entry.enabled === false) {
      warnings.push(`"${name}" is disabled in Postman and was not imported.`);
      continue;
    }
    if (!VARIABLE_NAME_PATTERN.test(name)) {
      warnings.push(
        `"${name}" cannot be a variable name here ({{name}} uses letters, digits, _ . -).`,
      );
      continue;
    }
    if (variables.has(name)) {
      warnings.push(`"${name}" appears twice; the first value was kept.`);
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
