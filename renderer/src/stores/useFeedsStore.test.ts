import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventscopeApi, FeedOpenRequest, FeedSummary } from '../../../shared/api';
import { encodeFeedFrame, type EncodedFeedFrame } from '../../../shared/api/frame-codec';
import type { FeedEntry, FeedFrame } from '../../../shared/api/frames';
import { ok } from '../../../shared/result';
import FeedPanel from '../feed/FeedPanel.vue';
import { i18n } from '../i18n';
import { useFeedsStore } from './useFeedsStore';
import { openFeedSummary } from '../../../tests/support/renderer/feed-summary';

const summary = openFeedSummary;

const event = (seq: number, data = `e${seq}`): FeedEntry => ({
  seq,
  at: 1_700_000_000_000 + seq,
  kind: 'event',
  type: 'message',
  data,
  lastEventId: String(seq),
  attempt: 1,
  sizeBytes: data.length,
});

/** A frame in its wire form, as the Node side sends it. */
const encodeFrameObject = (frame: FeedFrame): EncodedFeedFrame =>
  encodeFeedFrame(
    frame.feedId,
    frame.firstSeq,
    frame.dropped,
    frame.entries.map((entry) => ({
      entry,
      json: JSON.stringify(entry.kind === 'event' ? entry.data : entry),
    })),
  );

/** An API double that records opens and lets the test push frames and states. */
function testApi() {
  let frameListener: ((f: EncodedFeedFrame) => void) | null = null;
  let stateListener: ((s: FeedSummary) => void) | null = null;
  const opened: FeedOpenRequest[] = [];
  const api = {
    openFeed: async (request: FeedOpenRequest) => (
      opened.push(request),
      ok(summary({ name: request.name }))
    ),
    closeFeed: async () => ok({ closed: true }),
    reconnectFeed: async () => ok({ reconnected: true }),
    startDemoServer: async () => ok({ url: 'http://127.0.0.1:5555' }),
    onFeedFrame: (l: (f: EncodedFeedFrame) => void) => ((frameListener = l), () => {}),
    onFeedState: (l: (s: FeedSummary) => void) => ((stateListener = l), () => {}),
  } as unknown as EventscopeApi;
  return {
    api,
    opened,
    frame: (f: FeedFrame) => frameListener?.(encodeFrameObject(f)),
    state: (s: FeedSummary) => stateListener?.(s),
  };
}

beforeEach(() => setActivePinia(createPinia()));

describe('the feeds store', () => {
  it('redraws many busy panes on screen in turns, a few at every frame, none left behind', () => {
    const test = testApi();
    const store = useFeedsStore();
    const frames: Array<() => void> = [];
    store.connect(test.api, (cb) => frames.push(cb));
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    for (const id of ids) test.state(summary({ feedId: id, name: id }));
    const nextFrame = () => frames.shift()!();
    const everyFeedGetsAnEvent = (seq: number) => {
      for (const id of ids)
        test.frame({ feedId: id, firstSeq: seq, entries: [event(seq)], dropped: 0 });
    };
    const versions = () => ids.map((id) => store.tick(id));

    // Four panes on screen: each redraws in the frame after its events came.
    for (const id of ids.slice(0, 4)) store.setOnScreen(id, true);
    everyFeedGetsAnEvent(1);
    nextFrame();
    expect(versions()).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(frames).toHaveLength(0);

    // Eight on screen: they take turns, and each one's entries are in its buffer at once.
    for (const id of ids) store.setOnScreen(id, true);
    everyFeedGetsAnEvent(2);
    expect(ids.map((id) => store.model(id)!.buffer.length)).toEqual(ids.map(() => 2));
    const redrawnPerFrame: number[] = [];
    while (frames.length > 0) {
      const before = versions();
      nextFrame();
      redrawnPerFrame.push(versions().filter((v, i) => v !== before[i]).length);
    }
    // Two per frame while more than four wait; the last four are few enough to go together.
    expect(redrawnPerFrame).toEqual([2, 2, 4]);
    expect(versions()).toEqual(ids.map(() => 2));

    // Closed and scrolled-away panes do not count.
    for (const id of ids.slice(3)) store.setOnScreen(id, false);
    everyFeedGetsAnEvent(3);
    nextFrame();
    expect(versions()).toEqual(ids.map(() => 3));
  });

  it('applies queued frames once per animation frame and counts events and drops', async () => {
    const test = testApi();
    const store = useFeedsStore();
    const ticks: Array<() => void> = [];
    store.connect(test.api, (cb) => ticks.push(cb));
    await store.open({ name: 'Clock', url: 'http://127.0.0.1:8844/stream' });
    test.frame({ feedId: 'f1', firstSeq: 1, entries: [event(1), event(2)], dropped: 0 });
    test.frame({ feedId: 'f1', firstSeq: 8, entries: [event(8)], dropped: 5 });
    expect(ticks).toHaveLength(1);
    expect(store.model('f1')!.version).toBe(0);
    ticks[0]!();
    const model = store.model('f1')!;
    expect(model.version).toBe(1);
    expect(model.buffer.length).toBe(3);
    expect(model.counters).toMatchObject({ events: 3, dropped: 5 });
  });

  it('counts a seq gap the frames did not announce as dropped, never silently', () => {
    const test = testApi();
    const store = useFeedsStore();
    const ticks: Array<() => void> = [];
    store.connect(test.api, (cb) => ticks.push(cb));
    test.state(summary());
    test.frame({ feedId: 'f1', firstSeq: 1, entries: [event(1)], dropped: 0 });
    test.frame({ feedId: 'f1', firstSeq: 4, entries: [event(4)], dropped: 0 });
    ticks[0]!();
    expect(store.model('f1')!.counters.dropped).toBe(2);
  });

  it('keeps frames that arrive before the feed is known and applies them once it is', () => {
    const test = testApi();
    const store = useFeedsStore();
    const ticks: Array<() => void> = [];
    store.connect(test.api, (cb) => ticks.push(cb));
    test.frame({ feedId: 'f1', firstSeq: 1, entries: [event(1)], dropped: 0 });
    expect(ticks).toHaveLength(0); // nothing to show yet: the feed is unknown
    test.state(summary());
    test.frame({ feedId: 'f1', firstSeq: 2, entries: [event(2)], dropped: 0 });
    while (ticks.length) ticks.shift()!();
    const model = store.model('f1')!;
    expect(model.buffer.length).toBe(2);
    expect(model.counters).toMatchObject({ events: 2, dropped: 0 });
  });

  it('keeps the ring buffer bounded while animation frames are paused (hidden window)', () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {}); // a scheduler that never runs, like a minimized window
    test.state(summary());
    const model = store.model('f1')!;
    for (let frame = 0; frame < 200; frame++) {
      const entries = Array.from({ length: 500 }, (_, i) => event(frame * 500 + i + 1));
      test.frame({ feedId: 'f1', firstSeq: frame * 500 + 1, entries, dropped: 0 });
    }
    expect(model.buffer.length).toBe(model.buffer.maxItems);
    expect(model.counters.events).toBe(100_000);
  });

  it('marks feeds the Node side no longer has as closed after the link comes back', async () => {
    const test = testApi();
    (test.api as unknown as { listFeeds: () => Promise<unknown> }).listFeeds = async () => ok([]);
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    test.state(summary());
    await store.resync();
    expect(store.model('f1')!.summary.state).toMatchObject({ type: 'closed', reason: 'aborted' });
  });

  it('keeps a newer failed state when the older answer to feeds:open arrives after it', async () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    const failed = summary({
      state: {
        type: 'failed',
        at: 5,
        attempt: 1,
        error: { code: 'network', message: 'connect ECONNREFUSED' },
      },
    });
    // The Node side notifies "failed" before its answer (still "connecting") reaches the page.
    test.state(failed);
    (test.api as unknown as { openFeed: () => Promise<unknown> }).openFeed = async () =>
      ok(summary({ state: { type: 'connecting', at: 4, attempt: 1, url: 'http://x/' } }));
    await store.open({ name: 'Clock', url: 'http://127.0.0.1:8844/stream' });
    expect(store.model('f1')!.summary.state.type).toBe('failed');
  });

  it('numbers the names of panes that show the same endpoint', () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    test.state(summary({ feedId: 'a' }));
    test.state(summary({ feedId: 'b' }));
    test.state(summary({ feedId: 'c' }));
    expect(['a', 'b', 'c'].map((id) => store.model(id)!.label)).toEqual([
      'Clock',
      'Clock (2)',
      'Clock (3)',
    ]);
  });

  it('skips entries it already has when a re-attached feed sends its recent entries again', () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    test.state(summary());
    test.frame({ feedId: 'f1', firstSeq: 1, entries: [event(1), event(2), event(3)], dropped: 0 });
    test.frame({ feedId: 'f1', firstSeq: 2, entries: [event(2), event(3), event(4)], dropped: 1 });
    const model = store.model('f1')!;
    expect(model.buffer.length).toBe(4);
    expect(model.counters).toMatchObject({ events: 4, dropped: 0 });
  });

  it('asks the Node side for the feeds of this tab when it connects, and shows them', async () => {
    const test = testApi();
    const tokens: string[] = [];
    (
      test.api as unknown as { resumeFeeds: (r: { token: string }) => Promise<unknown> }
    ).resumeFeeds = async ({ token }) => (tokens.push(token), ok([summary({ feedId: 'kept' })]));
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    await flushPromises();
    expect(store.model('kept')).toBeDefined();
    expect(tokens[0]).toBe(sessionStorage.getItem('eventscope.page-token'));
    expect(tokens[0]!.length).toBeGreaterThanOrEqual(16);
  });

  it('opens demo routes against the server the Node side started', async () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    await store.openDemo('chat');
    expect(test.opened[0]).toMatchObject({ url: 'http://127.0.0.1:5555/chat', method: 'POST' });
    expect(JSON.parse(test.opened[0]!.body!)).toHaveProperty('prompt');
  });
});

describe('a feed panel', () => {
  it('shows the state, the counters and the rows of the feed', async () => {
    const test = testApi();
    const store = useFeedsStore();
    const ticks: Array<() => void> = [];
    store.connect(test.api, (cb) => ticks.push(cb));
    test.state(summary());
    test.frame({ feedId: 'f1', firstSeq: 1, entries: [event(1, '{"token":"Hel"}')], dropped: 3 });
    ticks[0]!();
    const wrapper = mount(FeedPanel, {
      props: { feed: store.model('f1')! },
      attachTo: document.body,
      global: { plugins: [i18n] },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="feed-state"]').text()).toBe('open');
    expect(wrapper.get('[data-testid="feed-events"]').text()).toBe('1');
    expect(wrapper.get('[data-testid="feed-dropped"]').text()).toContain('3 dropped');
    wrapper.unmount();
  });

  it('shows the body of a failed response, where people read why a 401 happened', async () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    test.state(
      summary({
        state: {
          type: 'failed',
          at: 2,
          attempt: 1,
          error: {
            code: 'http-status',
            message: 'HTTP 401 Unauthorized',
            status: 401,
            statusText: 'Unauthorized',
            body: '{"error":"bad token"}',
          },
        },
      }),
    );
    const wrapper = mount(FeedPanel, {
      props: { feed: store.model('f1')! },
      global: { plugins: [i18n] },
    });
    expect(wrapper.get('[data-testid="feed-error-body"]').text()).toBe('{"error":"bad token"}');
    expect(wrapper.text()).toContain('failed — HTTP 401 Unauthorized');
  });

  it('asks before closing a live feed and closes a finished one at once', async () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    test.state(summary());
    const wrapper = mount(FeedPanel, {
      props: { feed: store.model('f1')! },
      global: { plugins: [i18n] },
    });
    const closeButton = () => wrapper.findAll('button').find((b) => b.text() === 'Close feed')!;
    await closeButton().trigger('click');
    expect(wrapper.emitted('close')).toBeUndefined();
    expect(wrapper.get('[role="alertdialog"]').text()).toContain('still live');
    await wrapper.get('[role="alertdialog"] button.danger').trigger('click');
    expect(wrapper.emitted('close')).toHaveLength(1);

    test.state(
      summary({ state: { type: 'closed', at: 9, attempt: 1, reason: 'user', message: 'x' } }),
    );
    await wrapper.setProps({ feed: store.model('f1')! });
    await closeButton().trigger('click');
    expect(wrapper.emitted('close')).toHaveLength(2);
  });

  it('offers Connect instead of Disconnect and Reconnect for a read-only feed neither', async () => {
    const test = testApi();
    const store = useFeedsStore();
    store.connect(test.api, () => {});
    test.state(
      summary({ state: { type: 'closed', at: 9, attempt: 1, reason: 'user', message: 'x' } }),
    );
    const names = (wrapper: ReturnType<typeof mount>) =>
      wrapper.findAll('button').map((b) => b.text());
    const closed = mount(FeedPanel, {
      props: { feed: store.model('f1')! },
      global: { plugins: [i18n] },
    });
    expect(names(closed)).toContain('Connect');
    expect(names(closed)).not.toContain('Disconnect');
    const readOnly = mount(FeedPanel, {
      props: { feed: store.model('f1')!, readOnly: true },
      global: { plugins: [i18n] },
    });
    expect(names(readOnly)).not.toContain('Connect');
    expect(names(readOnly)).not.toContain('Reconnect now');
    expect(names(readOnly)).toContain('Pause');
  });
});
