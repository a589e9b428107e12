import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Text is handed to the file in chunks of about this size: few, large writes. */
export const EXPORT_WRITE_CHUNK_CHARS = 256 * 1024;

/**
 * A file written as a stream into a temporary name beside the destination and renamed onto it
 * only when complete: a cancel, a full disk or a crash never leaves a partial file at the
 * destination (rename within one folder is atomic on POSIX and NTFS).
 */
export interface ExportFile {
  readonly path: string;
  /** Queues text; resolves at once unless the disk is behind (backpressure), then on 'drain'. */
  write(text: string): Promise<void> | void;
  /** Writes what is pending, closes and renames into place. */
  commit(): Promise<void>;
  /** Removes the temporary file; the destination is untouched. */
  abort(): Promise<void>;
}

/** An ExportFile over a stream that is already open (stdout): nothing to rename or remove. */
export function streamTarget(stream: NodeJS.WritableStream): ExportFile {
  let failure: Error | null = null;
  stream.on('error', (error: Error) => (failure ??= error));
  return {
    path: '-',
    async write(text) {
      if (failure) throw failure;
      if (text !== '' && !stream.write(text)) {
        await new Promise<void>((resolve) => {
          stream.once('drain', resolve);
          stream.once('error', () => resolve());
        });
      }
      if (failure) throw failure;
    },
    async commit() {
      if (failure) throw failure;
    },
    async abort() {},
  };
}

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
}

export async function createExportFile(path: string): Promise<ExportFile> {
  const tempPath = temporaryPathFor(path);
  const stream: WriteStream = createWriteStream(tempPath, { flags: 'wx', mode: 0o600 });
  let failure: Error | null = null;
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  let pending: string[] = [];
  let pendingChars = 0;

  function check(): void {
    if (failure) throw failure;
  }

  async function push(text: string): Promise<void> {
    if (!stream.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    }
    check();
  }

  return {
    path,
    write(text) {
      check();
      if (text === '') return;
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars < EXPORT_WRITE_CHUNK_CHARS) return;
      const chunk = pending.join('');
      pending = [];
      pendingChars = 0;
      return push(chunk);
    },
    async commit() {
      if (pendingChars > 0) await push(pending.join(''));
      pending = [];
      pendingChars = 0;
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      });
      check();
      await rename(tempPath, path);
    },
    async abort() {
      pending = [];
      await new Promise<void>((resolve) => {
        if (stream.destroyed) return resolve();
        stream.once('close', () => resolve());
        stream.destroy();
      });
      await unlink(tempPath).catch(() => {});
    },
  };
}
