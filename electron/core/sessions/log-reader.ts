import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Read size of log files: large reads keep the per-chunk overhead low (bench/export.ts). */
export const LOG_READ_CHUNK_BYTES = 1024 * 1024;

export interface ReadLinesOptions {
  signal?: AbortSignal;
  /** Called after each chunk with the bytes read so far over all files. */
  onBytes?(bytesRead: number): void;
}

/**
 * The lines of NDJSON files in order, streamed: memory holds one chunk, never the file. A torn
 * last line (a crash mid-write) comes out as a partial line, which parseLogLine rejects.
 * Yields arrays of lines (one per chunk) so callers pay one await per chunk, not per line.
 */
export async function* readLogLines(
  paths: readonly string[],
  options: ReadLinesOptions = {},
): AsyncGenerator<string[]> {
  let total = 0;
  for (const path of paths) {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    const stream = createReadStream(path, { highWaterMark: LOG_READ_CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        options.signal?.throwIfAborted();
        total += chunk.length;
        const text = rest + decoder.write(chunk);
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        options.onBytes?.(total);
        if (lines.length > 0) yield lines;
      }
    } finally {
      stream.destroy();
    }
    rest += decoder.end();
    if (rest !== '') yield [rest];
  }
}
