import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Session logs kept in all, by default; the oldest sessions go first (docs/sessions.md). */
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024 * 1024;

interface LogFile {
  path: string;
  size: number;
  mtimeMs: number;
}

async function listLogs(dir: string): Promise<LogFile[]> {
  const found: LogFile[] = [];
  let names;
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of names) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listLogs(path)));
    else if (entry.isFile() && entry.name.endsWith('.ndjson')) {
      const info = await stat(path).catch(() => null);
      if (info) found.push({ path, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return found;
}

/**
 * Deletes the oldest session logs until all of them fit in `maxBytes`. Logs still being written
 * (`inUse`) are never deleted, even if that leaves the total above the limit.
 * Returns the deleted paths.
 */
export async function enforceLogRetention(
  logsDir: string,
  maxBytes: number,
  inUse: Pick<ReadonlySet<string>, 'has'> = new Set(),
): Promise<string[]> {
  const logs = await listLogs(logsDir);
  let total = logs.reduce((sum, log) => sum + log.size, 0);
  const deleted: string[] = [];
  for (const log of logs.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    if (total <= maxBytes) break;
    if (inUse.has(log.path)) continue;
    try {
      await unlink(log.path);
      total -= log.size;
      deleted.push(log.path);
    } catch {
      // Already gone or locked: it no longer counts against us, or we try again next time.
    }
  }
  return deleted;
}
