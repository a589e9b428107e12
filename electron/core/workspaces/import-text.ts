import type { Workspace } from '../../../shared/model/workspace';
import { createWorkspace } from '../../../shared/model/workspace';
import { importCurl, looksLikeCurl } from '../import/curl';
import type { ImportResult as RequestsImport } from '../import/import-result';
import { importPostmanJson, looksLikePostman } from '../import/postman';
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

function collectionName(json: unknown): string {
  const name = (json as { info?: { name?: unknown } }).info?.name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : 'Postman collection';
}

/**
 * Recognises what the user gave us (issue #5 §4): an Eventscope export becomes a workspace; a
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
    if (looksLikePostman(json)) {
      const imported = importPostmanJson(json);
      if (!imported.ok) return imported;
      return addRequests(into ?? createWorkspace(collectionName(json)), imported);
    }
    return {
      ok: false,
      message:
        'This JSON file is neither an Eventscope workspace export nor a Postman v2.1 collection.',
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
