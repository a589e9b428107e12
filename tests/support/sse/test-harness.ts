import type { ConnectionState } from '../../../shared/model/connection-state';
import type { RetryPolicy } from '../../../shared/model/retry-policy';
import { defaultRetryPolicy } from '../../../shared/model/retry-policy';
import type { SseEvent } from '../../../shared/model/sse-event';
import {
  createSseConnection,
  systemClock,
  type Clock,
  type SseConnection,
  type SseConnectionHandlers,
  type SseConnectionOptions,
} from '../../../electron/core/sse/connection';
import type { RedirectInfo } from '../../../electron/core/sse/redirects';
import { waitFor } from './test-server';

/**
 * Runs a connection in a test and records everything it reports. Short timeouts and delays by
 * default so fault tests take milliseconds, not the production 30–45 s.
 */

export interface Recorder {
  conn: SseConnection;
  events: SseEvent[];
  /** Events handed over as their size only (after `conn.reportSizesOnly(true)`). */
  sizes: number[];
  states: ConnectionState[];
  comments: string[];
  retryFields: number[];
  redirects: RedirectInfo[];
  /** Timers the connection set through its clock and has neither cleared nor seen fire. */
  pendingTimers(): number;
  /** State types in order, e.g. ['connecting', 'open', 'retrying', …]. */
  stateTypes(): string[];
  waitForEvents(n: number): Promise<void>;
  waitForState(type: ConnectionState['type'], count?: number): Promise<void>;
}

/** A fast policy for tests: 20 ms base, no jitter unless a test asks for it. */
export function fastPolicy(overrides: Partial<RetryPolicy> = {}, method = 'GET'): RetryPolicy {
  return {
    ...defaultRetryPolicy(method),
    initialDelayMs: 20,
    // Tests of other behaviour run fast; the floor and the stable period have their own tests.
    minDelayMs: 0,
    stableAfterMs: 0,
    maxDelayMs: 200,
    jitterRatio: 0,
    honorServerRetry: false,
    ...overrides,
  };
}

/** The real clock, counting the timers it holds, so a test can prove none is left behind. */
export function trackingClock(): Clock & { pending(): number } {
  const live = new Set<unknown>();
  return {
    now: () => systemClock.now(),
    setTimeout(callback, ms) {
      const handle: unknown = systemClock.setTimeout(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      live.delete(handle);
      systemClock.clearTimeout(handle);
    },
    pending: () => live.size,
  };
}

/** A clock that only moves when told to: timers fire, in order, inside `advance`. */
export function manualClock(start = 1_000_000): Clock & {
  advance(ms: number): void;
  pending(): number;
} {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      nextId += 1;
      timers.set(nextId, { at: now + ms, callback });
      return nextId;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].at <= until && (due === undefined || entry[1].at < due[1].at)) due = entry;
        }
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    pending: () => timers.size,
  };
}

export function record(
  options: Partial<SseConnectionOptions> & Pick<SseConnectionOptions, 'request'>,
  extra: Partial<SseConnectionHandlers> = {},
): Recorder {
  const events: SseEvent[] = [];
  const sizes: number[] = [];
  const states: ConnectionState[] = [];
  const comments: string[] = [];
  const retryFields: number[] = [];
  const redirects: RedirectInfo[] = [];
  const clock = trackingClock();
  const conn = createSseConnection(
    {
      retry: fastPolicy({}, options.request.method),
      connectTimeoutMs: 2_000,
      idleTimeoutMs: 2_000,
      clock,
      ...options,
    },
    {
      onEvent: (e) => {
        events.push(e);
        extra.onEvent?.(e);
      },
      onEventSize: (bytes) => {
        sizes.push(bytes);
        extra.onEventSize?.(bytes);
      },
      onState: (s) => {
        states.push(s);
        extra.onState?.(s);
      },
      onComment: (t) => {
        comments.push(t);
        extra.onComment?.(t);
      },
      onRetryField: (ms) => {
        retryFields.push(ms);
        extra.onRetryField?.(ms);
      },
      onRedirect: (info) => {
        redirects.push(info);
        extra.onRedirect?.(info);
      },
    },
  );
  return {
    conn,
    events,
    sizes,
    states,
    comments,
    retryFields,
    redirects,
    pendingTimers: () => clock.pending(),
    stateTypes: () => states.map((s) => s.type),
    waitForEvents: (n) => waitFor(() => events.length >= n, `${n} events`),
    waitForState: (type, count = 1) =>
      waitFor(
        () => states.filter((s) => s.type === type).length >= count,
        `state ${type} ×${count}`,
      ),
  };
}

export function get(url: string): SseConnectionOptions['request'] {
  return { url, method: 'GET', headers: [] };
}
