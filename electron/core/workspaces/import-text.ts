import type { Workspace } from '../../../shared/model/workspace';
import { createWorkspace } from '../../../shared/model/workspace';
import { importCurl, looksLikeCurl } from '../import/curl';
import type { ImportResult as RequestsImport } from '../import/import-result';
import type { EnvironmentImport } from '../import/postman-environment';
import { importPostmanJson, looksLikePostman } from '../import/postman';
import {
  importPostmanEnvironment,
  looksLikePostmanEnvironment,
} from '../import/postman-environment';
import { looksLikeExport, parseExport } from './export-format';

export type ImportResult =
  { ok: true; workspace: Workspace; warnings: string[] } | { ok: false; message: string };

/**
 * Adds imported requests to `target`: endpoints are appended, variables the workspace already
 * has are kept as they are (said in a warning, never overwritten unasked).
 */
function addRequests(
  target: Workspace,
  imported: Extract<RequestsImport, { ok: true }>,
): ImportResult {
  const warnings = [...imported.warnings];
  const existing = new Set(target.variables.map((v) => v.name));
  const added = (imported.variables ?? []).filter((v) => {
    if (!existing.has(v.name)) return true;
    warnings.push(`The workspace already has a variable "${v.name}"; it was kept as it is.`);
    return false;
  });
  return {
    ok: true,
    workspace: {
      ...target,
      endpoints: [...target.endpoints, ...imported.endpoints],
      variables: [...target.variables, ...added],
    },
    warnings,
  };
}

/**
 * Adds an imported environment; a name the workspace already uses gets "(imported)" appended,
 * and it becomes the active one when none was.
 */
function addEnvironment(
  target: Workspace,
  imported: Extract<EnvironmentImport, { ok: true }>,
): ImportResult {
  const warnings = [...imported.warnings];
  let environment = imported.environment;
  if (target.environments.some((e) => e.name === environment.name)) {
    environment = { ...environment, name: `${environment.name} (imported)` };
    warnings.push(
      `The workspace already has an environment with that name; this one is "${environment.name}".`,
    );
  }
  return {
    ok: true,
    workspace: {
      ...target,
      environments: [...target.environments, environment],
      activeEnvironmentId: target.activeEnvironmentId ?? environment.id,
    },
    warnings,
  };
}

function collectionName(json: unknown): string {
  const name = (json as { info?: { name?: unknown } }).info?.name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : 'Postman collection';
}

/**
 * Recognises what the user gave us: an Eventscope export becomes a workspace; a
 * Postman collection or a curl command line adds endpoints to `into`, or to a new workspace.
 */
export function importText(text: string, into: Workspace | null): ImportResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'The file is empty.' };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    json = undefined;
  }
  if (json !== undefined) {
    if (looksLikeExport(json)) {
      const parsed = parseExport(json);
      return parsed.ok ? { ok: true, workspace: parsed.workspace, warnings: [] } : parsed;
    }
    if (looksLikePostmanEnvironment(json)) {
      const imported = importPostmanEnvironment(json);
      if (!imported.ok) return imported;
      return addEnvironment(into ?? createWorkspace(imported.environment.name), imported);
    }
    if (looksLikePostman(json)) {
      const imported = importPostmanJson(json);
      if (!imported.ok) return imported;
      return addRequests(into ?? createWorkspace(collectionName(json)), imported);
    }
    return {
      ok: false,
      message:
        'This JSON file is neither an Eventscope workspace export, a Postman v2.1 collection nor a Postman environment.',
    };
  }
  if (looksLikeCurl(trimmed)) {
    const imported = importCurl(trimmed);
    if (!imported.ok) return imported;
    return addRequests(into ?? createWorkspace('Imported from curl'), imported);
  }
  return {
    ok: false,
    message:
      'Unrecognised input: expected an Eventscope workspace export, a Postman v2.1 collection (JSON) or a curl command line.',
  };
}
