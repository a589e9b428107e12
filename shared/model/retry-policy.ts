import { z } from 'zod';

/**
 * How a connection reconnects (docs/architecture.md, "The engine"). Pure data, so it can be saved in a workspace and
 * edited in the UI; the logic that reads it is `nextRetry` in electron/core/sse/retry.ts.
 *
 * The WHATWG EventSource processing model ("reestablish the connection") only says: wait the
 * reconnection time, then retry. Everything beyond that — backoff, a cap, a limit, retrying some
 * HTTP statuses, not re-sending non-GET requests — is Eventscope's addition (docs/architecture.md, "The SSE protocol").
 */

export {
  DEFAULT_BACKOFF_MULTIPLIER,
  DEFAULT_INITIAL_DELAY_MS,
  DEFAULT_JITTER_RATIO,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MIN_DELAY_MS,
  DEFAULT_RETRY_ON_STATUS,
  DEFAULT_STABLE_AFTER_MS,
  defaultRetryPolicy,
} from './retry-defaults';
import { DEFAULT_MIN_DELAY_MS, DEFAULT_STABLE_AFTER_MS } from './retry-defaults';

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
