import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';

describe('createRedactor', () => {
  it('replaces a whole secret value and its credential part alone', () => {
    const redact = createRedactor(['Bearer sk-abcdef']);
    expect(redact('got "Bearer sk-abcdef"')).toBe('got "[redacted]"');
    expect(redact('token sk-abcdef expired')).toBe('token [redacted] expired');
  });

  it('leaves text alone when there are no secrets, or only very short ones', () => {
    expect(createRedactor([])('Bearer x')).toBe('Bearer x');
    expect(createRedactor(['on'])('connection')).toBe('connection');
  });
});
