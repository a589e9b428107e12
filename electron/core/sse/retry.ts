import type { RetryPolicy } from '../../../shared/model/retry-policy';
import { formatDuration, statusLabel } from './format';
import { assertNever } from '../../../shared/assert-never';

/**
 * The reconnect decision, a pure function of the policy and what just happened (docs/architecture.md, "The engine").
 *
 * WHATWG HTML "Server-sent events", EventSource processing model: after a network error or the
 * end of the body the user agent "reestablishes the connection" after waiting the reconnection
 * time — it may wait longer (backoff) but never shorter. A 204, a non-200 status and a wrong
 * content type "fail the connection" for good; our policy deliberately retries a configured set
 * of statuses (docs/architecture.md, "The SSE protocol": what Eventscope adds).
 */

/** What ended an attempt, as far as the retry decision cares. */
export type AttemptOutcome =
  /** The body ended cleanly. */
  | { type: 'end' }
  /**
   * A network error, including our connect and idle timeouts. `afterOpen`: the stream had
   * started (200 and event-stream), so retrying re-sends a request the server already acted on.
   */
  | { type: 'network'; message: string; afterOpen?: boolean }
  /** A final status other than 200/204 (headers are in; the body is never parsed). */
  | { type: 'status'; status: number; statusText?: string; retryAfter?: string | null }
  /** HTTP 204 No Content: the standard says never reconnect. */
  | { type: 'no-content' }
  /** Anything the standard or we never retry: wrong content type, too large, bad redirect. */
  | { type: 'fatal'; message: string };

export interface RetryContext {
  /** The server's last `retry:` value in ms, or null when it sent none. */
  serverRetryMs: number | null;
  /** Current clock time (ms since the epoch), for a `Retry-After` HTTP date. */
  now: number;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  random: () => number;
  /**
   * GET-like request (RFC 9110 §9.2.1 safe methods): re-sending it after a drop is what
   * EventSource does. Absent = safe.
   */
  safeMethod?: boolean;
}

/** Why the policy stopped: lets the caller word the final state ("gave up after 5 retries"). */
export type StopCause =
  'no-content' | 'fatal' | 'end-not-reconnected' | 'status-not-retried' | 'disabled' | 'exhausted';

export type RetryDecision =
  | { type: 'retry'; delayMs: number; reason: string }
  | { type: 'stop'; reason: string; cause: StopCause };

/** The smallest base that repeated failures grow from, whatever the reconnection time. */
export const MIN_BACKOFF_BASE_MS = 10;

/** `Retry-After` is only meaningful on these (RFC 9110 §10.2.3). */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Decides whether and when to reconnect.
 *
 * @param retry the consecutive reconnect this decision is for: 1 = the first reconnect after a
 *   success (the caller resets it only after a connection stayed open `stableAfterMs`: an event
 *   alone is no proof of health — a server that sends one event and closes would otherwise be
 *   reconnected to at the reconnection time forever).
 */
export function nextRetry(
  policy: RetryPolicy,
  retry: number,
  outcome: AttemptOutcome,
  ctx: RetryContext,
): RetryDecision {
  const why = describeOutcome(outcome);
  switch (outcome.type) {
    case 'no-content':
      return {
        type: 'stop',
        reason: `${why}: the server asked not to reconnect`,
        cause: 'no-content',
      };
    case 'fatal':
      return { type: 'stop', reason: why, cause: 'fatal' };
    case 'end':
      if (!policy.reconnectOnEnd) {
        return {
          type: 'stop',
          reason: `${why} (reconnect after end is off for this request)`,
          cause: 'end-not-reconnected',
        };
      }
      break;
    case 'status':
      if (!policy.retryOnStatus.includes(outcome.status)) {
        return {
          type: 'stop',
          reason: `${why} is not a retried status`,
          cause: 'status-not-retried',
        };
      }
      break;
    case 'network':
      // A stream lost midway is an end the server did not choose: a POST that started a (paid)
      // LLM generation is not re-sent unless the policy reconnects after an end (docs/architecture.md, "The engine").
      if (outcome.afterOpen && ctx.safeMethod === false && !policy.reconnectOnEnd) {
        return {
          type: 'stop',
          reason: `${why} (not re-sent: reconnect after the stream started is off for this request)`,
          cause: 'end-not-reconnected',
        };
      }
      break;
    default:
      return assertNever(outcome);
  }
  if (!policy.enabled) {
    return { type: 'stop', reason: `${why} (reconnecting is off)`, cause: 'disabled' };
  }
  if (policy.maxAttempts !== null && retry > policy.maxAttempts) {
    const n = policy.maxAttempts;
    return {
      type: 'stop',
      reason: `${why} ${gaveUpPhrase(n)}`,
      cause: 'exhausted',
    };
  }

  let delay = backoffDelayMs(policy, retry, ctx.serverRetryMs);
  let reason = why;
  if (
    outcome.type === 'status' &&
    policy.honorRetryAfter &&
    RETRY_AFTER_STATUSES.has(outcome.status)
  ) {
    const retryAfterMs = parseRetryAfterMs(outcome.retryAfter ?? null, ctx.now);
    if (retryAfterMs !== null) {
      reason = `${why} (Retry-After ${formatDuration(retryAfterMs)})`;
      delay = Math.max(delay, retryAfterMs);
    }
  }
  // Jitter only ever adds: a client may wait longer than the reconnection time, never shorter.
  const jitter = Math.floor(delay * policy.jitterRatio * clampUnit(ctx.random()));
  // A `retry:` or Retry-After beyond what a timer can hold would make Node fire it after 1 ms:
  // a reconnect hot loop. Waiting the longest a timer can wait is the honest reading.
  return { type: 'retry', delayMs: Math.min(delay + jitter, MAX_TIMER_DELAY_MS), reason };
}

/** setTimeout's largest delay (2^31 − 1 ms, ~24.8 days); larger ones fire at once. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * The reconnection time (server `retry:` when honoured, else initialDelayMs) grown by the
 * multiplier per consecutive retry, capped at maxDelayMs — but never below the reconnection
 * time itself, even if the server's `retry:` exceeds the cap, and never below minDelayMs.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  retry: number,
  serverRetryMs: number | null,
): number {
  // The floor applies to the server's `retry:` too: `retry: 0` from a server that closes at
  // once would be a reconnect storm. WHATWG EventSource lets a client wait longer, never shorter.
  const reconnectionTime = Math.max(
    policy.honorServerRetry && serverRetryMs !== null ? serverRetryMs : policy.initialDelayMs,
    policy.minDelayMs,
  );
  if (retry <= 1) return Math.ceil(Math.max(0, reconnectionTime));
  // A `retry: 0` (or initialDelayMs 0) would otherwise make a refused connection a hot loop:
  // repeated failures grow from at least this, which the standard allows (longer, never shorter).
  const growthBase = Math.max(reconnectionTime, MIN_BACKOFF_BASE_MS);
  const grown = growthBase * Math.pow(policy.multiplier, retry - 1);
  const capped = Number.isFinite(grown) ? Math.min(grown, policy.maxDelayMs) : policy.maxDelayMs;
  return Math.ceil(Math.max(reconnectionTime, capped));
}

/**
 * `Retry-After: <delay-seconds> | <HTTP-date>` (RFC 9110 §10.2.3) → ms to wait, or null when
 * absent or unparseable. A date in the past means "now" (0).
 */
export function parseRetryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP-date: IMF-fixdate, or the obsolete RFC 850 / asctime forms, all of which Date.parse reads.
  if (!/[a-z]/i.test(trimmed)) return null;
  const when = Date.parse(trimmed);
  if (Number.isNaN(when)) return null;
  return Math.max(0, when - now);
}

function describeOutcome(outcome: AttemptOutcome): string {
  switch (outcome.type) {
    case 'end':
      return 'the server ended the stream';
    case 'network':
      return outcome.message;
    case 'status':
      return statusLabel(outcome.status, outcome.statusText);
    case 'no-content':
      return statusLabel(204, 'No Content');
    case 'fatal':
      return outcome.message;
    default:
      return assertNever(outcome);
  }
}

/** "(gave up after 3 retries)", or for maxAttempts 0 "(no retries allowed: maxAttempts is 0)". */
export function gaveUpPhrase(retries: number): string {
  if (retries === 0) return '(no retries allowed: maxAttempts is 0)';
  return `(gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'})`;
}

function clampUnit(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0;
}
