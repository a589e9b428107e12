import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethodNames, COMMAND_CHANNELS, NOTIFICATION_CHANNELS } from '../../shared/api/channels';

// The preload's entry imports `electron`, which has no binary here: this is the one file
// whose test stands Electron in with a mock (docs/architecture.md, "Resources, tests and comments").
const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, value: unknown) => {
      exposed[key] = value;
    }),
  },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
}));

afterEach(() => vi.resetModules());

describe('the preload entry', () => {
  it('exposes only window.eventscope, and no ipcRenderer, through the context bridge', async () => {
    await import('./index');
    expect(Object.keys(exposed)).toEqual(['eventscope']);
    const api = exposed.eventscope as Record<string, unknown>;
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(Object.keys(api).sort()).toEqual(apiMethodNames());
    // One method per channel: two channels given the same method name would leave one out.
    expect(Object.keys(api)).toHaveLength(
      COMMAND_CHANNELS.length + NOTIFICATION_CHANNELS.length + 1,
    );
  });
});
