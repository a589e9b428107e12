import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, type RetryPolicy } from '../../../shared/model/retry-policy';
import {
  MAX_TIMER_DELAY_MS,
  backoffDelayMs,
  nextRetry,
  parseRetryAfterMs,
  type AttemptOutcome,
  type RetryContext,
} from './retry';
import { seededRandom } from '../../../tests/support/seeded-random';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const network: AttemptOutcome = { type: 'network', message: 'connection lost: socket hang up' };

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    ...defaultRetryPolicy('GET'),
    initialDelayMs: 1000,
    maxDelayMs: 30_000,
    multiplier: 2,
    jitterRatio: 0,
    ...overrides,
  };
}

function ctx(overrides: Partial<RetryContext> = {}): RetryContext {
  return { serverRetryMs: null, now: NOW, random: () => 0, ...overrides };
}

describe('nextRetry', () => {
  it.each<[string, Partial<RetryPolicy>, number, AttemptOutcome, Partial<RetryContext>, string]>([
    ['waits initialDelayMs before the first reconnect', {}, 1, network, {}, 'retry 1000'],
    ['doubles the wait on the second retry', {}, 2, network, {}, 'retry 2000'],
    ['grows exponentially on the fifth retry', {}, 5, network, {}, 'retry 16000'],
    ['caps the backoff at maxDelayMs', {}, 9, network, {}, 'retry 30000'],
    [
      'uses the server retry field as the reconnection time',
      {},
      1,
      network,
      { serverRetryMs: 250 },
      'retry 250',
    ],
    [
      'ignores the server retry field when not honoured',
      { honorServerRetry: false },
      1,
      network,
      { serverRetryMs: 250 },
      'retry 1000',
    ],
    [
      'never waits less than a server retry larger than the cap',
      {},
      4,
      network,
      { serverRetryMs: 60_000 },
      'retry 60000',
    ],
    [
      'reconnects at once after a first failure when the reconnection time and the floor are 0',
      { initialDelayMs: 0, minDelayMs: 0 },
      1,
      network,
      {},
      'retry 0',
    ],
    [
      'backs off from 10 ms when the reconnection time and the floor are 0, so a dead server is not hammered',
      { initialDelayMs: 0, minDelayMs: 0 },
      3,
      network,
      {},
      'retry 40',
    ],
    [
      'backs off from 10 ms after a server retry of 0 when the floor is 0',
      { minDelayMs: 0 },
      2,
      network,
      { serverRetryMs: 0 },
      'retry 20',
    ],
    [
      'waits at least the default floor of 250 ms after a server retry of 0',
      { minDelayMs: defaultRetryPolicy('GET').minDelayMs },
      1,
      { type: 'end' },
      { serverRetryMs: 0 },
      'retry 250',
    ],
    [
      'grows from the floor when the reconnection time is below it',
      { initialDelayMs: 0, minDelayMs: 250 },
      3,
      network,
      {},
      'retry 1000',
    ],
    [
      'keeps a longer server retry above the floor',
      { minDelayMs: 250 },
      1,
      { type: 'end' },
      { serverRetryMs: 400 },
      'retry 400',
    ],
    ['keeps a constant delay with multiplier 1', { multiplier: 1 }, 7, network, {}, 'retry 1000'],
    ['reconnects after a clean end of a GET', {}, 1, { type: 'end' }, {}, 'retry 1000'],
    [
      'does not reconnect after an end when reconnectOnEnd is off',
      { reconnectOnEnd: false },
      1,
      { type: 'end' },
      {},
      'stop end-not-reconnected',
    ],
    ['never reconnects after a 204', {}, 1, { type: 'no-content' }, {}, 'stop no-content'],
    [
      'never reconnects after a fatal error',
      {},
      1,
      { type: 'fatal', message: 'wrong type' },
      {},
      'stop fatal',
    ],
    ['retries a 502', {}, 1, { type: 'status', status: 502 }, {}, 'retry 1000'],
    ['fails on a 401', {}, 1, { type: 'status', status: 401 }, {}, 'stop status-not-retried'],
    [
      'retries a 401 when the policy lists it',
      { retryOnStatus: [401] },
      1,
      { type: 'status', status: 401 },
      {},
      'retry 1000',
    ],
    ['stops when retrying is disabled', { enabled: false }, 1, network, {}, 'stop disabled'],
    ['stops after maxAttempts retries', { maxAttempts: 3 }, 4, network, {}, 'stop exhausted'],
    ['allows the last of maxAttempts retries', { maxAttempts: 3 }, 3, network, {}, 'retry 4000'],
    ['never reconnects with maxAttempts 0', { maxAttempts: 0 }, 1, network, {}, 'stop exhausted'],
    [
      'waits Retry-After seconds on a 503',
      {},
      1,
      { type: 'status', status: 503, retryAfter: '7' },
      {},
      'retry 7000',
    ],
    [
      'waits until a Retry-After HTTP date on a 429',
      {},
      1,
      { type: 'status', status: 429, retryAfter: new Date(NOW + 12_000).toUTCString() },
      {},
      'retry 12000',
    ],
    [
      'keeps the backoff when Retry-After is shorter',
      {},
      4,
      { type: 'status', status: 503, retryAfter: '1' },
      {},
      'retry 8000',
    ],
    [
      'ignores Retry-After on a 500',
      {},
      1,
      { type: 'status', status: 500, retryAfter: '9' },
      {},
      'retry 1000',
    ],
    [
      'ignores Retry-After when not honoured',
      { honorRetryAfter: false },
      1,
      { type: 'status', status: 503, retryAfter: '9' },
      {},
      'retry 1000',
    ],
    [
      'ignores an unparseable Retry-After',
      {},
      1,
      { type: 'status', status: 503, retryAfter: 'soon' },
      {},
      'retry 1000',
    ],
  ])('%s', (_name, overrides, retry, outcome, context, expected) => {
    const decision = nextRetry(policy(overrides), retry, outcome, ctx(context));
    const summary =
      decision.type === 'retry' ? `retry ${decision.delayMs}` : `stop ${decision.cause}`;
    expect(summary).toBe(expected);
    expect(decision.reason).not.toBe('');
  });

  it('adds the same jitter for the same seed and different jitter for different seeds', () => {
    const p = policy({ jitterRatio: 0.5 });
    const a = nextRetry(p, 1, network, ctx({ random: seededRandom(1) }));
    const b = nextRetry(p, 1, network, ctx({ random: seededRandom(1) }));
    const c = nextRetry(p, 1, network, ctx({ random: seededRandom(2) }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives jittered delays within [delay, delay × (1 + jitterRatio)] for a seeded sequence', () => {
    const random = seededRandom(42);
    const p = policy({ jitterRatio: 0.3 });
    const delays = Array.from({ length: 6 }, (_, i) => {
      const d = nextRetry(p, i + 1, network, ctx({ random }));
      return d.type === 'retry' ? d.delayMs : -1;
    });
    const bases = [1000, 2000, 4000, 8000, 16000, 30000];
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(bases[i] ?? 0);
      expect(delay).toBeLessThanOrEqual((bases[i] ?? 0) * 1.3);
    });
    expect(new Set(delays.map((d, i) => d - (bases[i] ?? 0))).size).toBeGreaterThan(1);
  });

  it('says which status and Retry-After it is waiting for', () => {
    const d = nextRetry(policy(), 1, { type: 'status', status: 503, retryAfter: '2' }, ctx());
    expect(d.reason).toBe('HTTP 503 Service Unavailable (Retry-After 2 s)');
  });

  it('never waits less than the reconnection time, whatever the policy and random source', () => {
    fc.assert(
      fc.property(
        fc.record({
          initialDelayMs: fc.integer({ min: 0, max: 100_000 }),
          maxDelayMs: fc.integer({ min: 0, max: 100_000 }),
          multiplier: fc.double({ min: 1, max: 10, noNaN: true }),
          jitterRatio: fc.double({ min: 0, max: 2, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 2000 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (overrides, retry, serverRetryMs, r) => {
          const p = policy(overrides);
          const d = nextRetry(p, retry, network, ctx({ serverRetryMs, random: () => r }));
          const reconnectionTime = serverRetryMs ?? p.initialDelayMs;
          expect(d.type).toBe('retry');
          if (d.type !== 'retry') return;
          expect(Number.isFinite(d.delayMs)).toBe(true);
          expect(d.delayMs).toBeGreaterThanOrEqual(reconnectionTime);
          expect(d.delayMs).toBeGreaterThanOrEqual(backoffDelayMs(p, retry, serverRetryMs));
        },
      ),
    );
  });
});

describe('parseRetryAfterMs', () => {
  it.each<[string | null, number | null]>([
    ['120', 120_000],
    [' 3 ', 3000],
    ['0', 0],
    [new Date(NOW + 5000).toUTCString(), 5000],
    [new Date(NOW - 5000).toUTCString(), 0],
    ['-1', null],
    ['1.5', null],
    ['', null],
    ['tomorrow-ish', null],
    [null, null],
  ])('reads %j as %j ms', (value, expected) => {
    expect(parseRetryAfterMs(value, NOW)).toBe(expected);
  });
});

describe('retry safety limits', () => {
  const ctx = { serverRetryMs: null, now: 0, random: () => 0.5 };

  it('never waits longer than a timer can hold, so a huge retry: cannot become a hot loop', () => {
    const policy = defaultRetryPolicy('GET');
    const decision = nextRetry(
      policy,
      1,
      { type: 'end' },
      { ...ctx, serverRetryMs: 3_000_000_000 },
    );
    expect(decision).toMatchObject({ type: 'retry', delayMs: MAX_TIMER_DELAY_MS });
    const retryAfter = nextRetry(
      policy,
      1,
      { type: 'status', status: 503, retryAfter: String(60 * 60 * 24 * 365) },
      ctx,
    );
    expect(retryAfter).toMatchObject({ type: 'retry', delayMs: MAX_TIMER_DELAY_MS });
  });

  it('does not re-send a POST whose stream broke off after it started, unless asked', () => {
    const post = defaultRetryPolicy('POST');
    const broke = { type: 'network' as const, message: 'idle', afterOpen: true };
    expect(nextRetry(post, 1, broke, { ...ctx, safeMethod: false })).toMatchObject({
      type: 'stop',
      cause: 'end-not-reconnected',
    });
    expect(
      nextRetry({ ...post, reconnectOnEnd: true }, 1, broke, { ...ctx, safeMethod: false }).type,
    ).toBe('retry');
    // Before the stream started nothing was acted on: a refused POST is retried by the policy.
    expect(
      nextRetry(post, 1, { ...broke, afterOpen: false }, { ...ctx, safeMethod: false }).type,
    ).toBe('retry');
    // A GET that broke off reconnects, as EventSource does.
    expect(
      nextRetry({ ...post, reconnectOnEnd: false }, 1, broke, { ...ctx, safeMethod: true }).type,
    ).toBe('retry');
  });
});
