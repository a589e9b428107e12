import type { FeedEventEntry } from '../../../shared/api/frames';
import type { ConnectionState } from '../../../shared/model/connection-state';
import type { SseEvent } from '../../../shared/model/sse-event';

/**
 * The jsonl records of `eventscope watch` and of JSONL exports (docs/sessions.md). Their shape
 * is a public format: scripts parse it. Change it only by adding fields.
 */

export interface EventRecord {
  kind: 'event';
  seq: number;
  type: string;
  data: string;
  /**
   * '' when no last event ID is set (never set, or reset by an empty `id:`), as
   * `MessageEvent.lastEventId` is in browsers (WHATWG HTML §9.2.6): always a string.
   */
  lastEventId: string;
  receivedAt: string;
  /** Which connection attempt delivered it (1-based). */
  attempt: number;
}

export type StatusRecordState = 'connecting' | 'open' | 'retrying' | 'closed' | 'failed';

export interface StatusRecord {
  kind: 'status';
  state: StatusRecordState;
  at: string;
  attempt: number;
  url?: string;
  /** HTTP status of the response, where there was one. */
  status?: number;
  /** retrying: how long until the next attempt. */
  delayMs?: number;
  /** retrying: which consecutive reconnect this is (1 = first), and the cap if any. */
  retry?: number;
  maxAttempts?: number | null;
  /** Machine-readable cause: the close reason or the error code. */
  code?: string;
  /** One human sentence. */
  reason?: string;
}

let cachedSecond = Number.NaN;
let cachedPrefix = '';

/**
 * `new Date(ms).toISOString()`, with the part up to the second reused while events arrive
 * within the same second: exports format millions of timestamps (bench/export.ts).
 */
export function isoTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond || !Number.isInteger(ms)) {
    const iso = new Date(ms).toISOString();
    if (!Number.isInteger(ms)) return iso;
    cachedSecond = second;
    cachedPrefix = iso.slice(0, -4);
    return iso;
  }
  const millis = ms - second * 1000;
  return `${cachedPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

type EventFields = Pick<SseEvent, 'type' | 'data' | 'lastEventId' | 'receivedAt' | 'attempt'>;

export function eventRecord(seq: number, event: EventFields): EventRecord {
  return {
    kind: 'event',
    seq,
    type: event.type,
    data: event.data,
    lastEventId: event.lastEventId,
    receivedAt: new Date(event.receivedAt).toISOString(),
    attempt: event.attempt,
  };
}

/** The record of an event as the session log holds it. */
export function entryRecord(entry: FeedEventEntry): EventRecord {
  return {
    kind: 'event',
    seq: entry.seq,
    type: entry.type,
    data: entry.data,
    lastEventId: entry.lastEventId,
    receivedAt: isoTime(entry.at),
    attempt: entry.attempt,
  };
}

/**
 * `JSON.stringify(entryRecord(entry))`, written out directly: exports serialize millions of
 * these, and building the text without an intermediate object halves the garbage
 * (bench/export.ts). Same keys, same order.
 */
export function entryRecordJson(entry: FeedEventEntry): string {
  return (
    `{"kind":"event","seq":${entry.seq},"type":${JSON.stringify(entry.type)},` +
    `"data":${JSON.stringify(entry.data)},"lastEventId":${JSON.stringify(entry.lastEventId)},` +
    `"receivedAt":"${isoTime(entry.at)}","attempt":${entry.attempt}}`
  );
}

/** The record for a state change, or null for `idle`, which the CLI never shows. */
export function statusRecord(state: ConnectionState): StatusRecord | null {
  const at = new Date(state.at).toISOString();
  // Spelled out per state so `kind` and `state` lead every line, as the docs show them.
  switch (state.type) {
    case 'idle':
      return null;
    case 'connecting':
      return { kind: 'status', state: 'connecting', at, attempt: state.attempt, url: state.url };
    case 'open':
      return {
        kind: 'status',
        state: 'open',
        at,
        attempt: state.attempt,
        url: state.url,
        status: state.status,
      };
    case 'retrying':
      return {
        kind: 'status',
        state: 'retrying',
        at,
        attempt: state.attempt,
        ...(state.error?.status !== undefined ? { status: state.error.status } : {}),
        delayMs: state.delayMs,
        retry: state.retry,
        maxAttempts: state.maxAttempts,
        ...(state.error !== undefined ? { code: state.error.code } : {}),
        reason: state.reason,
      };
    case 'closed':
      return {
        kind: 'status',
        state: 'closed',
        at,
        attempt: state.attempt,
        code: state.reason,
        reason: state.message,
      };
    case 'failed':
      return {
        kind: 'status',
        state: 'failed',
        at,
        attempt: state.attempt,
        ...(state.error.status !== undefined ? { status: state.error.status } : {}),
        code: state.error.code,
        reason: state.error.message,
      };
  }
}
