import type { SseEvent } from '../model/sse-event';
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
/** One entry as a frame or an event run line carries it (see {@link EncodedFeedFrame}). */
export type WireEntry = string | WireEventRow | FeedEntry;
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
  return eventLogLineOf(entry.seq, fieldsOf(entry), dataJson);
}

/**
 * The fields of an event a log line and a frame row are made of: the engine's event as it is
 * dispatched (`receivedAt` becomes the entry's `at`), so the Node side needs no entry object.
 */
export type EventFields = Pick<
  SseEvent,
  'receivedAt' | 'type' | 'data' | 'lastEventId' | 'attempt' | 'sizeBytes'
>;

/** An event entry's fields (recordings and tests hand entries, the engine hands fields). */
export function fieldsOf(entry: FeedEventEntry): EventFields {
  return {
    receivedAt: entry.at,
    type: entry.type,
    data: entry.data,
    lastEventId: entry.lastEventId,
    attempt: entry.attempt,
    sizeBytes: entry.sizeBytes,
  };
}

/**
 * {@link eventLogLine} from an event's fields and its seq: the feed manager writes an event's
 * line without first making an entry object of it (one object per event fewer to collect).
 */
export function eventLogLineOf(seq: number, event: EventFields, dataJson: string): string {
  return (
    `{"seq":${seq},"at":${event.receivedAt},"kind":"event","type":${quote(event.type)},` +
    `"data":${dataJson},"lastEventId":${quote(event.lastEventId)},"attempt":${event.attempt},` +
    `"sizeBytes":${event.sizeBytes}}`
  );
}

/** What JSON.stringify escapes in a string (ECMA-262 QuoteJSONString, lone surrogates included). */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify(text), quicker for the common text that needs no escape: most event data is
 * plain text, and the serializer's own cost per call was the largest part of recording an
 * event (docs/performance.md).
 */
export function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
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
    json = jsonString(text);
    if (quoted.size < QUOTED_CACHE_MAX && text.length <= 64) quoted.set(text, json);
  }
  return json;
}

/**
 * Whether an event's row may be its bare data string after `previous`: same time, `type`,
 * `lastEventId` and `attempt`, and a UTF-8 size equal to its length (ASCII data).
 */
export function continuesRun(event: EventFields, previous: EventFields | null): boolean {
  return (
    event.sizeBytes === event.data.length &&
    previous !== null &&
    previous.receivedAt === event.receivedAt &&
    previous.type === event.type &&
    previous.lastEventId === event.lastEventId &&
    previous.attempt === event.attempt
  );
}

/**
 * What follows an event's data JSON in its array row, `,at,type,lastEventId,attempt[,sizeBytes]]`:
 * the row is `[` + data JSON + this. Events of one run share one tail.
 */
export function eventRowTail(event: EventFields): string {
  const sized = event.sizeBytes === event.data.length;
  return (
    `,${event.receivedAt},${quote(event.type)},${quote(event.lastEventId)},${event.attempt}` +
    `${sized ? '' : `,${event.sizeBytes}`}]`
  );
}

/** A frame's text around its rows, already joined with commas. */
export function frameText(
  feedId: string,
  firstSeq: number,
  dropped: number,
  rows: string,
): EncodedFeedFrame {
  return `[${JSON.stringify(feedId)},${firstSeq},${dropped},[${rows}]]`;
}

/** One frame as text: `encoded[i].json` are the entries' JSON, from the session log path. */
export function encodeFeedFrame(
  feedId: string,
  firstSeq: number,
  dropped: number,
  encoded: readonly EncodedEntry[],
): EncodedFeedFrame {
  const rows = new Array<string>(encoded.length);
  let previous: EventFields | null = null;
  for (let i = 0; i < encoded.length; i++) {
    const { entry, json } = encoded[i]!;
    if (entry.kind !== 'event') {
      rows[i] = json;
      continue;
    }
    const event = fieldsOf(entry);
    rows[i] = continuesRun(event, previous) ? json : `[${json}${eventRowTail(event)}`;
    previous = event;
  }
  return frameText(feedId, firstSeq, dropped, rows.join(','));
}

/**
 * A session log's line for a run of consecutive events (docs/sessions.md, "Event runs"):
 * `{"kind":"events","seq":<first seq>,"entries":[row, …]}`, the rows as a frame carries them (the
 * first always a full array row). Each event's data JSON is the one its frame row uses, so it is
 * serialized once, and a 64 B event takes ~67 B of log instead of ~190 B as an object line.
 */
export interface EventRunLine {
  /**
   * Adds the event after the last one (`seq` must be {@link nextSeq} unless the run is empty);
   * returns the line's length so far (a caller on the hot path reads no getter per event).
   */
  add(seq: number, event: EventFields, dataJson: string): number;
  /** Events in the run so far. */
  readonly events: number;
  /** Characters of the line so far. */
  readonly chars: number;
  /** The seq the next event must have to join this run. */
  readonly nextSeq: number;
  /** The run's line (no newline), and an empty run after it; '' when the run is empty. */
  take(): string;
}

export function createEventRunLine(): EventRunLine {
  let text = '';
  let events = 0;
  let nextSeq = 0;
  let at = 0;
  let type = '';
  let lastEventId = '';
  let attempt = 0;
  return {
    add(seq, event, dataJson) {
      const continues =
        events > 0 &&
        event.sizeBytes === event.data.length &&
        event.receivedAt === at &&
        event.type === type &&
        event.lastEventId === lastEventId &&
        event.attempt === attempt;
      if (events === 0)
        text = `{"kind":"events","seq":${seq},"entries":[[${dataJson}${eventRowTail(event)}`;
      else if (continues) text += `,${dataJson}`;
      else text += `,[${dataJson}${eventRowTail(event)}`;
      if (!continues) {
        at = event.receivedAt;
        type = event.type;
        lastEventId = event.lastEventId;
        attempt = event.attempt;
      }
      events += 1;
      nextSeq = seq + 1;
      return text.length;
    },
    get events() {
      return events;
    },
    get chars() {
      return text.length;
    },
    get nextSeq() {
      return nextSeq;
    },
    take() {
      if (events === 0) return '';
      const line = `${text}]}`;
      text = '';
      events = 0;
      return line;
    },
  };
}

/**
 * The entries of wire rows (a frame's, or an event run line's), numbered from `firstSeq`. A bare
 * data row takes the time, type, ID and attempt of the row before it.
 */
export function decodeEntryRows(firstSeq: number, rows: readonly WireEntry[]): FeedEntry[] {
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
  return entries;
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
  const entries = decodeEntryRows(firstSeq, rows);
  return { feedId, firstSeq, entries, dropped };
}
