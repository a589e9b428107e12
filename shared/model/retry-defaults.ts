import type { RetryPolicy } from './retry-policy';

/**
 * The default retry policy, without its schema: the page and the CLI's `watch` build defaults
 * but never validate a policy, so they must not load a validation library for it
 * (docs/performance.md, "The page").
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

/**
 * The default policy for a request method. Only GET reconnects after a clean end: re-sending
 * a POST may start (and bill) a new LLM generation, so it is never done unasked (docs/architecture.md, "The engine").
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
