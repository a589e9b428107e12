import type { ConnectionState } from '../model/connection-state';
import type { SseEvent } from '../model/sse-event';

/**
 * Feed frames: Node side → renderer, high rate (docs/architecture.md, "The API contract", lane 3). Events are never sent
 * one by one: the feed manager batches per feed and flushes by time, count and bytes. Every
 * timeline entry carries a per-feed `seq`, so `firstSeq`, the entries and `dropped` make gaps
 * visible: the previous frame's last seq + dropped + 1 === firstSeq.
 */

interface EntryBase {
  /** Per feed, from 1, without gaps in the session log. */
  seq: number;
  /** Node-side clock time (ms since the epoch). */
  at: number;
}

/** One dispatched SSE event. */
export interface FeedEventEntry extends EntryBase {
  kind: 'event';
  type: string;
  data: string;
  /** The connection's last event ID at dispatch; '' when none. */
  lastEventId: string;
  /** Which connection attempt delivered it (1-based). */
  attempt: number;
  /** UTF-8 size of `data`. */
  sizeBytes: number;
}

/** The timeline entry of a dispatched event, numbered `seq` by its feed (or recording). */
export function eventEntry(seq: number, event: SseEvent): FeedEventEntry {
  return {
    seq,
    at: event.receivedAt,
    kind: 'event',
    type: event.type,
    data: event.data,
    lastEventId: event.lastEventId,
    attempt: event.attempt,
    sizeBytes: event.sizeBytes,
  };
}

/** A comment line (heartbeats): ignored by the parser, shown on the timeline. */
export interface FeedCommentEntry extends EntryBase {
  kind: 'comment';
  text: string;
}

/** A connection state change: users see reconnects on the timeline. */
export interface FeedStateEntry extends EntryBase {
  kind: 'state';
  state: ConnectionState;
}

/** A redirect the connection followed (users must see a POST turned into a GET: docs/architecture.md, "The engine"). */
export interface FeedRedirectEntry extends EntryBase {
  kind: 'redirect';
  status: number;
  from: string;
  to: string;
  method: string;
  /** A POST (or other method) that became GET and lost its body. */
  methodChanged: boolean;
  /** Headers not sent on: secrets across origins, body headers after a switch to GET. */
  droppedHeaders: string[];
}

/** A valid `retry:` field: the server set the reconnection time (even in a block with no event). */
export interface FeedRetryEntry extends EntryBase {
  kind: 'retry';
  ms: number;
}

/**
 * What the user asked of the connection, on the timeline beside the states it causes: a manual
 * reconnect is counted and told apart from an automatic one.
 */
export interface FeedActionEntry extends EntryBase {
  kind: 'action';
  action: FeedAction;
}

export type FeedAction = 'reconnect-requested' | 'disconnect-requested' | 'connect-requested';

export type FeedEntry =
  | FeedEventEntry
  | FeedCommentEntry
  | FeedStateEntry
  | FeedRedirectEntry
  | FeedRetryEntry
  | FeedActionEntry;

export interface FeedFrame {
  feedId: string;
  /** seq of the first entry in `entries` (or of the next entry to come, when it is empty). */
  firstSeq: number;
  entries: FeedEntry[];
  /** Entries dropped for this page just before `firstSeq` (the session log keeps them). */
  dropped: number;
}
