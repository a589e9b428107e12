import { readFileSync } from 'node:fs';
import { parseLogRecords } from '../../../electron/core/sessions/log-records';

/**
 * A session log file's records as objects, one per entry: event run lines (docs/sessions.md,
 * "Event runs") come out as one record per event, as a log with one line per event would.
 */
export function readLogRecords(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => parseLogRecords(line) as unknown as Array<Record<string, unknown>>);
}
