import type { FeedEntry, FeedEventEntry } from '../../../shared/api/frames';
import { readLogLines } from '../sessions/log-reader';
import type { SessionHeaderRecord } from '../sessions/log-records';
import { isEntry, parseLogRecords } from '../sessions/log-records';
import { createExportFile } from './export-file';
import type { ExportFile } from './export-file';
import type { EncoderOptions, ExportFormat } from './formats';
import { createEncoder } from './formats';

/** One recorded session to export: its segment files in order, and whether early ones are gone. */
export interface ExportSource {
  paths: readonly string[];
  trimmed: boolean;
}

export interface ExportProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
}

export interface ExportJob extends EncoderOptions {
  sources: readonly ExportSource[];
  format: ExportFormat;
  destination: string;
  /** Where the text goes instead of a new file at `destination` (stdout in the CLI). */
  target?: ExportFile;
  /** Keep only the events this accepts (the view's filter); other entries follow includeTimeline. */
  filter?: (event: FeedEventEntry) => boolean;
  /** Keep only these entries (a selection of rows). */
  seqs?: ReadonlySet<number>;
  signal?: AbortSignal;
  /** Called at most every PROGRESS_EVERY_MS. */
  onProgress?(progress: ExportProgress): void;
  totalBytes?: number;
}

export interface ExportSummary {
  path: string;
  /** Entries written (events, plus timeline entries when included). */
  records: number;
  bytesRead: number;
}

const PROGRESS_EVERY_MS = 200;

export class ExportCancelledError extends Error {
  constructor() {
    super('the export was cancelled');
    this.name = 'ExportCancelledError';
  }
}

/**
 * Streams the sessions' logs through an encoder into `destination` (docs/sessions.md): memory
 * holds one read chunk and one write chunk whatever the size, the write side waits for the disk,
 * and the destination appears only complete (temp file + rename). Cancel and errors remove the
 * temporary file and reject.
 */
export async function runExport(job: ExportJob): Promise<ExportSummary> {
  const encoder = createEncoder(job.format, job);
  const file = job.target ?? (await createExportFile(job.destination));
  const totalBytes = job.totalBytes ?? 0;
  let records = 0;
  let bytesRead = 0;
  let readBefore = 0;
  let lastProgress = 0;
  const keep = (entry: FeedEntry): boolean => {
    if (job.seqs && !job.seqs.has(entry.seq)) return false;
    if (entry.kind === 'event') return job.filter ? job.filter(entry) : true;
    return job.includeTimeline === true || job.format === 'sse' || job.format === 'html';
  };
  try {
    await file.write(encoder.begin());
    for (const source of job.sources) {
      let header: SessionHeaderRecord | null = null;
      let started = false;
      const batch: FeedEntry[] = [];
      for await (const lines of readLogLines(source.paths, {
        signal: job.signal,
        onBytes: (n) => (bytesRead = readBefore + n),
      })) {
        for (const line of lines) {
          // An event run line holds several entries; an export has one object per entry.
          for (const record of parseLogRecords(line)) {
            if (record.kind === 'session') {
              // Every segment repeats the session record; only the first one counts.
              header ??= record;
              continue;
            }
            if (!isEntry(record) || !keep(record)) continue;
            batch.push(record);
          }
        }
        if (!started) {
          started = true;
          await file.write(encoder.session(header, source.trimmed));
        }
        if (batch.length > 0) {
          records += batch.length;
          await file.write(encoder.entries(batch));
          batch.length = 0;
        }
        const now = Date.now();
        if (job.onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = now;
          job.onProgress({ bytesRead, totalBytes, records });
        }
      }
      if (!started) await file.write(encoder.session(header, source.trimmed));
      readBefore = bytesRead;
    }
    job.signal?.throwIfAborted();
    await file.write(encoder.end());
    await file.commit();
  } catch (error) {
    await file.abort();
    if (job.signal?.aborted) throw new ExportCancelledError();
    throw error;
  }
  job.onProgress?.({ bytesRead, totalBytes, records });
  return { path: job.destination, records, bytesRead };
}
