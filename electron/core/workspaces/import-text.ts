import type { Workspace } from '../../../shared/model/workspace';
import { createWorkspace } from '../../../shared/model/workspace';
import { importCurl, looksLikeCurl } from '../import/curl';
import {
  importFailure,
  type ImportFailure,
  type ImportResult as RequestsImport,
} from '../import/import-result';
import { importNote, type ImportNote } from '../../../shared/import-notes';
import { jsonErrorPosition } from '../../../shared/json-position';
import type { EnvironmentImport } from '../import/postman-environment';
import { importPostmanJson, looksLikePostman } from '../import/postman';
import {
  importPostmanEnvironment,
  looksLikePostmanEnvironment,
} from '../import/postman-environment';
import { looksLikeExport, parseExport } from './export-format';

/** Names an import gives, in the page's language; English when the caller gives none. */
export interface ImportNames {
  /** A new workspace from a curl command, which names none. */
  name?: string | undefined;
  /** Appended to a name the import would repeat. */
  copySuffix?: string | undefined;
}

export const DEFAULT_COPY_SUFFIX = '(imported)';

export type ImportResult =
  { ok: true; workspace: Workspace; warnings: ImportNote[] } | ImportFailure;

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
    warnings.push(
      importNote(
        'variable-kept',
        `The workspace already has a variable "${v.name}"; it was kept as it is.`,
        { name: v.name },
      ),
    );
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
 * Adds an imported environment; a name the workspace already uses gets `copySuffix` appended,
 * and it becomes the active one when none was.
 */
function addEnvironment(
  target: Workspace,
  imported: Extract<EnvironmentImport, { ok: true }>,
  copySuffix: string,
): ImportResult {
  const warnings = [...imported.warnings];
  let environment = imported.environment;
  if (target.environments.some((e) => e.name === environment.name)) {
    environment = { ...environment, name: `${environment.name} ${copySuffix}` };
    warnings.push(
      importNote(
        'environment-renamed',
        `The workspace already has an environment with that name; this one is "${environment.name}".`,
        { name: environment.name },
      ),
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
export function importText(
  text: string,
  into: Workspace | null,
  names: ImportNames = {},
): ImportResult {
  const { name: newName = 'Imported from curl', copySuffix = DEFAULT_COPY_SUFFIX } = names;
  const trimmed = text.trim();
  if (trimmed === '') return importFailure('import-empty', 'The file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    json = undefined;
    // Text that opens like JSON was meant as JSON: say where it breaks, not "unrecognised".
    // Only the place is named: V8's message may quote the file, which may hold tokens.
    const at = /^[[{]/.test(trimmed) ? jsonErrorPosition(trimmed, String(error)) : null;
    if (at !== null) {
      return importFailure(
        'import-json-invalid',
        `The file is not valid JSON (line ${at.line}, column ${at.column}).`,
        at,
      );
    }
  }
  if (json !== undefined) {
    if (looksLikeExport(json)) {
      const parsed = parseExport(json);
      return parsed.ok ? { ok: true, workspace: parsed.workspace, warnings: [] } : parsed;
    }
    if (looksLikePostmanEnvironment(json)) {
      const imported = importPostmanEnvironment(json);
      if (!imported.ok) return imported;
      return addEnvironment(
        into ?? createWorkspace(imported.environment.name),
        imported,
        copySuffix,
      );
    }
    if (looksLikePostman(json)) {
      const imported = importPostmanJson(json);
      if (!imported.ok) return imported;
      return addRequests(into ?? createWorkspace(collectionName(json)), imported);
    }
    return importFailure(
      'import-json-unrecognised',
      'This JSON file is neither an Eventscope workspace export, a Postman v2.1 collection nor a Postman environment.',
    );
  }
  if (looksLikeCurl(trimmed)) {
    const imported = importCurl(trimmed);
    if (!imported.ok) return imported;
    return addRequests(into ?? createWorkspace(newName), imported);
  }
  return importFailure(
    'import-unrecognised',
    'Unrecognised input: expected an Eventscope workspace export, a Postman v2.1 collection (JSON) or a curl command line.',
  );
}
