import type { ConnectionError, ConnectionState } from '../../../shared/model/connection-state';
import { isEventStreamContentType } from './content-type';
import type { Clock, FetchFunction, SseConnectionOptions } from './connection-options';
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
import { SseLimitError, type SseParser } from './parser';
import { planRedirect, REDIRECT_STATUSES, type RedirectInfo } from './redirects';
import { discardBody, headerPairs, snapshotResponse } from './response';
import {
  buildFetchHeaders,
  fetchBody,
  normalizeMethod,
  validateRequest,
  type SseRequest,
} from './request';

/**
 * One attempt of a connection: resolve the request, fetch it, follow redirects ourselves,
 * check status and content type, then feed the body to the parser — with the connect timeout
 * until the final response's headers and the idle timeout after. What it ends with goes back
 * to the state machine (connection.ts), which decides between retrying, closing and failing.
 */

/** What one attempt ended with. `stale`: it was superseded or the connection closed. */
export type AttemptResult =
  | { type: 'stale' }
  | { type: 'end' }
  | { type: 'no-content' }
  | { type: 'network'; error: ConnectionError; afterOpen?: boolean }
  | { type: 'status'; error: ConnectionError; status: number; retryAfter: string | null }
  | { type: 'fatal'; error: ConnectionError };

export interface Attempt {
  readonly number: number;
  readonly controller: AbortController;
  /** Which of our timers aborted it, so the abort is reported as that timeout. */
  timedOut: 'connect' | 'idle' | null;
  timer: unknown;
  lastByteAt: number;
  /** When the stream opened (200 + event-stream), or null if it never did. */
  openedAt: number | null;
}

/** What an attempt needs from its connection: settings, the parser, and the state machine. */
export interface AttemptContext {
  readonly options: Pick<SseConnectionOptions, 'request' | 'resolveRequest' | 'fetchInit'>;
  readonly fetch: FetchFunction;
  readonly clock: Clock;
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxRedirects: number;
  readonly parser: SseParser;
  /** True once the attempt was superseded or the connection finished. */
  isStale(attempt: Attempt): boolean;
  setState(state: ConnectionState): void;
  onRedirect(info: RedirectInfo): void;
  /** The parser's events are this attempt's from now on… */
  beginFeeding(attempt: Attempt): void;
  /** …until this (a no-op when another attempt feeds by now). */
  endFeeding(attempt: Attempt): void;
}

const STALE: AttemptResult = { type: 'stale' };

export function newAttempt(number: number): Attempt {
  return {
    number,
    controller: new AbortController(),
    timedOut: null,
    timer: null,
    lastByteAt: 0,
    openedAt: null,
  };
}

export function clearAttemptTimer(clock: Clock, attempt: Attempt): void {
  if (attempt.timer !== null) {
    clock.clearTimeout(attempt.timer);
    attempt.timer = null;
  }
}

function armConnectTimer(ctx: AttemptContext, attempt: Attempt): void {
  if (!(ctx.connectTimeoutMs > 0)) return;
  attempt.timer = ctx.clock.setTimeout(() => {
    attempt.timer = null;
    if (ctx.isStale(attempt)) return;
    attempt.timedOut = 'connect';
    attempt.controller.abort();
  }, ctx.connectTimeoutMs);
}

/**
 * One timer per silence, not one per chunk: each byte only stamps `lastByteAt`, and the timer
 * re-arms itself for the remainder when it finds the stream was not quiet that long.
 */
function armIdleTimer(ctx: AttemptContext, attempt: Attempt): void {
  const { clock, idleTimeoutMs } = ctx;
  if (!(idleTimeoutMs > 0)) return;
  attempt.lastByteAt = clock.now();
  const check = (): void => {
    attempt.timer = null;
    if (ctx.isStale(attempt)) return;
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

/** Runs the attempt to its end; expected failures are results, never exceptions. */
export async function performAttempt(
  ctx: AttemptContext,
  attempt: Attempt,
): Promise<AttemptResult> {
  const { options, clock } = ctx;
  let request: SseRequest;
  try {
    request = options.resolveRequest
      ? await options.resolveRequest(attempt.number)
      : options.request;
  } catch (error) {
    if (ctx.isStale(attempt)) return STALE;
    const detail = error instanceof Error ? error.message : String(error);
    return {
      type: 'fatal',
      error: invalidRequestError(`could not prepare the request: ${detail}`),
    };
  }
  if (ctx.isStale(attempt)) return STALE;
  request = { ...request, method: normalizeMethod(request.method) };
  ctx.setState({
    type: 'connecting',
    at: clock.now(),
    attempt: attempt.number,
    url: displayUrl(request.url),
  });
  if (ctx.isStale(attempt)) return STALE;
  const invalid = validateRequest(request);
  if (invalid !== null) {
    return { type: 'fatal', error: invalidRequestError(invalid, request.url) };
  }

  armConnectTimer(ctx, attempt);
  let response: Response;
  let redirects = 0;
  for (;;) {
    try {
      response = await ctx.fetch(request.url, {
        ...options.fetchInit,
        method: request.method,
        headers: buildFetchHeaders(request.headers, ctx.parser.lastEventId),
        body: fetchBody(request.body),
        // WHATWG EventSource follows redirects; we do it ourselves to strip secrets (redirects.ts).
        redirect: 'manual',
        signal: attempt.controller.signal,
      });
    } catch (error) {
      if (ctx.isStale(attempt)) return STALE;
      if (attempt.timedOut === 'connect') {
        return { type: 'network', error: connectTimeoutError(request.url, ctx.connectTimeoutMs) };
      }
      const failure = networkError(request.url, error, false);
      // An untrusted certificate or wrong proxy credentials do not heal by waiting
      // (a transport marks such errors `permanent`, see transport-errors.ts).
      return isPermanentFailure(error)
        ? { type: 'fatal', error: failure }
        : { type: 'network', error: failure };
    }
    if (ctx.isStale(attempt)) return STALE;
    if (!REDIRECT_STATUSES.has(response.status)) break;
    discardBody(response);
    const plan = planRedirect(
      request,
      response.status,
      response.headers.get('location'),
      redirects,
      ctx.maxRedirects,
    );
    if (plan.type === 'refuse') {
      return {
        type: 'fatal',
        error: { code: plan.code, message: plan.message, url: displayUrl(request.url) },
      };
    }
    redirects += 1;
    request = plan.request;
    ctx.onRedirect(plan.info);
    if (ctx.isStale(attempt)) return STALE;
  }

  clearAttemptTimer(clock, attempt);
  // The idle timeout also guards reading an error body, so a stalled 401 cannot hang us.
  armIdleTimer(ctx, attempt);
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
      isCancelled: () => ctx.isStale(attempt),
    });
    if (ctx.isStale(attempt)) return STALE;
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
  ctx.setState({
    type: 'open',
    at: attempt.openedAt,
    attempt: attempt.number,
    url: displayUrl(request.url),
    status,
    headers: headerPairs(response.headers),
  });
  if (ctx.isStale(attempt)) return STALE;
  return readStream(ctx, attempt, response, request.url);
}

async function readStream(
  ctx: AttemptContext,
  attempt: Attempt,
  response: Response,
  url: string,
): Promise<AttemptResult> {
  const body = response.body;
  if (body === null) return { type: 'end' };
  const reader = body.getReader();
  ctx.beginFeeding(attempt);
  try {
    for (;;) {
      const { done: ended, value } = await reader.read();
      if (ctx.isStale(attempt)) return STALE;
      if (ended) return { type: 'end' };
      // Any byte counts as life, comments included; one clock read per chunk, not per event.
      attempt.lastByteAt = ctx.clock.now();
      try {
        ctx.parser.feed(value);
      } catch (error) {
        if (error instanceof SseLimitError) {
          return { type: 'fatal', error: eventTooLargeError(url, error.limitBytes) };
        }
        throw error;
      }
      if (ctx.isStale(attempt)) return STALE;
    }
  } catch (error) {
    if (ctx.isStale(attempt)) return STALE;
    if (attempt.timedOut === 'idle') {
      return {
        type: 'network',
        error: idleTimeoutError(url, ctx.idleTimeoutMs),
        afterOpen: true,
      };
    }
    return { type: 'network', error: networkError(url, error, true), afterOpen: true };
  } finally {
    ctx.endFeeding(attempt);
    // WHATWG "Interpreting an event stream": at the end of a body a pending block is
    // discarded; the last event ID and reconnection time carry over to the next response.
    ctx.parser.end();
    reader.releaseLock();
  }
}

function isPermanentFailure(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { permanent?: unknown }).permanent === true
  );
}
