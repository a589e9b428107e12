import { join } from 'node:path';

/**
 * Where workspace data lives under the data directory (documented in the README):
 *
 *   workspaces/                    0700
 *     index.json                   names and order, rebuilt from the files when lost
 *     <id>.json                    one workspace, mode 0600
 *     <id>.corrupt-<time>.json     a damaged file, set aside (never deleted by us)
 *     backups/<id>.<time>.json     earlier good versions, newest restored on damage
 */

export const WORKSPACES_DIR = 'workspaces';
export const BACKUPS_DIR = 'backups';
export const INDEX_FILE = 'index.json';

export interface StorePaths {
  dir: string;
  backupsDir: string;
  index: string;
  workspace(id: string): string;
}

export function storePaths(dataDir: string): StorePaths {
  const dir = join(dataDir, WORKSPACES_DIR);
  return {
    dir,
    backupsDir: join(dir, BACKUPS_DIR),
    index: join(dir, INDEX_FILE),
    workspace: (id) => join(dir, `${id}.json`),
  };
}

/** A file-name-safe, sortable UTC stamp: 2026-11-25T14-50-00-123Z. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/** `<name>.json.<digits>`: a temp file write-file-atomic left behind when its process died. */
export const STALE_TEMP_FILE = /^.+\.json\.\d+$/;
/** `<id>.json`, but not index.json or a corrupt copy. */
export const WORKSPACE_FILE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.json$/;
