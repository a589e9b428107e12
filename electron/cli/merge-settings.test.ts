import { describe, expect, it } from 'vitest';
import {
  buildEndpointWatchConfig,
  mergeSettings,
  UsageError,
  type WatchFlags,
} from './watch-config';
import { createEndpoint } from '../../shared/model/workspace';

const env = { stdoutIsTty: false, readFile: () => new Uint8Array() };
const flags = (extra: Partial<WatchFlags> = {}): WatchFlags => ({ retry: true, ...extra });

describe('watch --merge settings', () => {
  it('merges with auto by default, or the profile given, and not at all without --merge', () => {
    expect(mergeSettings(flags())).toBeUndefined();
    expect(mergeSettings(flags({ merge: true }))).toEqual({ setting: 'auto' });
    expect(mergeSettings(flags({ merge: true, profile: 'gemini' }))).toEqual({ setting: 'gemini' });
  });

  it('takes a custom JSON path and terminator, and refuses custom without a path', () => {
    expect(
      mergeSettings(flags({ merge: true, profile: 'custom', jsonPath: '$.t', terminator: 'END' })),
    ).toEqual({ setting: 'custom', custom: { path: '$.t', terminator: 'END' } });
    expect(() => mergeSettings(flags({ merge: true, profile: 'custom' }))).toThrow(UsageError);
    expect(() => mergeSettings(flags({ jsonPath: '$.t' }))).toThrow(/go with --merge/);
  });

  it('uses a saved endpoint’s profile and resume rule unless the flags say otherwise', () => {
    const endpoint = {
      ...createEndpoint({ name: 'llm', url: 'http://x.test/v1/messages', method: 'POST' }),
      resume: 'always' as const,
      llmProfile: 'custom' as const,
      llmCustom: { path: '$.token' },
    };
    const resolved = {
      url: endpoint.url,
      method: 'POST',
      headers: [],
      body: '{}',
      secretValues: [],
    };
    const config = buildEndpointWatchConfig(resolved, endpoint, flags({ merge: true }), env);
    expect(config.merge).toEqual({ setting: 'custom', custom: { path: '$.token' } });
    expect(config.resume).toBe('always');
    const overridden = buildEndpointWatchConfig(
      resolved,
      endpoint,
      flags({ merge: true, profile: 'anthropic' }),
      env,
    );
    expect(overridden.merge?.setting).toBe('anthropic');
  });
});
