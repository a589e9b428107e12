import { defineStore } from 'pinia';
import { markRaw, ref, shallowReactive } from 'vue';
import type { FeedOpenRequest, FeedSummary } from '../../../shared/api/feeds';
import { decodeFeedFrame } from '../../../shared/api/frame-codec';
import type { FeedFrame } from '../../../shared/api/frames';
import type { EventscopeApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { defaultRetryPolicy } from '../../../shared/model/retry-defaults';
import type { FeedModel } from '../feed/feed-model';
import type { ReopenTarget } from '../feed/last-session';
import { loadOpenFeeds, rememberable, saveOpenFeeds } from '../feed/last-session';
import { advanceSeconds, applyFrame, createFeedModel, updateRate } from '../feed/feed-model';
import type { ConnectionState } from '../../../shared/model/connection-state';
import { translatedError } from '../shell/node-messages';

/** When no frame arrives for this long, events/s still decays to 0. */
const RATE_REFRESH_MS = 1_000;
/**
 * A feed's first frames can arrive before the answer to feeds:open (the Node side sends its
 * `connecting` state at once). They wait here, per feed, until the feed is known.
 */
const EARLY_FRAMES_MAX = 64;
/**
 * More busy panes on screen than this, and they redraw in turns: each in one animation frame of
 * PANE_TURN_FRAMES (15 times a second at 60 Hz), a quarter of them per frame. Nine panes of
 * 100 events/s each redrawn in every frame kept the page's main thread busy laying out and
 * painting them (docs/performance.md, "100 feeds, round 5"); a pane that is one of a few
 * still redraws in every frame.
 */
export const MANY_BUSY_PANES = 4;
export const PANE_TURN_FRAMES = 4;

type Scheduler = (callback: () => void) => void;

/**
 * Live feeds of this page (docs/architecture.md, "The path of one event"). Frames are queued as they arrive and applied once per
 * animation frame; each feed's entries live in a non-reactive ring buffer and the view watches
 * one `version` number per feed.
 */
export const useFeedsStore = defineStore('feeds', () => {
  /** Feed models, reactive only at the top level (summary, counters, version). */
  const feeds = shallowReactive(new Map<string, FeedModel>());
  /**
   * One number per feed, bumped once per animation frame that changed its buffer: the list
   * watches its own feed's entry (a Map get tracks one key), so a frame of one feed re-renders
   * nothing else and no Vue template at all (docs/performance.md, bench:e2e (d)).
   */
  const ticks = shallowReactive(new Map<string, number>());
  const order = ref<string[]>([]);
  const { failure, text: error } = translatedError();
  let api: EventscopeApi | null = null;
  /** Feeds whose buffers changed since the last animation frame. */
  const touched = new Set<string>();
  const early = new Map<string, FeedFrame[]>();
  const closed = new Set<string>();
  /** Feeds whose pane is on screen (the pane says so), and each feed's turn to redraw. */
  const onScreen = new Set<string>();
  const turns = new Map<string, number>();
  let turnsGiven = 0;
  let applied = 0;
  let scheduled = false;
  let schedule: Scheduler = (callback) => requestAnimationFrame(() => callback());

  function model(feedId: string): FeedModel | undefined {
    return feeds.get(feedId);
  }

  function track(summary: FeedSummary): void {
    const existing = feeds.get(summary.feedId);
    if (existing) {
      // The answer to feeds:open can arrive after newer state notifications (a feed that fails
      // at once): a summary never replaces a newer state with an older one.
      if (!isNewerState(summary.state, existing.summary.state)) return;
      feeds.set(summary.feedId, { ...existing, summary });
      return;
    }
    if (closed.has(summary.feedId)) return;
    const created = createFeedModel(summary);
    created.label = uniqueLabel(summary.name);
    markRaw(created.buffer);
    turns.set(summary.feedId, turnsGiven++ % PANE_TURN_FRAMES);
    feeds.set(summary.feedId, created);
    order.value = [...order.value, summary.feedId];
    const waiting = early.get(summary.feedId);
    if (waiting) {
      early.delete(summary.feedId);
      for (const frame of waiting) onFrame(frame);
    }
  }

  /**
   * Once per animation frame: one reactive write per changed feed, however many frames came.
   * With many busy panes on screen, a feed whose turn it is not waits (its entries are already
   * in its buffer; only the redraw waits, at most PANE_TURN_FRAMES - 1 frames).
   */
  function applyPending(): void {
    scheduled = false;
    const turn = applied++ % PANE_TURN_FRAMES;
    let busyOnScreen = 0;
    for (const feedId of touched) if (onScreen.has(feedId)) busyOnScreen++;
    const takeTurns = busyOnScreen > MANY_BUSY_PANES;
    const now = Date.now();
    for (const feedId of touched) {
      const feed = feeds.get(feedId);
      if (feed && takeTurns && turns.get(feedId) !== turn) continue;
      touched.delete(feedId);
      if (!feed) continue;
      updateRate(feed, now);
      feed.version += 1;
      ticks.set(feedId, feed.version);
    }
    if (touched.size > 0) requestApply();
  }

  /** A pane reports whether it is on screen (only those count as busy panes, above). */
  function setOnScreen(feedId: string, visible: boolean): void {
    if (visible) onScreen.add(feedId);
    else onScreen.delete(feedId);
  }

  function requestApply(): void {
    if (!scheduled) {
      scheduled = true;
      schedule(applyPending);
    }
  }

  /**
   * Frames go into the (bounded, non-reactive) ring buffer as they arrive; only the view update
   * waits for an animation frame. Browsers pause animation frames in hidden tabs and minimized
   * windows, and queueing frames until then would grow without bound.
   */
  function onFrame(frame: FeedFrame): void {
    const feed = feeds.get(frame.feedId);
    if (!feed) {
      if (closed.has(frame.feedId)) return;
      const waiting = early.get(frame.feedId) ?? [];
      if (waiting.length < EARLY_FRAMES_MAX) early.set(frame.feedId, [...waiting, frame]);
      return;
    }
    applyFrame(feed, frame);
    touched.add(frame.feedId);
    requestApply();
  }

  /** Counters are read by the panes on their own (throttled) clock; this only decays rates. */
  function refreshRates(): void {
    const now = Date.now();
    for (const feed of feeds.values()) {
      updateRate(feed, now);
      advanceSeconds(feed, Math.floor(now / 1000));
    }
  }

  /** Two panes of the same endpoint must not carry the same name: "Clock", "Clock (2)". */
  function uniqueLabel(name: string): string {
    const taken = new Set([...feeds.values()].map((feed) => feed.label));
    if (!taken.has(name)) return name;
    let n = 2;
    while (taken.has(`${name} (${n})`)) n++;
    return `${name} (${n})`;
  }

  function tick(feedId: string): number {
    return ticks.get(feedId) ?? 0;
  }

  let disconnectLink: () => void = () => {};

  /**
   * Listens to the Node side's frames and state changes. Returns the disposer that stops
   * listening (the app calls it on unmount); connecting again disposes the previous link first,
   * so no event is ever handled twice.
   */
  function connect(connectionApi: EventscopeApi, scheduler?: Scheduler): () => void {
    disconnectLink();
    api = connectionApi;
    if (scheduler) schedule = scheduler;
    const offFrame = api.onFeedFrame((encoded) => onFrame(decodeFeedFrame(encoded)));
    const offState = api.onFeedState(track);
    const rates = setInterval(() => refreshRates(), RATE_REFRESH_MS);
    const dispose = (): void => {
      offFrame();
      offState();
      clearInterval(rates);
      if (disconnectLink === dispose) disconnectLink = () => {};
    };
    disconnectLink = dispose;
    void resume();
    return dispose;
  }

  /**
   * Asks the Node side for the feeds this page had before a reload or a dropped socket; they
   * come back with their recent entries (the Node side keeps them FEED_RESUME_GRACE_MS).
   */
  async function resume(): Promise<void> {
    if (!api || typeof api.resumeFeeds !== 'function') return;
    const remembered = loadOpenFeeds();
    const resumed = await api.resumeFeeds({ token: pageToken() });
    if (!resumed.ok) return;
    for (const summary of resumed.value) {
      track(summary);
      const known = remembered.find((target) => target.feedId === summary.feedId);
      if (known) reopenable.set(summary.feedId, known);
    }
    if (resumed.value.length === 0 && feeds.size === 0 && remembered.length > 0) {
      lastSession.value = remembered;
    }
  }

  /** Tracks the feed a command opened, or shows why it could not be opened. */
  function adopt(result: Result<FeedSummary>): FeedSummary | null {
    if (!result.ok) {
      failure.value = result.error;
      return null;
    }
    failure.value = null;
    track(result.value);
    return result.value;
  }

  async function open(request: FeedOpenRequest): Promise<FeedSummary | null> {
    if (!api) return null;
    const opened = adopt(await api.openFeed(request));
    if (opened)
      remember(opened.feedId, {
        kind: 'request',
        name: request.name,
        request: rememberable(request),
      });
    return opened;
  }

  /** Feeds open now, by id, as they can be reopened after a restart (saved on every change). */
  const reopenable = new Map<string, ReopenTarget>();
  /** Feeds open at the last quit, offered once on start when this page resumed nothing. */
  const lastSession = ref<ReopenTarget[]>([]);

  function remember(feedId: string, target: ReopenTarget | null): void {
    if (target) reopenable.set(feedId, { ...target, feedId });
    else reopenable.delete(feedId);
    saveOpenFeeds([...reopenable.values()]);
  }

  async function reopenLastSession(): Promise<void> {
    const targets = lastSession.value;
    lastSession.value = [];
    for (const target of targets) {
      if (target.kind === 'endpoint') await openEndpoint(target.workspaceId, target.endpointId);
      else await open(target.request);
    }
  }

  function dismissLastSession(): void {
    lastSession.value = [];
    saveOpenFeeds([...reopenable.values()]);
  }

  /** Opens a saved endpoint of a workspace (its variables resolved on the Node side). */
  async function openEndpoint(
    workspaceId: string,
    endpointId: string,
  ): Promise<FeedSummary | null> {
    if (!api) return null;
    const opened = adopt(await api.openEndpoint({ workspaceId, endpointId }));
    if (opened)
      remember(opened.feedId, { kind: 'endpoint', name: opened.name, workspaceId, endpointId });
    return opened;
  }

  /** Opens a past session read-only: a feed whose entries stream from its log (docs/sessions.md). */
  async function openSession(id: string): Promise<FeedSummary | null> {
    return api ? adopt(await api.openSession({ id })) : null;
  }

  /**
   * After the link to the Node side came back (web mode's socket reconnected), the feeds this
   * page owned were closed there: say so instead of showing them as live forever.
   */
  async function resync(): Promise<void> {
    if (!api) return;
    await resume();
    const listed = await api.listFeeds();
    if (!listed.ok) return;
    const alive = new Set(listed.value.map((f) => f.feedId));
    for (const [feedId, feed] of feeds) {
      const state = feed.summary.state;
      if (alive.has(feedId) || state.type === 'closed' || state.type === 'failed') continue;
      const lost: FeedSummary['state'] = {
        type: 'closed',
        at: Date.now(),
        attempt: state.attempt,
        reason: 'aborted',
        message: 'the link to Eventscope was lost, which closed this feed; open it again',
      };
      feeds.set(feedId, { ...feed, summary: { ...feed.summary, state: lost } });
    }
  }

  async function close(feedId: string): Promise<void> {
    closed.add(feedId);
    early.delete(feedId);
    await api?.closeFeed({ feedId });
    feeds.delete(feedId);
    ticks.delete(feedId);
    turns.delete(feedId);
    onScreen.delete(feedId);
    remember(feedId, null);
    order.value = order.value.filter((id) => id !== feedId);
  }

  /** True when the Node side showed the log in the file manager (Electron), false otherwise. */
  async function revealLog(feedId: string): Promise<boolean> {
    if (!api || typeof api.revealFeedLog !== 'function') return false;
    const result = await api.revealFeedLog({ feedId });
    return result.ok && result.value.revealed;
  }

  async function disconnect(feedId: string): Promise<void> {
    await api?.disconnectFeed({ feedId });
  }

  async function reconnectClosed(feedId: string): Promise<void> {
    await api?.connectFeed({ feedId });
  }

  async function reconnect(feedId: string): Promise<void> {
    await api?.reconnectFeed({ feedId });
  }

  /** Opens one of the built-in demo server's routes as a feed (starting the server if needed). */
  async function openDemo(route: DemoRoute): Promise<FeedSummary | null> {
    if (!api) return null;
    const started = await api.startDemoServer();
    if (!started.ok) {
      failure.value = started.error;
      return null;
    }
    return open(demoRequest(started.value.url, route));
  }

  return {
    feeds,
    order,
    error,
    model,
    connect,
    open,
    openEndpoint,
    openSession,
    resync,
    close,
    reconnect,
    disconnect,
    revealLog,
    connectAgain: reconnectClosed,
    tick,
    setOnScreen,
    lastSession,
    reopenLastSession,
    dismissLastSession,
    openDemo,
    applyPending,
  };
});

export type DemoRoute = 'stream' | 'counter' | 'chat' | 'flaky' | 'burst';

export const DEMO_ROUTES: ReadonlyArray<{ route: DemoRoute }> = [
  { route: 'stream' },
  { route: 'counter' },
  { route: 'chat' },
  { route: 'flaky' },
  { route: 'burst' },
];

export function demoRequest(baseUrl: string, route: DemoRoute): FeedOpenRequest {
  switch (route) {
    case 'chat':
      return {
        name: 'Demo chat',
        url: `${baseUrl}/chat`,
        method: 'POST',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        body: JSON.stringify({ prompt: 'Tell me about Server-Sent Events' }),
        workspace: 'Demo',
      };
    case 'burst':
      return {
        name: 'Demo burst',
        url: `${baseUrl}/burst?n=100000&size=64`,
        method: 'GET',
        workspace: 'Demo',
        // One burst, then the end: reconnecting after it would send the burst again, forever.
        retry: { ...defaultRetryPolicy('GET'), reconnectOnEnd: false },
      };
    default:
      return {
        name: `Demo ${route}`,
        url: `${baseUrl}/${route}`,
        method: 'GET',
        workspace: 'Demo',
      };
  }
}

/** Whether `next` may replace `current`: later, or as late and `current` not final. */
function isNewerState(next: ConnectionState, current: ConnectionState): boolean {
  if (next.at !== current.at) return next.at > current.at;
  if (next.attempt !== current.attempt) return next.attempt > current.attempt;
  return current.type !== 'closed' && current.type !== 'failed';
}

const PAGE_TOKEN_KEY = 'eventscope.page-token';

/** This tab's resume token: survives a reload (sessionStorage), not a new tab. */
function pageToken(): string {
  try {
    const saved = sessionStorage.getItem(PAGE_TOKEN_KEY);
    if (saved && saved.length >= 16) return saved;
    const token = crypto.randomUUID();
    sessionStorage.setItem(PAGE_TOKEN_KEY, token);
    return token;
  } catch {
    // Storage disabled: feeds still work, they just do not outlive a reload.
    return crypto.randomUUID();
  }
}
