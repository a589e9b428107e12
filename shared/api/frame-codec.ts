import type { FeedEntry, FeedEventEntry, FeedFrame } from './frames';

/**
 * The wire form of a feed frame, the same over Electron IPC and web mode's WebSocket: one JSON
 * array per frame, `[feedId, firstSeq, dropped, [entry, …]]`, where an entry is
 *
 * - a string: an event whose `data` is that string and whose `at`, `type`, `lastEventId` and
 *   `attempt` are those of the event before it in the frame (its UTF-8 size is its length);
 * - an array `[data, at, type, lastEventId, attempt, sizeBytes?]`: an event that changes one of
 *   them (`sizeBytes` only when it is not the length: non-ASCII data);
 * - an object: any other entry as it is logged (`kind` …).
 *
 * Entries of a frame are consecutive, so their `seq` is `firstSeq` + position. A 64 B event
 * takes ~67 B instead of ~183 B as a logged object, and the page builds its entry from one
 * string instead of parsing eight fields (measured in docs/performance.md, "Frames").
 *
 * The text of `data`, `type` and `lastEventId` is serialized once on the Node side and shared
 * by the session log line and the frame: {@link eventLogLine}.
 */
export type EncodedFeedFrame = string;

type WireEventRow = [string, number, string, string, number, number?];
type WireEntry = string | WireEventRow | FeedEntry;
type WireFrame = [string, number, number, WireEntry[]];

/**
 * An entry as the Node side holds it for a frame: the entry, and the JSON text the frame
 * carries for it — the JSON of its `data` for an event, of the whole entry otherwise.
 */
export interface EncodedEntry {
  entry: FeedEntry;
  json: string;
}

/**
 * The session log line of an event entry, built around `dataJson` (= JSON.stringify(entry.data)),
 * which the frame reuses. Same text as JSON.stringify(entry): same keys, same order.
 */
export function eventLogLine(entry: FeedEventEntry, dataJson: string): string {
  return (
    `{"seq":${entry.seq},"at":${entry.at},"kind":"event","type":${quote(entry.type)},` +
    `"data":${dataJson},"lastEventId":${quote(entry.lastEventId)},"attempt":${entry.attempt},` +
    `"sizeBytes":${entry.sizeBytes}}`
  );
}

/** JSON strings of the few distinct event types a stream uses, kept instead of re-made. */
const quoted = new Map<string, string>([
  ['message', '"message"'],
  ['', '""'],
]);
const QUOTED_CACHE_MAX = 256;

function quote(text: string): string {
  let json = quoted.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    if (quoted.size < QUOTED_CACHE_MAX && text.length <= 64) quoted.set(text, json);
  }
  return json;
}

/** One frame as text: `encoded[i].json` are the entries' JSON, from the session log path. */
export function encodeFeedFrame(
  feedId: string,
  firstSeq: number,
  dropped: number,
  encoded: readonly EncodedEntry[],
): EncodedFeedFrame {
  return encodeFeedFrameColumns(
    feedId,
    firstSeq,
    dropped,
    encoded.map(({ entry }) => entry),
    encoded.map(({ json }) => json),
    0,
  );
}

/**
 * The same frame from two parallel columns, `entries` and their `jsons`, read from `jsonStart`
 * on: a feed's queue keeps its entries this way, so a frame costs no object per entry.
 */
export function encodeFeedFrameColumns(
  feedId: string,
  firstSeq: number,
  dropped: number,
  entries: readonly FeedEntry[],
  jsons: readonly string[],
  jsonStart: number,
): EncodedFeedFrame {
  const parts = new Array<string>(entries.length);
  let previous: FeedEventEntry | null = null;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const json = jsons[jsonStart + i]!;
    if (entry.kind !== 'event') {
      parts[i] = json;
      continue;
    }
    const sized = entry.sizeBytes === entry.data.length;
    if (
      sized &&
      previous !== null &&
      previous.at === entry.at &&
      previous.type === entry.type &&
      previous.lastEventId === entry.lastEventId &&
      previous.attempt === entry.attempt
    ) {
      parts[i] = json;
    } else {
      parts[i] =
        `[${json},${entry.at},${quote(entry.type)},${quote(entry.lastEventId)},${entry.attempt}` +
        `${sized ? '' : `,${entry.sizeBytes}`}]`;
    }
    previous = entry;
  }
  return `[${JSON.stringify(feedId)},${firstSeq},${dropped},[${parts.join(',')}]]`;
}

/** Thrown for text that is not an encoded frame; the page reports it instead of guessing. */
export class FrameDecodeError extends Error {}

/** The frame again, with every entry whole (what the page's feed model takes). */
export function decodeFeedFrame(text: EncodedFeedFrame): FeedFrame {
  const wire = JSON.parse(text) as WireFrame;
  if (!Array.isArray(wire) || typeof wire[0] !== 'string' || !Array.isArray(wire[3])) {
    throw new FrameDecodeError('not a feed frame');
  }
  const [feedId, firstSeq, dropped, rows] = wire;
  const entries: FeedEntry[] = new Array<FeedEntry>(rows.length);
  let at = 0;
  let type = 'message';
  let lastEventId = '';
  let attempt = 1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const seq = firstSeq + i;
    if (typeof row === 'string') {
      entries[i] = {
        seq,
        at,
        kind: 'event',
        type,
        data: row,
        lastEventId,
        attempt,
        sizeBytes: row.length,
      };
    } else if (Array.isArray(row)) {
      const data = row[0];
      at = row[1];
      type = row[2];
      lastEventId = row[3];
      attempt = row[4];
      entries[i] = {
        seq,
        at,
        kind: 'event',
        type,
        data,
        lastEventId,
        attempt,
        sizeBytes: row[5] ?? data.length,
      };
    } else {
      entries[i] = { ...row, seq };
    }
  }
  return { feedId, firstSeq, entries, dropped };
}
