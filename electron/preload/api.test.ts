import { describe, expect, it, vi } from 'vitest';
import {
  apiMethodNames,
  COMMAND_CHANNELS,
  commandMethods,
  FEED_FRAME_CHANNEL,
  NOTIFICATION_CHANNELS,
  notificationMethods,
} from '../../shared/api/channels';
import { commandSchemas } from '../../shared/api/commands';
import { notificationSchemas } from '../../shared/api/notifications';
import { encodeFeedFrame } from '../../shared/api/frame-codec';
import { FRAME_SEPARATOR } from '../../shared/api/wire';
import { buildPreloadApi } from './api';

type Listener = (event: unknown, payload: unknown) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    invoke: vi.fn(async (channel: string, request?: unknown) => ({ channel, request })),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) =>
      listeners.get(channel)?.delete(listener),
    ),
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? [])
        listener({ sender: 'ipcRenderer!' }, payload);
    },
  };
}

describe('the preload API surface', () => {
  it('is exactly one named function per channel and nothing generic', () => {
    const api = buildPreloadApi(fakeIpcRenderer() as never);
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "cancelExport",
        "chooseCaFile",
        "closeFeed",
        "connectFeed",
        "createWorkspace",
        "deleteEndpoint",
        "deleteSession",
        "deleteWorkspace",
        "disconnectFeed",
        "duplicateWorkspace",
        "exportWorkspace",
        "getAppInfo",
        "getSecretsPolicy",
        "getSettings",
        "getWorkspace",
        "importWorkspace",
        "listFeeds",
        "listSessions",
        "listWorkspaces",
        "onExportProgress",
        "onFeedFrame",
        "onFeedState",
        "onMenuCommand",
        "onNotice",
        "onWorkspacesChanged",
        "openEndpoint",
        "openFeed",
        "openSession",
        "ping",
        "reconnectFeed",
        "replaySession",
        "resumeFeeds",
        "revealDataDir",
        "revealFeedLog",
        "saveEndpoint",
        "saveWorkspace",
        "setSecretsPolicy",
        "setSettings",
        "startDemoServer",
        "startExport",
        "takeNotices",
      ]
    `);
    expect(Object.keys(api).sort()).toEqual(apiMethodNames());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('binds each command method to its own channel', async () => {
    const ipc = fakeIpcRenderer();
    const api = buildPreloadApi(ipc as never) as unknown as Record<
      string,
      (r?: unknown) => Promise<unknown>
    >;
    for (const channel of COMMAND_CHANNELS) {
      await expect(api[commandMethods[channel]]!({ probe: channel })).resolves.toEqual({
        channel,
        request: { probe: channel },
      });
    }
  });

  it('hands listeners only the payload, never the IPC event, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const api = buildPreloadApi(ipc as never);
    const seen: unknown[][] = [];
    const unsubscribe = api.onNotice((...args: unknown[]) => seen.push(args));
    ipc.emit('app:notice-posted', { level: 'info', message: 'hello', at: 1 });
    unsubscribe();
    ipc.emit('app:notice-posted', { level: 'info', message: 'after', at: 2 });
    expect(seen).toEqual([[{ level: 'info', message: 'hello', at: 1 }]]);
  });

  it('delivers feed frames from the frame channel, one frame at a time when a message joins several', () => {
    const ipc = fakeIpcRenderer();
    const api = buildPreloadApi(ipc as never);
    const frames: unknown[] = [];
    api.onFeedFrame((frame) => frames.push(frame));
    const one = encodeFeedFrame('f1', 1, 0, []);
    const two = encodeFeedFrame('f2', 4, 1, []);
    ipc.emit(FEED_FRAME_CHANNEL, one);
    ipc.emit(FEED_FRAME_CHANNEL, [one, two].join(FRAME_SEPARATOR));
    expect(frames).toEqual([one, one, two]);
  });
});

describe('the API contract', () => {
  it('has a request schema for every command channel and a payload schema for every notification', () => {
    expect(Object.keys(commandSchemas).sort()).toEqual([...COMMAND_CHANNELS].sort());
    expect(Object.keys(notificationSchemas).sort()).toEqual([...NOTIFICATION_CHANNELS].sort());
  });

  it('names channels domain:verb and notifications domain:past-tense', () => {
    for (const channel of COMMAND_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
    for (const channel of NOTIFICATION_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z-]+ed$/);
    for (const channel of NOTIFICATION_CHANNELS)
      expect(notificationMethods[channel]).toMatch(/^on[A-Z]/);
  });
});
