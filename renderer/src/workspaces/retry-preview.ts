import type { RetryPolicy } from '../../../shared/model/retry-policy';

/** How many waits the preview spells out before "…". */
const PREVIEW_DELAYS = 3;

/**
 * The waits a policy makes when every attempt fails, as electron/core/sse/retry.ts computes
 * them before jitter (jitter only ever adds): initial × multiplier^n, capped.
 */
export type RetryPreview =
  | { type: 'never' }
  | { type: 'limited'; attempts: number; delaysMs: number[]; more: boolean }
  | { type: 'unlimited'; delaysMs: number[] };

export function retryPreview(policy: RetryPolicy): RetryPreview {
  if (!policy.enabled || policy.maxAttempts === 0) return { type: 'never' };
  const count =
    policy.maxAttempts === null ? PREVIEW_DELAYS : Math.min(policy.maxAttempts, PREVIEW_DELAYS);
  const delaysMs: number[] = [];
  for (let n = 0; n < count; n++) {
    delaysMs.push(Math.min(policy.initialDelayMs * policy.multiplier ** n, policy.maxDelayMs));
  }
  if (policy.maxAttempts === null) return { type: 'unlimited', delaysMs };
  return {
    type: 'limited',
    attempts: policy.maxAttempts,
    delaysMs,
    more: policy.maxAttempts > PREVIEW_DELAYS,
  };
}

/** 1500 → "1.5 s", 60000 → "60 s", 250 → "250 ms". */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
