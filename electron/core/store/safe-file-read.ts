import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { formatBytes } from '../../../shared/format-bytes';
import { errorCode } from './durable-write';

/**
 * The one way the Node side reads a file on behalf of a workspace (a CA file named by an old
 * workspace, a file chosen in a dialog): only a regular file, at most `maxBytes`, and never a
 * FIFO or device — `/dev/zero` would exhaust memory, a FIFO would block every disk operation
 * behind it (README, "Security").
 */

export type SafeReadFailure = 'not-found' | 'not-regular-file' | 'too-large' | 'unreadable';

export class SafeReadError extends Error {
  override name = 'SafeReadError';
  constructor(
    readonly reason: SafeReadFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Windows has no O_NONBLOCK (and no FIFOs in the file system): 0 there. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const before = await stat(path).catch((error: unknown) => {
    throw describeFailure(path, error);
  });
  checkStats(path, before, maxBytes);
  // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not wait
  // for a writer; the fstat below then refuses it.
  const handle = await open(path, OPEN_FLAGS).catch((error: unknown) => {
    throw describeFailure(path, error);
  });
  try {
    const after = await handle.stat();
    if (after.ino !== before.ino || after.dev !== before.dev) {
      throw new SafeReadError('not-regular-file', `${path} changed while it was being opened`);
    }
    checkStats(path, after, maxBytes);
    // The size may grow between fstat and read: read one byte more than allowed to notice.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(path, maxBytes);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function checkStats(
  path: string,
  stats: { isFile(): boolean; size: number },
  maxBytes: number,
): void {
  if (!stats.isFile()) {
    throw new SafeReadError(
      'not-regular-file',
      `${path} is not a regular file (a folder, device, FIFO or socket is never read)`,
    );
  }
  if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
}

function tooLarge(path: string, maxBytes: number): SafeReadError {
  return new SafeReadError('too-large', `${path} is larger than ${formatBytes(maxBytes)}`);
}

function describeFailure(path: string, error: unknown): SafeReadError {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new SafeReadError('not-found', `${path} does not exist`);
  }
  if (code === 'EISDIR') return new SafeReadError('not-regular-file', `${path} is a folder`);
  return new SafeReadError('unreadable', `${path} cannot be read (${code ?? String(error)})`);
}
