import { decodeEntryRows, type WireEntry } from '../../../shared/api/frame-codec';
import type { FeedEntry } from '../../../shared/api/frames';

/**
 * What a session log holds, line by line (docs/sessions.md): a `session` record first (and at
 * the top of every later segment), the feed's timeline entries — events mostly as event run
 * lines, several per line ({@link parseLogRecords}) — and an `end` record when the feed closed
 * normally.
 */
export interface SessionHeaderRecord {
  kind: 'session';
  feedId: string;
  name: string;
  method: string;
  url: string;
  headers: Array<{ name: string; value: string }>;
  /** The request body with secrets redacted; null when none was sent. */
  body?: string | null;
  openedAt: number;
  /** Where the feed was opened from ('ad hoc' for one-off feeds). */
  workspace?: string;
}

export interface SessionEndRecord {
  kind: 'end';
  at: number;
  /** Timeline entries and, among them, events of the whole session. */
  entries: number;
  events: number;
  /** The connection's last state: `closed`, `failed` … */
  state: string;
}

export type LogRecord = SessionHeaderRecord | SessionEndRecord | FeedEntry;

/** Parses one log line; null for a line that is not a record we know (a torn last line). */
export function parseLogLine(line: string): LogRecord | null {
  if (line === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' ? (value as LogRecord) : null;
}

/**
 * The records of one log line: one for an object line, each event of an event run line
 * (`{"kind":"events","seq":…,"entries":[…]}`, docs/sessions.md "Event runs"), none for a line
 * that is not a record we know (a torn last line). Logs written before event runs hold one
 * object per event and read the same.
 */
export function parseLogRecords(line: string): LogRecord[] {
  const record = parseLogLine(line);
  if (record === null) return [];
  if ((record.kind as string) !== 'events') return [record];
  const run = record as unknown as { seq?: unknown; entries?: unknown };
  if (typeof run.seq !== 'number' || !Array.isArray(run.entries)) return [];
  const rows = run.entries as unknown[];
  const entries = decodeEntryRows(run.seq, rows as WireEntry[]);
  // A damaged row is left out; the rows around it keep their seqs (numbered by position).
  return rows.every(isWireRow) ? entries : entries.filter((_, i) => isWireRow(rows[i]));
}

/** A row as an event run line writes it (shared/api/frame-codec.ts), checked before it is used. */
function isWireRow(row: unknown): boolean {
  if (typeof row === 'string') return true;
  if (Array.isArray(row)) {
    return (
      typeof row[0] === 'string' &&
      typeof row[1] === 'number' &&
      typeof row[2] === 'string' &&
      typeof row[3] === 'string' &&
      typeof row[4] === 'number' &&
      (row[5] === undefined || typeof row[5] === 'number')
    );
  }
  return (
    typeof row === 'object' && row !== null && typeof (row as { kind?: unknown }).kind === 'string'
  );
}

export function isEntry(record: LogRecord): record is FeedEntry {
  return record.kind !== 'session' && record.kind !== 'end';
}
