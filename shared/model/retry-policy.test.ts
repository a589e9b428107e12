import { expect, it } from 'vitest';
import { defaultRetryPolicy, RetryPolicySchema } from './retry-policy';

it('reconnects after a clean end by default only for GET', () => {
  expect(defaultRetryPolicy('GET').reconnectOnEnd).toBe(true);
  expect(defaultRetryPolicy('get').reconnectOnEnd).toBe(true);
  expect(defaultRetryPolicy('POST').reconnectOnEnd).toBe(false);
  expect(defaultRetryPolicy('X-STREAM').reconnectOnEnd).toBe(false);
});

it('retries 408, 429, 500, 502, 503 and 504 by default, with unlimited attempts', () => {
  const policy = defaultRetryPolicy('GET');
  expect(policy.retryOnStatus).toEqual([408, 429, 500, 502, 503, 504]);
  expect(policy.maxAttempts).toBeNull();
});

it('validates the default policy and rejects a multiplier below 1', () => {
  expect(RetryPolicySchema.parse(defaultRetryPolicy('GET'))).toEqual(defaultRetryPolicy('GET'));
  expect(
    RetryPolicySchema.safeParse({ ...defaultRetryPolicy('GET'), multiplier: 0.5 }).success,
  ).toBe(false);
});
