import { describe, expect, it } from 'vitest';
import { resumeDecision } from './resume';

describe('resumeDecision', () => {
  it('re-sends under auto only when the stream carried an event id, and says so', () => {
    const withId = resumeDecision('auto', '7', false);
    expect(withId.resend).toBe(true);
    expect(withId.rule).toMatch(/resume auto: the stream carried event id "7"/);
    const withoutId = resumeDecision('auto', '', false);
    expect(withoutId.resend).toBe(false);
    expect(withoutId.rule).toMatch(/carried no event id/);
  });

  it('keeps honouring an explicit reconnect-after-end policy under auto', () => {
    expect(resumeDecision('auto', '', true).resend).toBe(true);
  });

  it('re-sends always under always and never under never, whatever the id', () => {
    expect(resumeDecision('always', '', false)).toMatchObject({ resend: true });
    expect(resumeDecision('never', '42', true)).toMatchObject({ resend: false });
    expect(resumeDecision('never', '42', true).rule).toMatch(/resume never/);
  });
});
