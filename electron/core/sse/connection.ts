import { Buffer } from 'node:buffer';
import type {
  CloseReason,
  ConnectionError,
  ConnectionState,
} from '../../../shared/model/connection-state';
import { defaultRetryPolicy } from '../../../shared/model/retry-defaults';
import type { SseEvent } from '../../../shared/model/sse-event';
import {
  clearAttemptTimer,
  newAttempt,
  performAttempt,
  type Attempt,
  type AttemptContext,
  type AttemptResult,
} from './connection-attempt';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_EVENT_BYTES,
  systemClock,
  type FetchFunction,
  type FinalConnectionState,
  type SseConnection,
  type SseConnectionHandlers,
  type SseConnectionOptions,
} from './connection-options';
import { networkError } from './errors';
import { createSseParser } from './parser';
import { DEFAULT_MAX_REDIRECTS } from './redirects';
import { normalizeMethod, userLastEventId } from './request';
import { gaveUpPhrase, nextRetry, type AttemptOutcome } from './retry';
import { resumeDecision } from './resume';
import { assertNever } from '../../../shared/assert-never';

// The options, handlers and handle live in connection-options.ts; importers keep using this module.
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_EVENT_BYTES,
  systemClock,
} from './connection-options';
export type {
  Clock,
  ExtraFetchInit,
  FetchFunction,
  FinalConnectionState,
  SseConnection,
  SseConnectionHandlers,
  SseConnectionOptions,
} from './connection-options';

/**
 * One SSE connection: a fetch-based EventSource with any method, headers and body, a retry
 * policy, timeouts, a size limit and careful redirects (docs/architecture.md; WHATWG HTML "Server-sent events").
 * This module is the state machine; one attempt's fetch, redirects and read are
 * connection-attempt.ts, the options and types connection-options.ts.
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
      onEvent: (event) => dispatchEvent(event.type, event.data, event.lastEventId),
      onEventFields: dispatchEvent,
      onEventSize: (sizeBytes) => {
        if (!isFeeding()) return;
        try {
          handlers.onEventSize?.(sizeBytes);
        } catch (error) {
          reportError(error);
        }
      },
      ...(handlers.onEventSizes !== undefined
        ? {
            onEventSizes: (events: number, sizeBytes: number) => {
              if (!isFeeding()) return;
              try {
                handlers.onEventSizes?.(events, sizeBytes);
              } catch (error) {
                reportError(error);
              }
            },
          }
        : {}),
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

  function dispatchEvent(type: string, data: string, lastEventId: string): void {
    const attempt = feeding;
    if (!isFeeding() || attempt === null) return;
    const sseEvent: SseEvent = {
      type,
      data,
      lastEventId,
      attempt: attempt.number,
      // Per-event costs add up at 200k events/s (docs/performance.md): while every byte of the
      // response so far was ASCII, the UTF-8 size is the string length; and the arrival time is
      // that of the chunk that completed the event, read once per chunk, not once per event.
      sizeBytes: parser.bodyAscii ? data.length : Buffer.byteLength(data, 'utf8'),
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

  const attemptContext: AttemptContext = {
    options,
    fetch: fetchFn,
    clock,
    connectTimeoutMs,
    idleTimeoutMs,
    maxRedirects,
    parser,
    isStale,
    setState,
    onRedirect: (info) => call(() => handlers.onRedirect?.(info)),
    beginFeeding: (attempt) => {
      feeding = attempt;
    },
    endFeeding: (attempt) => {
      if (feeding === attempt) feeding = null;
    },
  };

  // ---- one attempt (connection-attempt.ts) ----

  async function runAttempt(): Promise<void> {
    attemptCount += 1;
    const attempt = newAttempt(attemptCount);
    live = attempt;
    let result: AttemptResult;
    try {
      result = await performAttempt(attemptContext, attempt);
    } catch (error) {
      // performAttempt() handles every expected failure; this is a bug, reported as a network error.
      result = { type: 'network', error: networkError(options.request.url, error, false) };
    }
    clearAttemptTimer(clock, attempt);
    // Releases the socket of a response we stopped reading (error body, size limit, redirect).
    attempt.controller.abort();
    if (result.type === 'stale' || isStale(attempt)) return;
    live = null;
    settle(attempt, result);
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
      clearAttemptTimer(clock, attempt);
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
      clearAttemptTimer(clock, attempt);
      attempt.controller.abort();
      void runAttempt();
    },
    reportSizesOnly(on: boolean): void {
      if (on && !handlers.onEventSize) {
        throw new TypeError('reportSizesOnly(true) needs an onEventSize handler');
      }
      parser.setSizesOnly(on);
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

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
