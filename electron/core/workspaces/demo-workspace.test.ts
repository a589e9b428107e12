import { describe, expect, it } from 'vitest';
import { createDemoWorkspace, demoLanguage } from './demo-workspace';

describe('the demo workspace', () => {
  it('does not reconnect the Burst endpoint after its burst ends (it would send it again forever)', () => {
    const endpoints = createDemoWorkspace().endpoints;
    const burst = endpoints.find((endpoint) => endpoint.url.includes('/burst'));
    expect(burst?.retry.reconnectOnEnd).toBe(false);
    // The live streams still reconnect as GET streams do.
    const clock = endpoints.find((endpoint) => endpoint.url.includes('/stream'));
    expect(clock?.retry.reconnectOnEnd).toBe(true);
  });
});

describe('the demo workspace in the user language', () => {
  it('is seeded in the language chosen in Settings, else in the system language', () => {
    expect(demoLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(demoLanguage('en', ['zh-CN'])).toBe('en');
    expect(demoLanguage('system', ['zh-CN'])).toBe('zh-CN');
    expect(demoLanguage('system', ['zh-TW'])).toBe('en');
    expect(demoLanguage('system', ['en-US'])).toBe('en');
  });

  it('names its endpoints in Simplified Chinese, with the same requests as in English', () => {
    const ids = () => {
      let n = 0;
      return () => `id-${++n}`;
    };
    const now = new Date('2026-01-01T00:00:00Z');
    const english = createDemoWorkspace(now, ids(), 'en');
    const chinese = createDemoWorkspace(now, ids(), 'zh-CN');
    expect(chinese.name).toBe('演示');
    expect(chinese.endpoints.map((e) => e.name)).toContain('时钟');
    expect(chinese.variables[0]?.value).toBe('用一段话解释 Server-Sent Events。');
    const request = (e: (typeof english.endpoints)[number]) => [e.method, e.url, e.body, e.retry];
    expect(chinese.endpoints.map(request)).toEqual(english.endpoints.map(request));
    for (const endpoint of chinese.endpoints) {
      expect(`${endpoint.name} ${endpoint.notes}`, endpoint.name).not.toMatch(
        /\b(the|and|then|every|with)\b/i,
      );
    }
  });
});
