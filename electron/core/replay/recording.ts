import { createReadStream } from 'node:fs';
import { TIMING_COMMENT } from '../export/formats';
import { decodeEntryRows, type WireEntry } from '../../../shared/api/frame-codec';
import { readLogLines } from '../sessions/log-reader';
import { createSseParser } from '../sse/parser';

/** One thing a replay sends, with when it happened (ms after the recording's first event). */
export type ReplayItem =
  | { kind: 'event'; type: string; data: string; lastEventId: string; offsetMs: number }
  | { kind: 'retry'; ms: number };

export type RecordingFormat = 'ndjson' | 'sse';

/**
 * Which kind of recording a file is, from its first non-blank character: session logs and JSONL
 * exports are JSON lines (`{`); anything else is read as an SSE transcript.
 */
export async function detectRecordingFormat(path: string): Promise<RecordingFormat> {
  const stream = createReadStream(path, { start: 0, end: 4095, encoding: 'utf8' });
  let head = '';
  for await (const chunk of stream as AsyncIterable<string>) head += chunk;
  return head
    .replace(/^\ufeff/, '')
    .trimStart()
    .startsWith('{')
    ? 'ndjson'
    : 'sse';
}

interface NdjsonRecord {
  kind?: unknown;
  type?: unknown;
  data?: unknown;
  lastEventId?: unknown;
  at?: unknown;
  receivedAt?: unknown;
  ms?: unknown;
}

/** A session log's event run line is several events (docs/sessions.md, "Event runs"). */
function recordsOf(record: NdjsonRecord): readonly NdjsonRecord[] {
  if (record.kind !== 'events') return [record];
  const run = record as { seq?: unknown; entries?: unknown };
  if (typeof run.seq !== 'number' || !Array.isArray(run.entries)) return [];
  return decodeEntryRows(run.seq, run.entries as WireEntry[]);
}

function timeOf(record: NdjsonRecord): number | null {
  if (typeof record.at === 'number') return record.at;
  if (typeof record.receivedAt === 'string') {
    const t = Date.parse(record.receivedAt);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** Session log (`at`, ms) or JSONL export (`receivedAt`, ISO): both have `kind: "event"`. */
async function* ndjsonItems(
  paths: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<ReplayItem[]> {
  let origin: number | null = null;
  for await (const lines of readLogLines(paths, { signal })) {
    const items: ReplayItem[] = [];
    for (const line of lines) {
      let parsed: NdjsonRecord;
      try {
        parsed = JSON.parse(line) as NdjsonRecord;
      } catch {
        continue;
      }
      for (const record of recordsOf(parsed)) {
        if (record.kind === 'retry' && typeof record.ms === 'number') {
          items.push({ kind: 'retry', ms: record.ms });
        } else if (record.kind === 'event' && typeof record.data === 'string') {
          const at: number = timeOf(record) ?? origin ?? 0;
          const first: number = origin ?? at;
          origin = first;
          items.push({
            kind: 'event',
            type: typeof record.type === 'string' ? record.type : 'message',
            data: record.data,
            // Older CLI output wrote null for "no id".
            lastEventId: typeof record.lastEventId === 'string' ? record.lastEventId : '',
            offsetMs: Math.max(0, at - first),
          });
        }
      }
    }
    if (items.length > 0) yield items;
  }
}

/**
 * An SSE transcript through our own parser (WHATWG HTML §9.2.6): the same events, types and ids
 * any client would see; `: +Nms` comments give each event's time, and `retry:` fields pass on.
 */
async function* sseItems(
  paths: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<ReplayItem[]> {
  let items: ReplayItem[] = [];
  let pendingOffset: number | null = null;
  let lastOffset = 0;
  const parser = createSseParser({
    onEvent(event) {
      lastOffset = pendingOffset ?? lastOffset;
      pendingOffset = null;
      items.push({ kind: 'event', ...event, offsetMs: lastOffset });
    },
    onComment(text) {
      const match = TIMING_COMMENT.exec(`:${text}`);
      if (match) pendingOffset = Number(match[1]);
    },
    onRetry(ms) {
      items.push({ kind: 'retry', ms });
    },
  });
  for (const path of paths) {
    const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        signal?.throwIfAborted();
        parser.feed(chunk);
        if (items.length > 0) {
          yield items;
          items = [];
        }
      }
    } finally {
      stream.destroy();
    }
  }
  // A transcript whose last block lacks its blank line still counts (a hand-trimmed file).
  parser.feed(Buffer.from('\n\n'));
  if (items.length > 0) yield items;
}

/** The recording's items in order, streamed: a replay never holds the whole file. */
export async function* readRecording(
  paths: readonly string[],
  format: RecordingFormat,
  signal?: AbortSignal,
): AsyncGenerator<ReplayItem[]> {
  yield* format === 'ndjson' ? ndjsonItems(paths, signal) : sseItems(paths, signal);
}
