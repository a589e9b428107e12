import { Buffer, isAscii } from 'node:buffer';
import type {
  CloseReason,
  ConnectionError,
  ConnectionState,
} from '../../../shared/model/connection-state';
import { defaultRetryPolicy } from '../../../shared/model/retry-defaults';
import type { RetryPolicy } from '../../../shared/model/retry-policy';
import type { SseEvent } from '../../../shared/model/sse-event';
import { isEventStreamContentType } from './content-type';
import {
  connectTimeoutError,
  contentTypeError,
  eventTooLargeError,
  httpStatusError,
  idleTimeoutError,
  invalidRequestError,
  networkError,
} from './errors';
import { displayUrl } from './format';
import {
  createSseParser,
  DEFAULT_MAX_EVENT_BYTES,
  SseLimitError,
  type ParsedEvent,
} from './parser';
import {
  DEFAULT_MAX_REDIRECTS,
  planRedirect,
  REDIRECT_STATUSES,
  type RedirectInfo,
} from './redirects';
import { discardBody, headerPairs, snapshotResponse } from './response';
import {
  buildFetchHeaders,
  fetchBody,
  normalizeMethod,
  userLastEventId,
  validateRequest,
  type SseRequest,
} from './request';
import { gaveUpPhrase, nextRetry, type AttemptOutcome } from './retry';
import { resumeDecision } from './resume';
import type { ResumeMode } from '../../../shared/model/workspace';
import { assertNever } from '../../../shared/assert-never';

/**
 * One SSE connection: a fetch-based EventSource with any method, headers and body, a retry
 * policy, timeouts, a size limit and careful redirects (docs/architecture.md, "The engine").
 *
 * ```ts
 * const conn = createSseConnection(
 *   { request: { url, method: 'POST', headers: [{ name: 'Authorization', value, secret: true }], body } },
 *   { onEvent: (e) => …, onState: (s) => … },
 * );
 * conn.start();
 * …
 * conn.close('max events reached');
 * const final = await conn.done; // the closed or failed state
 * ```
 *
 * Lifecycle: `idle → connecting → open → (retrying → connecting …) → closed | failed`. Every
 * transition goes to `onState`, in order, synchronously. `closed` and `failed` are final:
 * after them no handler is called, no timer is pending and no request is in flight; to connect
 * again, create a new connection.
 *
 * What each outcome of an attempt leads to (WHATWG EventSource processing model + RetryPolicy):
 * - 200 with `text/event-stream` → `open`; a clean end → `retrying` when `reconnectOnEnd`,
 *   else `closed { reason: 'end-of-stream' }`.
 * - 204 → `closed { reason: 'no-content' }`, never retried.
 * - another status → `retrying { error }` when listed in `retryOnStatus` (honouring Retry-After
 *   on 429/503), else `failed { code: 'http-status', status, headers, body }`.
 * - a wrong content type → `failed { code: 'content-type' }` with headers and body, never retried.
 * - a network error, connect timeout or idle timeout → `retrying`, `failed` once maxAttempts
 *   consecutive retries have failed ("… (gave up after 5 retries)").
 * - an event over maxEventBytes, a refused redirect, an invalid request → `failed`, never retried.
 * - a non-GET stream that broke off (clean end, or a network error once open) is sent again only
 *   as `options.resume` decides (resume.ts: by default when it carried an event id); the rule
 *   that applied is part of the `retrying` reason or the final message.
 * - `options.isRunOver()` true (an LLM terminator arrived) → `closed { reason: 'end-of-stream' }`
 *   at the end of the body, never a reconnect.
 * In `retrying`, `attempt` is the attempt that just ended and `retry` the consecutive reconnect
 * it waits for (reset after a connection stayed open `stableAfterMs`). The default policy is chosen
 * from `request.method`, not from what `resolveRequest` returns.
 *
 * - `start()` begins the first attempt (a no-op when already started or finished).
 * - `close(message?)` ends it at any moment — before headers, mid-stream, during a backoff wait,
 *   from inside any handler — with `closed { reason: 'user' }`. Aborting `options.signal` does
 *   the same with reason `aborted` (an already-aborted signal sends no request at all).
 * - `reconnectNow()` skips a backoff wait, or drops the current attempt and reconnects at once
 *   (with the Last-Event-ID). Ignored before start and after the end.
 * - `resolveRequest(attempt)` is called before every attempt (1-based), so saved
 *   `{{variables}}` are resolved afresh on each reconnect; if it throws, the connection fails.
 * - The connection owns `Last-Event-ID`: it is seeded from `options.lastEventId`, else from a
 *   `Last-Event-ID` header in the request, and then follows the stream's `id:` fields.
 *
 * Closing aborts the in-flight fetch, which destroys its socket. (Node 20's undici may then open
 * an idle, unref'd pool connection that sends nothing and expires after its keep-alive time; it
 * belongs to the global dispatcher. Pass a `fetchInit.dispatcher` to own the pool entirely.)
 *
 * Handlers should not throw; if one does, the exception goes to `options.reportError` (by
 * default rethrown asynchronously, like a DOM event listener's) and the connection carries on.
 */

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
  readonly state: ConnectionState;
  /** The connection's last event ID ('' when none): what the next reconnect sends. */
  readonly lastEventId: string;
  /** Settles (never rejects) with the final closed or failed state. */
  readonly done: Promise<FinalConnectionState>;
}

/** What one attempt ended with. `stale`: it was superseded or the connection closed. */
type AttemptResult =
  | { type: 'stale' }
  | { type: 'end' }
  | { type: 'no-content' }
  | { type: 'network'; error: ConnectionError; afterOpen?: boolean }
  | { type: 'status'; error: ConnectionError; status: number; retryAfter: string | null }
  | { type: 'fatal'; error: ConnectionError };

interface Attempt {
  readonly number: number;
  readonly controller: AbortController;
  /** Which of our timers aborted it, so the abort is reported as that timeout. */
  timedOut: 'connect' | 'idle' | null;
  timer: unknown;
  lastByteAt: number;
  /** When the stream opened (200 + event-stream), or null if it never did. */
  openedAt: number | null;
  /** Every body byte of this attempt so far was ASCII (so UTF-8 size = string length). */
  asciiSoFar: boolean;
}

const STALE: AttemptResult = { type: 'stale' };

/** RFC 9110 §9.2.1: methods a client may repeat without asking (EventSource itself is GET). */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createSseConnection(
  options: SseConnectionOptions,
  handlers: SseConnectionHandlers,
): SseConnection {
  const clock = options.clock ?? systemClock;
  const fetchFn: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const random = options.random ?? Math.random;
  const policy = options.retry ?? defaultRetryPolicy(normalizeMethod(options.request.method));
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = options.signal;
  const reportError = options.reportError ?? rethrowLater;

  let state: ConnectionState = { type: 'idle', at: clock.now(), attempt: 0 };
  let started = false;
  let finished = false;
  let attemptCount = 0;
  /**
   * Consecutive reconnects without a stable connection in between. Not reset by an event: a
   * server that sends one event and closes would then be reconnected to without backoff.
   */
  let retryCount = 0;
  /** WHATWG "reconnection time" as set by the server's `retry:` field. */
  let serverRetryMs: number | null = null;
  let live: Attempt | null = null;
  /** The attempt whose body is being fed to the parser; events of any other are dropped. */
  let feeding: Attempt | null = null;
  let backoffTimer: unknown = null;
  let resolveDone: (state: FinalConnectionState) => void = () => undefined;
  const done = new Promise<FinalConnectionState>((resolve) => {
    resolveDone = resolve;
  });

  const seededId = options.lastEventId ?? userLastEventId(options.request.headers) ?? '';
  const parser = createSseParser(
    {
      onEvent: dispatchEvent,
      onComment: (text) => {
        if (isFeeding()) call(() => handlers.onComment?.(text));
      },
      onRetry: (ms) => {
        if (!isFeeding()) return;
        serverRetryMs = ms;
        call(() => handlers.onRetryField?.(ms));
      },
    },
    // WHATWG "Interpreting an event stream", id field: an id containing NUL is ignored.
    { maxEventBytes, lastEventId: seededId.includes('\0') ? '' : seededId },
  );

  function isFeeding(): boolean {
    return !finished && feeding !== null && feeding === live;
  }

  function dispatchEvent(event: ParsedEvent): void {
    const attempt = feeding;
    if (!isFeeding() || attempt === null) return;
    const sseEvent: SseEvent = {
      type: event.type,
      data: event.data,
      lastEventId: event.lastEventId,
      attempt: attempt.number,
      // Per-event costs add up at 200k events/s (docs/performance.md): while every byte of the
      // response so far was ASCII, the UTF-8 size is the string length; and the arrival time is
      // that of the chunk that completed the event, read once per chunk, not once per event.
      sizeBytes: attempt.asciiSoFar ? event.data.length : Buffer.byteLength(event.data, 'utf8'),
      receivedAt: attempt.lastByteAt,
    };
    // Inlined rather than call(() => …): this runs per event, so no closure per event.
    try {
      handlers.onEvent(sseEvent);
    } catch (error) {
      reportError(error);
    }
  }

  /** Called from inside onEvent (close, reconnectNow), parser.end() stops the current feed. */
  function stopFeeding(): void {
    if (feeding === null) return;
    feeding = null;
    parser.end();
  }

  /** A throwing handler must not break the state machine. */
  function call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      reportError(error);
    }
  }

  function setState(next: ConnectionState): void {
    state = next;
    call(() => handlers.onState(next));
  }

  function isStale(attempt: Attempt): boolean {
    return finished || live !== attempt;
  }

  // ---- timers of one attempt: the connect timeout, then the idle timeout ----

  function clearAttemptTimer(attempt: Attempt): void {
    if (attempt.timer !== null) {
      clock.clearTimeout(attempt.timer);
      attempt.timer = null;
    }
  }

  function armConnectTimer(attempt: Attempt): void {
    if (!(connectTimeoutMs > 0)) return;
    attempt.timer = clock.setTimeout(() => {
      attempt.timer = null;
      if (isStale(attempt)) return;
      attempt.timedOut = 'connect';
      attempt.controller.abort();
    }, connectTimeoutMs);
  }

  /**
   * One timer per silence, not one per chunk: each byte only stamps `lastByteAt`, and the timer
   * re-arms itself for the remainder when it finds the stream was not quiet that long.
   */
  function armIdleTimer(attempt: Attempt): void {
    if (!(idleTimeoutMs > 0)) return;
    attempt.lastByteAt = clock.now();
    const check = (): void => {
      attempt.timer = null;
      if (isStale(attempt)) return;
      const quietMs = clock.now() - attempt.lastByteAt;
      if (quietMs >= idleTimeoutMs) {
        attempt.timedOut = 'idle';
        attempt.controller.abort();
      } else {
        attempt.timer = clock.setTimeout(check, idleTimeoutMs - quietMs);
      }
    };
    attempt.timer = clock.setTimeout(check, idleTimeoutMs);
  }

  // ---- one attempt ----

  async function runAttempt(): Promise<void> {
    attemptCount += 1;
    const attempt: Attempt = {
      number: attemptCount,
      controller: new AbortController(),
      timedOut: null,
      timer: null,
      lastByteAt: 0,
      openedAt: null,
      asciiSoFar: true,
    };
    live = attempt;
    let result: AttemptResult;
    try {
      result = await perform(attempt);
    } catch (error) {
      // perform() handles every expected failure; this is a bug, reported as a network error.
      result = { type: 'network', error: networkError(options.request.url, error, false) };
    }
    clearAttemptTimer(attempt);
    // Releases the socket of a response we stopped reading (error body, size limit, redirect).
    attempt.controller.abort();
    if (result.type === 'stale' || isStale(attempt)) return;
    live = null;
    settle(attempt, result);
  }

  async function perform(attempt: Attempt): Promise<AttemptResult> {
    let request: SseRequest;
    try {
      request = options.resolveRequest
        ? await options.resolveRequest(attempt.number)
        : options.request;
    } catch (error) {
      if (isStale(attempt)) return STALE;
      const detail = error instanceof Error ? error.message : String(error);
      return {
        type: 'fatal',
        error: invalidRequestError(`could not prepare the request: ${detail}`),
      };
    }
    if (isStale(attempt)) return STALE;
    request = { ...request, method: normalizeMethod(request.method) };
    setState({
      type: 'connecting',
      at: clock.now(),
      attempt: attempt.number,
      url: displayUrl(request.url),
    });
    if (isStale(attempt)) return STALE;
    const invalid = validateRequest(request);
    if (invalid !== null) {
      return { type: 'fatal', error: invalidRequestError(invalid, request.url) };
    }

    armConnectTimer(attempt);
    let response: Response;
    let redirects = 0;
    for (;;) {
      try {
        response = await fetchFn(request.url, {
          ...options.fetchInit,
          method: request.method,
          headers: buildFetchHeaders(request.headers, parser.lastEventId),
          body: fetchBody(request.body),
          // WHATWG EventSource follows redirects; we do it ourselves to strip secrets (§4).
          redirect: 'manual',
          signal: attempt.controller.signal,
        });
      } catch (error) {
        if (isStale(attempt)) return STALE;
        if (attempt.timedOut === 'connect') {
          return { type: 'network', error: connectTimeoutError(request.url, connectTimeoutMs) };
        }
        const failure = networkError(request.url, error, false);
        // An untrusted certificate or wrong proxy credentials do not heal by waiting
        // (a transport marks such errors `permanent`, see transport-errors.ts).
        return isPermanentFailure(error)
          ? { type: 'fatal', error: failure }
          : { type: 'network', error: failure };
      }
      if (isStale(attempt)) return STALE;
      if (!REDIRECT_STATUSES.has(response.status)) break;
      discardBody(response);
      const plan = planRedirect(
        request,
        response.status,
        response.headers.get('location'),
        redirects,
        maxRedirects,
      );
      if (plan.type === 'refuse') {
        return {
          type: 'fatal',
          error: { code: plan.code, message: plan.message, url: displayUrl(request.url) },
        };
      }
      redirects += 1;
      request = plan.request;
      call(() => handlers.onRedirect?.(plan.info));
      if (isStale(attempt)) return STALE;
    }

    clearAttemptTimer(attempt);
    // The idle timeout also guards reading an error body, so a stalled 401 cannot hang us.
    armIdleTimer(attempt);
    const { status } = response;
    if (status === 204) {
      discardBody(response);
      return { type: 'no-content' };
    }
    const contentType = response.headers.get('content-type');
    if (status !== 200 || !isEventStreamContentType(contentType)) {
      // WHATWG EventSource: any other status or type "fails the connection"; the body is kept
      // for the user to read and never parsed as events.
      const snapshot = await snapshotResponse(response, request.url, {
        onBytes: () => {
          attempt.lastByteAt = clock.now();
        },
        isCancelled: () => isStale(attempt),
      });
      if (isStale(attempt)) return STALE;
      if (status !== 200) {
        return {
          type: 'status',
          status,
          retryAfter: response.headers.get('retry-after'),
          error: httpStatusError(snapshot),
        };
      }
      return { type: 'fatal', error: contentTypeError(snapshot, contentType) };
    }

    attempt.openedAt = clock.now();
    setState({
      type: 'open',
      at: attempt.openedAt,
      attempt: attempt.number,
      url: displayUrl(request.url),
      status,
      headers: headerPairs(response.headers),
    });
    if (isStale(attempt)) return STALE;
    return readStream(attempt, response, request.url);
  }

  async function readStream(
    attempt: Attempt,
    response: Response,
    url: string,
  ): Promise<AttemptResult> {
    const body = response.body;
    if (body === null) return { type: 'end' };
    const reader = body.getReader();
    feeding = attempt;
    try {
      for (;;) {
        const { done: ended, value } = await reader.read();
        if (isStale(attempt)) return STALE;
        if (ended) return { type: 'end' };
        // Any byte counts as life, comments included (docs/architecture.md, "The engine").
        attempt.lastByteAt = clock.now();
        if (attempt.asciiSoFar && !isAscii(value)) attempt.asciiSoFar = false;
        try {
          parser.feed(value);
        } catch (error) {
          if (error instanceof SseLimitError) {
            return { type: 'fatal', error: eventTooLargeError(url, error.limitBytes) };
          }
          throw error;
        }
        if (isStale(attempt)) return STALE;
      }
    } catch (error) {
      if (isStale(attempt)) return STALE;
      if (attempt.timedOut === 'idle') {
        return { type: 'network', error: idleTimeoutError(url, idleTimeoutMs), afterOpen: true };
      }
      return { type: 'network', error: networkError(url, error, true), afterOpen: true };
    } finally {
      if (feeding === attempt) feeding = null;
      // WHATWG "Interpreting an event stream": at the end of a body a pending block is
      // discarded; the last event ID and reconnection time carry over to the next response.
      parser.end();
      reader.releaseLock();
    }
  }

  // ---- between attempts ----

  function settle(attempt: Attempt, result: Exclude<AttemptResult, { type: 'stale' }>): void {
    // The backoff starts over only after a connection that stayed open the stable period
    // (RetryPolicy.stableAfterMs; docs in README "Security": the reconnect floor).
    if (attempt.openedAt !== null && clock.now() - attempt.openedAt >= policy.stableAfterMs) {
      retryCount = 0;
    }
    const broke = result.type === 'end' || (result.type === 'network' && result.afterOpen === true);
    if (broke && options.isRunOver?.() === true) {
      finish({
        type: 'closed',
        reason: 'end-of-stream',
        message: 'the stream sent its terminator: the run is over, no reconnect',
      });
      return;
    }
    const safeMethod = SAFE_METHODS.has(normalizeMethod(options.request.method));
    // A non-GET stream that broke off is re-sent only as its resume rule says (resume.ts).
    const resume =
      broke && !safeMethod
        ? resumeDecision(options.resume ?? 'auto', parser.lastEventId, policy.reconnectOnEnd)
        : null;
    const decision = nextRetry(
      resume === null ? policy : { ...policy, reconnectOnEnd: resume.resend },
      retryCount + 1,
      toOutcome(result),
      { serverRetryMs, now: clock.now(), random, safeMethod },
    );
    const withRule = (text: string): string => (resume === null ? text : `${text}; ${resume.rule}`);
    switch (decision.type) {
      case 'retry': {
        retryCount += 1;
        const at = clock.now();
        // The timer is set before the state is reported, so a handler may already
        // close() or reconnectNow() from inside onState.
        backoffTimer = clock.setTimeout(() => {
          backoffTimer = null;
          if (!finished) void runAttempt();
        }, decision.delayMs);
        const error = 'error' in result ? result.error : undefined;
        setState({
          type: 'retrying',
          at,
          attempt: attempt.number,
          delayMs: decision.delayMs,
          until: at + decision.delayMs,
          reason: withRule(decision.reason),
          retry: retryCount,
          maxAttempts: policy.maxAttempts,
          ...(error === undefined ? {} : { error }),
        });
        return;
      }
      case 'stop':
        switch (result.type) {
          case 'end':
            finish({ type: 'closed', reason: 'end-of-stream', message: withRule(decision.reason) });
            return;
          case 'no-content':
            finish({ type: 'closed', reason: 'no-content', message: decision.reason });
            return;
          case 'network':
          case 'status':
          case 'fatal': {
            const suffix = decision.cause === 'exhausted' ? ` ${gaveUpPhrase(retryCount)}` : '';
            finish({
              type: 'failed',
              error: { ...result.error, message: withRule(result.error.message + suffix) },
            });
            return;
          }
          default:
            return assertNever(result);
        }
      default:
        return assertNever(decision);
    }
  }

  type FinalStateBody =
    | { type: 'closed'; reason: CloseReason; message: string }
    | { type: 'failed'; error: ConnectionError };

  /** The only way out: clears every timer, aborts the attempt, settles `done`. */
  function finish(body: FinalStateBody): void {
    if (finished) return;
    finished = true;
    if (backoffTimer !== null) {
      clock.clearTimeout(backoffTimer);
      backoffTimer = null;
    }
    const attempt = live;
    live = null;
    stopFeeding();
    if (attempt !== null) {
      clearAttemptTimer(attempt);
      attempt.controller.abort();
    }
    signal?.removeEventListener('abort', onAbort);
    const final: FinalConnectionState = { ...body, at: clock.now(), attempt: attemptCount };
    setState(final);
    resolveDone(final);
  }

  function onAbort(): void {
    const why: unknown = signal?.reason;
    const detail = why instanceof Error && why.message !== '' ? `: ${why.message}` : '';
    finish({ type: 'closed', reason: 'aborted', message: `aborted by the caller${detail}` });
  }

  return {
    start(): void {
      if (started || finished) return;
      started = true;
      if (signal?.aborted === true) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      void runAttempt();
    },
    close(message?: string): void {
      finish({ type: 'closed', reason: 'user', message: message ?? 'closed by the user' });
    },
    reconnectNow(): void {
      if (!started || finished) return;
      if (backoffTimer !== null) {
        clock.clearTimeout(backoffTimer);
        backoffTimer = null;
        void runAttempt();
        return;
      }
      const attempt = live;
      if (attempt === null) return;
      live = null;
      stopFeeding();
      clearAttemptTimer(attempt);
      attempt.controller.abort();
      void runAttempt();
    },
    get state(): ConnectionState {
      return state;
    },
    get lastEventId(): string {
      return parser.lastEventId;
    },
    done,
  };
}

function toOutcome(result: Exclude<AttemptResult, { type: 'stale' }>): AttemptOutcome {
  switch (result.type) {
    case 'end':
      return { type: 'end' };
    case 'no-content':
      return { type: 'no-content' };
    case 'network':
      return {
        type: 'network',
        message: result.error.message,
        afterOpen: result.afterOpen === true,
      };
    case 'status':
      return {
        type: 'status',
        status: result.status,
        statusText: result.error.statusText,
        retryAfter: result.retryAfter,
      };
    case 'fatal':
      return { type: 'fatal', message: result.error.message };
    default:
      return assertNever(result);
  }
}

function isPermanentFailure(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { permanent?: unknown }).permanent === true
  );
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
