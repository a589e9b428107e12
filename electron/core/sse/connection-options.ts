import type { ConnectionState } from '../../../shared/model/connection-state';
import type { RetryPolicy } from '../../../shared/model/retry-policy';
import type { SseEvent } from '../../../shared/model/sse-event';
import type { ResumeMode } from '../../../shared/model/workspace';
import type { RedirectInfo } from './redirects';
import type { SseRequest } from './request';

/**
 * What a connection is made from and what it gives back: its options, handlers and handle,
 * the defaults of its limits, and its clock. The state machine is connection.ts; one attempt's
 * fetch, redirects and read are connection-attempt.ts.
 */

/** Also the parser's default (WHATWG sets no limit; ours bounds memory per event). */
export { DEFAULT_MAX_EVENT_BYTES } from './parser';
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
/** Well under undici's silent 300 s body timeout, so we say what happened first. */
export const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

/** Time and timers, injectable for tests and for a feed manager's own scheduler. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** fetch options we pass through untouched, e.g. an undici `dispatcher` for TLS or a proxy. */
export type ExtraFetchInit = Omit<
  RequestInit,
  'method' | 'headers' | 'body' | 'redirect' | 'signal'
>;

export interface SseConnectionOptions {
  request: SseRequest;
  /** Called before every attempt (1-based); its result replaces `request` for that attempt. */
  resolveRequest?: (attempt: number) => Promise<SseRequest> | SseRequest;
  /** Defaults to `defaultRetryPolicy(request.method)`. */
  retry?: RetryPolicy;
  /** The last event ID to start from (sent as Last-Event-ID on the first request too). */
  lastEventId?: string;
  /** Until the final response's headers, redirects included; 0 disables. Default 30 s. */
  connectTimeoutMs?: number;
  /** Longest silence (no byte, comments included) once headers are in; 0 disables. Default 45 s. */
  idleTimeoutMs?: number;
  /** Longest line or event; larger fails the connection. Default 16 MiB. */
  maxEventBytes?: number;
  /** Default 20, as in the Fetch standard. */
  maxRedirects?: number;
  /** Whether a non-GET request is sent again after its stream broke off (resume.ts). Default auto. */
  resume?: ResumeMode;
  /**
   * True once the stream's own terminator arrived (an LLM's `[DONE]`, `message_stop` …): the
   * end that follows is the end of the run, never a reason to reconnect (docs/llm-streams.md).
   */
  isRunOver?: () => boolean;
  /** Defaults to Node's global fetch. */
  fetch?: FetchFunction;
  fetchInit?: ExtraFetchInit;
  clock?: Clock;
  /** Uniform in [0, 1), for backoff jitter. Defaults to Math.random. */
  random?: () => number;
  signal?: AbortSignal;
  /**
   * Receives an exception thrown by a handler. Default: rethrown from a microtask, like a DOM
   * event listener's (WHATWG "report an exception"), so it is seen but does not stop the stream.
   */
  reportError?: (error: unknown) => void;
}

export interface SseConnectionHandlers {
  onEvent(event: SseEvent): void;
  /**
   * After `reportSizesOnly(true)`: each event instead as the UTF-8 size of its data, for a
   * consumer that only counts (no event object, no strings: docs/performance.md).
   */
  onEventSize?(sizeBytes: number): void;
  /**
   * With `onEventSize`, optional: a run of consecutive events counted together, as their
   * number and the sum of their sizes (see the parser's `onEventSizes`), for a consumer that
   * only adds up. Without it every event goes to `onEventSize`.
   */
  onEventSizes?(events: number, sizeBytes: number): void;
  /** A comment line's text (after the colon): heartbeats are worth showing. */
  onComment?(text: string): void;
  onState(state: ConnectionState): void;
  /** The server sent a valid `retry:` field (ms). */
  onRetryField?(ms: number): void;
  onRedirect?(info: RedirectInfo): void;
}

export type FinalConnectionState = Extract<ConnectionState, { type: 'closed' | 'failed' }>;

export interface SseConnection {
  start(): void;
  close(message?: string): void;
  reconnectNow(): void;
  /**
   * Events go to `onEventSize` (true) or `onEvent` (false, the default) from the next event
   * block on; ids, retries, comments and states are unchanged. Throws without `onEventSize`.
   */
  reportSizesOnly(on: boolean): void;
  readonly state: ConnectionState;
  /** The connection's last event ID ('' when none): what the next reconnect sends. */
  readonly lastEventId: string;
  /** Settles (never rejects) with the final closed or failed state. */
  readonly done: Promise<FinalConnectionState>;
}
