import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurable, errorCode } from './durable-write';
import { fileStamp, type StorePaths } from './paths';

/**
 * Earlier good versions of each workspace, for restoring a damaged file (README.md beside this file). Names
 * sort by time: `<id>.<stamp>.json`. Ids contain no dot, so `<id>.` never matches another id.
 */

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

export async function listBackups(paths: StorePaths, id: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(paths.backupsDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const prefix = `${id}.`;
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.json'))
    .filter((n) => STAMP.test(n.slice(prefix.length, -'.json'.length)))
    .sort()
    .reverse()
    .map((n) => join(paths.backupsDir, n));
}

/** Writes a backup and returns its path. A taken name moves the stamp on by a millisecond. */
export async function writeBackup(
  paths: StorePaths,
  id: string,
  text: string,
  nowMs: number,
): Promise<string> {
  let at = nowMs;
  for (;;) {
    const file = join(paths.backupsDir, `${id}.${fileStamp(at)}.json`);
    if (!(await exists(file))) {
      await writeFileDurable(file, text);
      return file;
    }
    at += 1;
  }
}

/** Keeps the newest `keep` backups of `id`. */
export async function pruneBackups(paths: StorePaths, id: string, keep: number): Promise<void> {
  const backups = await listBackups(paths, id);
  for (const file of backups.slice(keep)) await rm(file, { force: true });
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}
