import { chmod, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Crash-safe file replacement (docs/architecture.md, "Persistence and secrets"). write-file-atomic does temp file + fsync + rename
 * and serializes writes to one path within the process; it does not fsync the directory, so
 * after a power cut the rename itself could be lost. We add that, and the retry for Windows,
 * where antivirus and indexers briefly lock files (EPERM/EBUSY/EACCES on rename).
 */

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
const IS_POSIX = process.platform !== 'win32';

/** About 3 s in all: long enough for a scanner to let go, short enough to report a real fault. */
export const LOCK_RETRY_DELAYS_MS: readonly number[] = [20, 50, 100, 200, 400, 800, 1600];
const LOCK_ERROR_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function isLockError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && LOCK_ERROR_CODES.has(code);
}

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `operation`, retrying after each delay while it fails with a lock error. */
export async function retryOnLock<T>(
  operation: () => Promise<T>,
  delaysMs: readonly number[] = LOCK_RETRY_DELAYS_MS,
  sleep: Sleep = realSleep,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined || !isLockError(error)) throw error;
      await sleep(delay);
    }
  }
}

/** Creates the directory (and parents) and makes it owner-only on POSIX, even if it existed. */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: DIR_MODE });
  if (IS_POSIX) await chmod(path, DIR_MODE);
}

/** fsync a directory so a rename in it survives power loss; POSIX only, best effort. */
export async function syncDir(path: string): Promise<void> {
  if (!IS_POSIX) return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems (and FUSE mounts) cannot fsync a directory; the file itself is synced.
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

export interface DurableWriteOptions {
  retryDelaysMs?: readonly number[];
}

/** Replaces `path` with `data` so that a crash leaves either the old or the new file, whole. */
export async function writeFileDurable(
  path: string,
  data: string,
  options: DurableWriteOptions = {},
): Promise<void> {
  await retryOnLock(
    () => writeFileAtomic(path, data, { mode: FILE_MODE, fsync: true, encoding: 'utf8' }),
    options.retryDelaysMs,
  );
  await syncDir(dirname(path));
}
