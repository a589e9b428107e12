import { describe, expect, it } from 'vitest';
import { createDemoWorkspace } from './demo-workspace';

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
