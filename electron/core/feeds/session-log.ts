import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Logged entries reach the OS at least this often, whatever the page is doing (issue #4). */
export const SESSION_LOG_FLUSH_MS = 1_000;
/** Flush early once this much is buffered, so a fast feed does not hold megabytes in memory. */
const SESSION_LOG_BUFFER_BYTES = 256 * 1024;

/** File and folder names from user-chosen names: readable, portable, never a path escape. */
export function safeName(name: string, fallback = 'untitled'): string {
  const cleaned = name
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 80);
  return cleaned || fallback;
}

/**
 * `logs/<workspace>/<endpoint>/<start time>-<feed>.ndjson`: the start time in ISO form safe for
 * every OS, then the feed id's first characters so two sessions opened in the same millisecond
 * never share a file.
 */
export function sessionLogPath(
  logsDir: string,
  workspace: string,
  endpoint: string,
  startedAt: number,
  feedId = '',
): string {
  const stamp = new Date(startedAt).toISOString().replace(/:/g, '-');
  const suffix = feedId ? `-${safeName(feedId).slice(0, 8)}` : '';
  return join(logsDir, safeName(workspace), safeName(endpoint), `${stamp}${suffix}.ndjson`);
}

export interface SessionLog {
  readonly path: string;
  /** Queues one record as a line of JSON. Never drops: the log is the complete record. */
  append(record: unknown): void;
  /** The same for a record already serialized as JSON (one line, no newline). */
  appendLine(json: string): void;
  /** Bytes handed to the file so far. */
  readonly bytesWritten: number;
  /** The write error that stopped the log (disk full, folder removed), if any. */
  readonly error: Error | null;
  /** Writes everything still buffered and closes the file. */
  close(): Promise<void>;
}

/**
 * An append-only NDJSON file for one feed session (DESIGN.md §4). Lines are buffered briefly and
 * written through a stream that honours backpressure: while the disk is behind, lines wait in
 * memory rather than being lost. Independent of any page, so a reload or crash loses nothing.
 */
export async function openSessionLog(
  path: string,
  onError: (error: Error) => void = () => {},
  flushMs = SESSION_LOG_FLUSH_MS,
): Promise<SessionLog> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const stream: WriteStream = createWriteStream(path, { flags: 'a', mode: 0o600 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  let buffer: string[] = [];
  let bufferedBytes = 0;
  let writing = false;
  let bytesWritten = 0;
  let error: Error | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let drained: (() => void) | null = null;

  stream.on('error', (err: Error) => {
    error ??= err;
    // A close() waiting for 'drain' would otherwise wait forever (and app quit with it).
    drained?.();
    drained = null;
    onError(err);
  });
  stream.on('drain', () => {
    writing = false;
    drained?.();
    drained = null;
    flush();
  });

  function flush(): void {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (writing || buffer.length === 0 || error) return;
    const chunk = buffer.join('');
    buffer = [];
    bufferedBytes = 0;
    bytesWritten += Buffer.byteLength(chunk);
    // false = the stream's own buffer is full: wait for 'drain' before writing more.
    writing = !stream.write(chunk);
  }

  function appendLine(json: string): void {
    if (error) return;
    buffer.push(json, '\n');
    bufferedBytes += json.length + 1;
    if (bufferedBytes >= SESSION_LOG_BUFFER_BYTES) flush();
    else timer ??= setTimeout(flush, flushMs);
  }

  return {
    path,
    append(record) {
      appendLine(JSON.stringify(record));
    },
    appendLine,
    get bytesWritten() {
      return bytesWritten;
    },
    get error() {
      return error;
    },
    async close() {
      while (writing && !error) await new Promise<void>((resolve) => (drained = resolve));
      flush();
      if (error) {
        stream.destroy();
        return;
      }
      await new Promise<void>((resolve) => {
        stream.once('error', () => resolve());
        stream.end(() => resolve());
      });
    },
  };
}
