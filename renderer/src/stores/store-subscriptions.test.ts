import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventscopeApi, FeedSummary, Notice } from '../../../shared/api';
import { encodeFeedFrame, type EncodedFeedFrame } from '../../../shared/api/frame-codec';
import type { FeedEntry } from '../../../shared/api/frames';
import { ok } from '../../../shared/result';
import type { ApiConnection } from '../api';
import { useAppStore } from './useAppStore';
import { useFeedsStore } from './useFeedsStore';
import { useWorkspacesStore } from './useWorkspacesStore';
import { openFeedSummary } from '../../../tests/support/renderer/feed-summary';

// Each store gives back what it subscribed to: connect → dispose → connect hears every event
// once, and after dispose no handler of the store runs.

/** Listeners per notification, the way the preload and the web socket keep them. */
function channels() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on:
      <T>(name: string) =>
      (listener: (payload: T) => void) => {
        const set = listeners.get(name) ?? new Set();
        listeners.set(name, set);
        const wrapped = listener as (payload: unknown) => void;
        set.add(wrapped);
        return () => void set.delete(wrapped);
      },
    emit: (name: string, payload: unknown) => {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
    },
    count: (name: string) => listeners.get(name)?.size ?? 0,
  };
}

const summary = openFeedSummary();

const entry = (seq: number): FeedEntry => ({
  seq,
  at: 1_700_000_000_000 + seq,
  kind: 'event',
  type: 'message',
  data: `e${seq}`,
  lastEventId: String(seq),
  attempt: 1,
  sizeBytes: 2,
});

const frame = (seq: number): EncodedFeedFrame =>
  encodeFeedFrame('f1', seq, 0, [{ entry: entry(seq), json: JSON.stringify(`e${seq}`) }]);

const notice = (message: string): Notice => ({ level: 'info', message, at: 1 });

function testApi() {
  const bus = channels();
  let listCalls = 0;
  const api = {
    onFeedFrame: bus.on<EncodedFeedFrame>('frame'),
    onFeedState: bus.on<FeedSummary>('state'),
    onWorkspacesChanged: bus.on<unknown>('workspaces'),
    onNotice: bus.on<Notice>('notice'),
    openFeed: async () => ok(summary),
    takeNotices: async () => ok([]),
    getSecretsPolicy: async () => ok({ protection: 'os', allowUnprotected: false }),
    listWorkspaces: async () => (listCalls++, ok([])),
  } as unknown as EventscopeApi;
  const connection: ApiConnection = { api, face: 'web', onStatus: bus.on('status') };
  return { api, connection, bus, listCalls: () => listCalls };
}

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.useRealTimers());

describe('the feeds store', () => {
  it('counts each event once after connecting, disposing and connecting again', async () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, (apply) => apply())();
    const dispose = store.connect(test.api, (apply) => apply());
    await store.open({ name: 'Clock', url: summary.url });
    test.bus.emit('frame', frame(1));
    expect(store.model('f1')!.counters.events).toBe(1);
    expect(test.bus.count('frame')).toBe(1);
    expect(test.bus.count('state')).toBe(1);

    dispose();
    test.bus.emit('frame', frame(2));
    test.bus.emit('state', { ...summary, name: 'Renamed' });
    expect(store.model('f1')!.counters.events).toBe(1);
    expect(store.model('f1')!.summary.name).toBe('Clock');
    expect(test.bus.count('frame') + test.bus.count('state')).toBe(0);
  });

  it('replaces its previous link when connected twice, and stops its rate timer on dispose', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, (apply) => apply());
    const dispose = store.connect(test.api, (apply) => apply());
    expect(vi.getTimerCount()).toBe(1);
    await store.open({ name: 'Clock', url: summary.url });
    test.bus.emit('frame', frame(1));
    expect(store.model('f1')!.counters.events).toBe(1);

    dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the workspaces store', () => {
  it('reloads once per change after connecting, disposing and connecting again, never after', async () => {
    const test = testApi();
    const store = useWorkspacesStore();
    (await store.connect(test.api))();
    const dispose = await store.connect(test.api);
    const before = test.listCalls();
    test.bus.emit('workspaces', { ids: [] });
    await flushPromises();
    expect(test.listCalls()).toBe(before + 1);

    dispose();
    test.bus.emit('workspaces', { ids: [] });
    await flushPromises();
    expect(test.listCalls()).toBe(before + 1);
    expect(test.bus.count('workspaces')).toBe(0);
  });
});

describe('the app store', () => {
  it('shows each notice once after starting, stopping and starting again, and none after', async () => {
    const test = testApi();
    const store = useAppStore();
    (await store.start(test.connection))();
    await store.start(test.connection);
    test.bus.emit('notice', notice('first'));
    test.bus.emit('status', 'closed');
    expect(store.notices.map((n) => n.message)).toEqual(['first']);
    expect(store.link).toBe('closed');

    store.stop();
    test.bus.emit('notice', notice('second'));
    test.bus.emit('status', 'connecting');
    expect(store.notices.map((n) => n.message)).toEqual(['first']);
    expect(store.link).toBe('closed');
    expect(test.bus.count('notice') + test.bus.count('status')).toBe(0);
  });
});
