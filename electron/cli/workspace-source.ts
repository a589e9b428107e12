import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Endpoint, Workspace } from '../../shared/model/workspace';
import type { Cipher } from '../core/store';
import { readWorkspaceFile, WORKSPACES_DIR } from '../core/store';
import { looksLikeExport, parseExport } from '../core/workspaces/export-format';
import { openKeyFileCipher } from '../core/workspaces/key-file-cipher';
import { UsageError } from './watch-config';

export interface SourcedWorkspace {
  workspace: Workspace;
  /** Where it was read from, for messages. */
  source: string;
  readOnly: boolean;
}

async function readOne(path: string, cipher: Cipher): Promise<SourcedWorkspace> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not JSON: not an Eventscope workspace file or export`);
  }
  if (looksLikeExport(json)) {
    const parsed = parseExport(json);
    if (!parsed.ok) throw new UsageError(`${path}: ${parsed.message}`);
    return { workspace: parsed.workspace, source: path, readOnly: false };
  }
  const read = await readWorkspaceFile(path, cipher);
  if (read.type === 'unreadable') throw new UsageError(`${path} cannot be read: ${read.reason}`);
  return { workspace: read.workspace, source: path, readOnly: read.readOnly };
}

/** Every workspace saved in the data directory (the app's and web mode's). */
export async function listSavedWorkspaces(dataDir: string): Promise<SourcedWorkspace[]> {
  const dir = join(dataDir, WORKSPACES_DIR);
  if (!existsSync(dir)) return [];
  const cipher = await openKeyFileCipher(dataDir);
  const found: SourcedWorkspace[] = [];
  for (const name of (await readdir(dir)).filter((n) => /^[^.].*\.json$/.test(n)).sort()) {
    try {
      found.push(await readOne(join(dir, name), cipher));
    } catch {
      // A damaged file is the store's to recover when the app opens it; the CLI just skips it.
    }
  }
  return found;
}

/**
 * `--workspace REF`: a workspace file or export on disk, or the name or id of a workspace saved
 * in the data directory.
 */
export async function findWorkspace(ref: string, dataDir: string): Promise<SourcedWorkspace> {
  if (existsSync(ref)) return readOne(ref, await openKeyFileCipher(dataDir));
  const saved = await listSavedWorkspaces(dataDir);
  const match =
    saved.find((s) => s.workspace.id === ref) ??
    saved.find((s) => s.workspace.name.toLowerCase() === ref.toLowerCase());
  if (!match) {
    const names = saved.map((s) => `"${s.workspace.name}"`).join(', ') || 'none';
    throw new UsageError(`no workspace file or saved workspace named "${ref}" (saved: ${names})`);
  }
  return match;
}

export function findEndpoint(workspace: Workspace, ref: string): Endpoint {
  const endpoint =
    workspace.endpoints.find((e) => e.id === ref) ??
    workspace.endpoints.find((e) => e.name.toLowerCase() === ref.toLowerCase());
  if (!endpoint) {
    const names = workspace.endpoints.map((e) => `"${e.name}"`).join(', ') || 'none';
    throw new UsageError(
      `workspace "${workspace.name}" has no endpoint "${ref}" (endpoints: ${names})`,
    );
  }
  return endpoint;
}
