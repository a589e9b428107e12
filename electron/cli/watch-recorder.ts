import { extname } from 'node:path';
import type { FeedEntry } from '../../shared/api/frames';
import type { ExportFile } from '../core/export/export-file';
import { createExportFile } from '../core/export/export-file';
import type { Encoder } from '../core/export/formats';
import { createEncoder } from '../core/export/formats';
import { UsageError } from './watch-config';

/** What `watch --out` can write; html needs the whole session, so it is an export only. */
export const RECORD_FORMATS = ['jsonl', 'csv', 'json', 'sse'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export interface RecordTarget {
  path: string;
  format: RecordFormat;
}

const BY_EXTENSION: Record<string, RecordFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.json': 'json',
  '.sse': 'sse',
  '.txt': 'sse',
};

/** `--out FILE [--out-format F]`: the format named, or the one the file's extension implies. */
export function recordTarget(
  out: string | undefined,
  outFormat: string | undefined,
): RecordTarget | undefined {
  if (out === undefined) {
    if (outFormat !== undefined) throw new UsageError('--out-format goes with --out FILE');
    return undefined;
  }
  if (outFormat !== undefined) {
    if (!(RECORD_FORMATS as readonly string[]).includes(outFormat)) {
      throw new UsageError(`--out-format must be one of ${RECORD_FORMATS.join(', ')}`);
    }
    return { path: out, format: outFormat as RecordFormat };
  }
  const format = BY_EXTENSION[extname(out).toLowerCase()];
  if (format === undefined) {
    throw new UsageError(
      `cannot tell the format of ${out} from its extension: add --out-format ${RECORD_FORMATS.join('|')}`,
    );
  }
  return { path: out, format };
}

/**
 * Records a watch into a file while it prints (docs/sessions.md): the same encoders as Export…,
 * into a temporary file renamed into place when the watch ends, so a half-written recording
 * never sits at the destination.
 */
export interface WatchRecorder {
  entry(entry: FeedEntry): void;
  /** Finishes the file; returns the error that stopped it, if any. */
  finish(): Promise<Error | null>;
}

export async function openWatchRecorder(target: RecordTarget): Promise<WatchRecorder> {
  const encoder: Encoder = createEncoder(target.format, {});
  const file: ExportFile = await createExportFile(target.path);
  let failure: Error | null = null;
  let chain: Promise<void> = Promise.resolve();
  const write = (text: string) => {
    if (text === '' || failure) return;
    // Writes are chained so they land in order even while the disk is behind.
    chain = chain
      .then(() => file.write(text))
      .catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      });
  };
  write(encoder.begin());
  write(encoder.session(null, false));
  return {
    entry(entry) {
      write(encoder.entries([entry]));
    },
    async finish() {
      write(encoder.end());
      await chain;
      if (failure) {
        await file.abort();
        return failure;
      }
      try {
        await file.commit();
      } catch (error) {
        await file.abort();
        return error instanceof Error ? error : new Error(String(error));
      }
      return null;
    },
  };
}
