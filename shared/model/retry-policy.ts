import { z } from 'zod';

/**
 * How a connection reconnects (issue #3 §3). Pure data, so it can be saved in a workspace and
 * edited in the UI; the logic that reads it is `nextRetry` in electron/core/sse/retry.ts.
 *
 * The WHATWG EventSource processing model ("reestablish the connection") only says: wait the
 * reconnection time, then retry. Everything beyond that — backoff, a cap, a limit, retrying some
 * HTTP statuses, not re-sending non-GET requests — is Eventscope's addition (SSE-RULES.md).
 */

/** Statuses retried by default: transient server/proxy conditions (RFC 9110 §15.5.9, §15.6). */
export const DEFAULT_RETRY_ON_STATUS: readonly number[] = [408, 429, 500, 502, 503, 504];
/** Browsers use about 3 s when the server sends no `retry:` field. */
export const DEFAULT_INITIAL_DELAY_MS = 3_000;
export const DEFAULT_MAX_DELAY_MS = 60_000;
export const DEFAULT_BACKOFF_MULTIPLIER = 2;
/** Up to +30 % per wait, so many clients dropped at once do not come back in lockstep. */
export const DEFAULT_JITTER_RATIO = 0.3;
/**
 * No reconnect is sooner than this, whatever the server's `retry:` says: a server sending
 * `retry: 0` and closing at once would otherwise be hit hundreds of times a second. The standard
 * allows it: a client may wait longer than the reconnection time, never shorter.
 */
export const DEFAULT_MIN_DELAY_MS = 250;
/**
 * The backoff starts over only after a connection stayed open this long; an event alone does
 * not reset it (a server that sends one event and closes would reset it every time).
 * LaunchDarkly's SDKs use 60 s for the same purpose.
 */
export const DEFAULT_STABLE_AFTER_MS = 30_000;

export const RetryPolicySchema = z.object({
  /** false: never reconnect; the first end or error is final. */
  enabled: z.boolean(),
  /** The reconnection time used when the server sent no (honoured) `retry:` field. */
  initialDelayMs: z.number().int().min(0),
  /** Floor of every reconnect delay, the server's `retry:` included; jitter only adds to it. */
  minDelayMs: z.number().int().min(0).default(DEFAULT_MIN_DELAY_MS),
  /** A connection open this long (ms) resets the backoff to the first attempt. */
  stableAfterMs: z.number().int().min(0).default(DEFAULT_STABLE_AFTER_MS),
  /** Cap of the exponential backoff, before jitter (jitter only ever adds). */
  maxDelayMs: z.number().int().min(0),
  /** Backoff factor per consecutive failed attempt; 1 = constant delay. */
  multiplier: z.number().min(1).max(100),
  /** Each wait is lengthened by a random 0…jitterRatio of itself; 0 = no jitter. */
  jitterRatio: z.number().min(0).max(10),
  /** Consecutive reconnects allowed without a stable connection between; null = unlimited. */
  maxAttempts: z.number().int().min(0).nullable(),
  /** HTTP statuses that are retried instead of failing the connection. 204 never is. */
  retryOnStatus: z.array(z.number().int().min(100).max(599)),
  /** Wait at least the `Retry-After` (seconds or HTTP date) of a 429 or 503. */
  honorRetryAfter: z.boolean(),
  /** Use the server's `retry:` field as the reconnection time. */
  honorServerRetry: z.boolean(),
  /** Reconnect after the server ends the body cleanly. Off by default for non-GET requests. */
  reconnectOnEnd: z.boolean(),
});

export type RetryPolicy = z.infer<typeof RetryPolicySchema>;

/**
 * The default policy for a request method. Only GET reconnects after a clean end: re-sending
 * a POST may start (and bill) a new LLM generation, so it is never done unasked (issue #3 §3).
 */
export function defaultRetryPolicy(method: string): RetryPolicy {
  return {
    enabled: true,
    initialDelayMs: DEFAULT_INITIAL_DELAY_MS,
    minDelayMs: DEFAULT_MIN_DELAY_MS,
    stableAfterMs: DEFAULT_STABLE_AFTER_MS,
    maxDelayMs: DEFAULT_MAX_DELAY_MS,
    multiplier: DEFAULT_BACKOFF_MULTIPLIER,
    jitterRatio: DEFAULT_JITTER_RATIO,
    maxAttempts: null,
    retryOnStatus: [...DEFAULT_RETRY_ON_STATUS],
    honorRetryAfter: true,
    honorServerRetry: true,
    reconnectOnEnd: method.toUpperCase() === 'GET',
  };
}
