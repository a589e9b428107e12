import { mount } from '@vue/test-utils';
import { reactive } from 'vue';
import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy } from '../../../shared/model/retry-defaults';
import { i18n } from '../i18n';
import RetryPolicyFields from './RetryPolicyFields.vue';
import { formatDelay, retryPreview } from './retry-preview';

describe('the retry policy fields', () => {
  it('limits the attempts typed in the number box and says so in plain language', async () => {
    // Reactive, as the editor's draft is.
    const policy = reactive({ ...defaultRetryPolicy('GET'), initialDelayMs: 1000 });
    const wrapper = mount(RetryPolicyFields, {
      props: { modelValue: policy },
      global: { plugins: [i18n] },
    });
    const attempts = wrapper.findAll('input[type="number"]').at(-1)!;
    await attempts.setValue('5');
    expect(policy.maxAttempts).toBe(5);
    expect(wrapper.get('.preview').text()).toBe(
      'Reconnects up to 5 times after 1 s, 2 s, 4 s …, then gives up.',
    );
    await attempts.setValue('');
    expect(policy.maxAttempts).toBeNull();
    expect(wrapper.get('.preview').text()).toBe('Reconnects without limit after 1 s, 2 s, 4 s …');
  });
});

describe('the retry preview', () => {
  it('caps the waits at the maximum delay and says never when reconnecting is off', () => {
    const policy = { ...defaultRetryPolicy('GET'), initialDelayMs: 20_000, maxAttempts: 2 };
    expect(retryPreview(policy)).toEqual({
      type: 'limited',
      attempts: 2,
      delaysMs: [20_000, 40_000],
      more: false,
    });
    expect(retryPreview({ ...policy, maxDelayMs: 30_000 })).toMatchObject({
      delaysMs: [20_000, 30_000],
    });
    expect(retryPreview({ ...policy, enabled: false })).toEqual({ type: 'never' });
    expect(formatDelay(1500)).toBe('1.5 s');
    expect(formatDelay(250)).toBe('250 ms');
  });
});
