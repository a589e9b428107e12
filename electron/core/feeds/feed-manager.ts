import { randomUUID } from 'node:crypto';
import type { NotificationChannel } from '../../../shared/api/channels';
import type { FeedSummary } from '../../../shared/api/feeds';
import {
  encodeFeedFrame,
  jsonString,
  type EncodedFeedFrame,
  type EventFields,
  fieldsOf,
} from '../../../shared/api/frame-codec';
import { type FeedAction, type FeedEntry, type FeedFrame } from '../../../shared/api/frames';
import type { NotificationPayload } from '../../../shared/api/notifications';
import type { ConnectionState } from '../../../shared/model/connection-state';
import { isFinalState } from '../../../shared/model/connection-state';
import type { FetchFunction, SseConnection, SseConnectionOptions } from '../sse/connection';
import { createSseConnection } from '../sse/connection';
import type { Transport, TransportOptions } from '../sse/transport';
import {
  BUILTIN_FETCH_MAX_IDLE_TIMEOUT_MS,
  builtinFetchTransport,
  createTransport,
} from '../sse/transport';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../sse/connection-options';
import type { FrameQueue } from './frame-queue';
import { createFrameQueue } from './frame-queue';
import { DEFAULT_MAX_LOG_BYTES, enforceLogRetention } from './log-retention';
import { createRedactor, redactHeaders, redactStateHeaders, secretsOfRequest } from '../redact';
import type { SessionLog } from './session-log';
import { openSessionLog, SESSION_LOG_FLUSH_MS, sessionLogPath } from './session-log';
import type { LlmRun } from '../../../shared/llm/run';
import { createFeedLlmRun, llmRunRecord, type FeedLlmSettings } from './llm-run-log';
import { isEntry, parseLogRecords } from '../sessions/log-records';
import type { ResumeMode } from '../../../shared/model/workspace';

/**
 * A page that owns feeds: an Electron window or a web-mode socket (docs/architecture.md, "The API contract", `FeedSink`).
 * Frames and notifications go to the owner only; when it goes away, its feeds close.
 */
export interface FeedSink {
  readonly id: string;
  /** `encoded` is the frame's wire text (shared/api/frame-codec.ts), for IPC and the socket. */
  sendFrame(frame: FeedFrame, encoded: EncodedFeedFrame): void;
  notify<K extends NotificationChannel>(channel: K, payload: NotificationPayload<K>): void;
  /** False while the transport is backed up; frames then wait (and the oldest may drop). */
  canSend(): boolean;
}

/** The connection options a feed passes through to the engine unchanged. */
type FeedConnectionOptions = Pick<
  SseConnectionOptions,
  | 'request'
  | 'resolveRequest'
  | 'retry'
  | 'lastEventId'
  | 'connectTimeoutMs'
  | 'idleTimeoutMs'
  | 'maxEventBytes'
>;

export interface FeedConfig extends FeedConnectionOptions {
  /** Shown in the UI and used for the log folder. */
  name: string;
  /** Log folder of the workspace the endpoint belongs to ('ad hoc' for one-off feeds). */
  workspace?: string;
  /**
   * The secret values this feed's requests carry (variables, credential headers). The caller
   * may add to the set as attempts resolve new values (a rotated token); it never shrinks. They are replaced by `[redacted]` wherever they show up
   * on the timeline and in the log: a URL query, an error message, an echoed 401 body.
   */
  secrets?: ReadonlySet<string>;
  /**
   * TLS and proxy settings of the endpoint; none means the environment's proxy variables.
   * The feed owns the transport made from them and closes it when it ends.
   */
  transport?: TransportOptions;
  /** Whether a non-GET stream that broke off is sent again (sse/resume.ts); default auto. */
  resume?: ResumeMode;
  /** The LLM stream lens: its run ends the feed at the terminator and is logged with timings. */
  llm?: FeedLlmSettings;
}

export interface FeedManagerOptions {
  /** `<data dir>/logs`. */
  logsDir: string;
  /** Total size of the session logs kept; a function is read at every retention pass. */
  maxLogBytes?: number | (() => number);
  /** Logging between two retention passes while feeds run; RETENTION_CHECK_BYTES by default. */
  retentionCheckBytes?: number;
  /** One retention pass over the logs folder; enforceLogRetention by default (tests count them). */
  retentionPass?: typeof enforceLogRetention;
  /** One fetch for every feed instead of a transport per feed (tests). */
  fetch?: FetchFunction;
  now?: () => number;
  /** How long feeds of a page that went away wait to be resumed; FEED_RESUME_GRACE_MS by default. */
  resumeGraceMs?: number;
  /** Frame queue tuning (tests, benchmarks); defaults in frame-queue.ts. */
  queue?: { flushMs?: number; maxQueuedEntries?: number; maxQueuedBytes?: number };
}

/** A past session shown as a read-only feed: its entries streamed from the log (docs/sessions.md). */
export interface RecordingConfig {
  name: string;
  method: string;
  url: string;
  /** The session's entries in order, in batches; read lazily as the page takes them. */
  entries: AsyncIterable<FeedEntry[]>;
  /** Shown on the timeline when the session's oldest segments were removed by retention. */
  trimmed?: boolean;
}

export interface FeedManager {
  open(owner: FeedSink, config: FeedConfig): Promise<FeedSummary>;
  /** Opens a recording as a read-only feed through the same frame lane as live feeds. */
  openRecording(owner: FeedSink, config: RecordingConfig): FeedSummary;
  /** Writes the feed's buffered log lines to disk; its log's first segment path, or null. */
  flushLog(owner: FeedSink, feedId: string): Promise<string | null>;
  /** The first-segment paths of every session log being written now (all owners). */
  openLogFiles(): string[];
  /** Ends the feed and forgets it; false when the owner has no such feed. */
  close(owner: FeedSink, feedId: string): Promise<boolean>;
  /** Drops the current attempt (or ends a closed feed's wait) and connects again, at once. */
  reconnect(owner: FeedSink, feedId: string): boolean;
  /** Stops the connection; the feed, its timeline and its log stay until close(). */
  disconnect(owner: FeedSink, feedId: string): boolean;
  /** Connects a disconnected (closed or failed) feed again, sending its last event ID. */
  connect(owner: FeedSink, feedId: string): boolean;
  /**
   * Binds the page's resume token to `owner` and hands it the feeds a page with the same token
   * left within FEED_RESUME_GRACE_MS, with their recent entries sent as one frame each.
   */
  resume(owner: FeedSink, token: string): FeedSummary[];
  list(owner: FeedSink): FeedSummary[];
  /** The page went away (window closed, reload, socket dropped): close all it owned. */
  closeOwner(owner: FeedSink): Promise<void>;
  dispose(): Promise<void>;
}

interface Feed {
  id: string;
  owner: FeedSink;
  config: FeedConfig;
  /** Replaced by a new one when a disconnected feed connects again; a stub for recordings. */
  connection: Pick<SseConnection, 'close' | 'reconnectNow' | 'lastEventId'> | null;
  readOnly?: boolean;
  events: number;
  /** The LLM lens of the feed (docs/llm-streams.md); null for non-LLM streams. */
  llmRun: LlmRun | null;
  /** Its own TLS/proxy transport, closed when the feed ends; null when the manager's fetch is shared. */
  transport: Transport | null;
  queue: FrameQueue;
  log: SessionLog | null;
  redact: (text: string) => string;
  redactedCount: number;
  /** Credentials of the requests themselves (headers, URL user:password), whatever the door. */
  requestSecrets: Set<string>;
  openedAt: number;
  state: ConnectionState;
  nextSeq: number;
}

/** How long the feeds of a page that went away (reload, dropped socket) wait to be resumed. */
export const FEED_RESUME_GRACE_MS = 30_000;
/** Entries kept per feed for a page that re-attaches. */
export const FEED_RESUME_RECENT_ENTRIES = 2_000;
/**
 * Records the log keeps for them (an event run line counts as its events): the entries, and
 * room for the few other records a log holds (the session record, an LLM run's timing).
 */
const RESUME_LOG_LINES = FEED_RESUME_RECENT_ENTRIES + 8;

/** The JSON a frame carries for an entry: its data's for an event (shared/api/frame-codec.ts). */
function frameJson(entry: FeedEntry): string {
  return entry.kind === 'event' ? JSON.stringify(entry.data) : JSON.stringify(entry);
}

/**
 * The last entries of a feed, for a page that re-attaches: read back from the lines its session
 * log kept as encoded bytes. Kept as objects per event, they outlived young-generation
 * collections at high rates and were most of the garbage collector's work (docs/performance.md,
 * "The Node side per event").
 */
function recentEntries(log: SessionLog | null): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const line of log?.recentLines() ?? []) {
    // Entries carry a seq; the session record, the end record and LLM timings do not.
    for (const record of parseLogRecords(line)) {
      if (isEntry(record) && typeof record.seq === 'number') entries.push(record);
    }
  }
  return entries.slice(-FEED_RESUME_RECENT_ENTRIES);
}

/**
 * A feed's transport: Node's own fetch when it can carry the feed (sse/transport.ts: no proxy,
 * no extra CAs, an idle timeout under its body timeout), undici otherwise. Loading undici costs
 * ~100 ms of CPU more than Node's fetch at a process's first feed (docs/performance.md, "The
 * session log, round 6").
 */
async function transportFor(config: FeedConfig): Promise<Transport> {
  const idle = config.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const builtin =
    idle > 0 && idle < BUILTIN_FETCH_MAX_IDLE_TIMEOUT_MS
      ? builtinFetchTransport(config.transport)
      : null;
  return builtin ?? (await createTransport(config.transport));
}

/** Where an orphaned feed's frames go until a page resumes it: nowhere (the log has them). */
const ORPHAN_SINK: FeedSink = {
  id: 'orphan',
  sendFrame: () => {},
  notify: () => {},
  canSend: () => true,
};

const DEFAULT_WORKSPACE_FOLDER = 'ad hoc';
/** A recording is read on only while fewer entries than this wait for its page. */
const RECORDING_QUEUE_HIGH_ENTRIES = 5_000;
const RECORDING_WAIT_MS = 20;
/** How much logging between two retention passes while feeds run. */
export const RETENTION_CHECK_BYTES = 64 * 1024 * 1024;

/**
 * Many concurrent feeds (docs/architecture.md, "The path of one event"): each is a connection from the SSE engine whose timeline —
 * events, comments, state changes — gets per-feed sequence numbers, goes in full to an NDJSON
 * session log, and in batched frames to the owning page.
 */
export function createFeedManager(options: FeedManagerOptions): FeedManager {
  const now = options.now ?? Date.now;
  const feeds = new Map<string, Feed>();
  /** Log bytes written since retention last ran; it runs again every RETENTION_CHECK_BYTES. */
  let sinceRetention = 0;
  const retentionPass = options.retentionPass ?? enforceLogRetention;
  const retentionCheckBytes = options.retentionCheckBytes ?? RETENTION_CHECK_BYTES;
  /** The retention pass running now, and whether another must follow it (requestRetention). */
  let retentionRunning: Promise<void> | null = null;
  let retentionAgain = false;
  /** Logs of feeds still being set up: on disk, not yet in `feeds`, never to be deleted. */
  const startingLogs = new Set<string>();
  /** A retention pass waiting for the logs to write what arrived during the previous one. */
  let retentionRetry: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  /** Pages that went away: a feed still opening for one of them is closed, not registered. */
  const departed = new WeakSet<FeedSink>();
  const maxLogBytes = (): number =>
    typeof options.maxLogBytes === 'function'
      ? options.maxLogBytes()
      : (options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES);
  /** Resume token each page presented. */
  const tokens = new WeakMap<FeedSink, string>();
  /** Feeds of pages that went away, by their token, until resumed or the grace period ends. */
  const orphans = new Map<string, { feeds: Feed[]; timer: ReturnType<typeof setTimeout> }>();

  const summary = (feed: Feed): FeedSummary => ({
    feedId: feed.id,
    name: feed.config.name,
    method: feed.config.request.method,
    url: redactFor(feed)(feed.config.request.url),
    state: feed.state,
    openedAt: feed.openedAt,
    logFile: feed.log?.path ?? null,
    ...(feed.config.llm ? { llm: feed.config.llm } : {}),
    ...(feed.readOnly ? { readOnly: true } : {}),
    requestHeaders: redactHeaders(feed.config.request.headers).map(({ name, value }) => ({
      name,
      value: redactFor(feed)(value),
    })),
  });

  function record(feed: Feed, entry: FeedEntry): void {
    if (entry.kind === 'event') {
      recordEvent(feed, entry.seq, fieldsOf(entry));
      return;
    }
    const redact = redactFor(feed);
    if (entry.kind === 'state') {
      const state = redactStateHeaders(entry.state);
      if (state !== entry.state) entry = { ...entry, state };
    }
    let line = JSON.stringify(entry);
    const redacted = redact(line);
    if (redacted !== line) {
      line = redacted;
      entry = JSON.parse(line) as FeedEntry;
    }
    feed.log?.appendLine(line);
    feed.queue.push(entry, line);
    logged(line.length);
  }

  /**
   * An event, from its fields: no entry object is made for it (docs/performance.md, "The Node
   * side per event"). Its data is serialized once, for the log line and the frame alike.
   */
  function recordEvent(feed: Feed, seq: number, event: EventFields): void {
    const redact = redactFor(feed);
    const data = redact(event.data);
    const type = redact(event.type);
    const lastEventId = redact(event.lastEventId);
    if (data !== event.data || type !== event.type || lastEventId !== event.lastEventId) {
      event = {
        receivedAt: event.receivedAt,
        type,
        data,
        lastEventId,
        attempt: event.attempt,
        sizeBytes: event.sizeBytes,
      };
    }
    const json = jsonString(event.data);
    feed.events += 1;
    // One row of the log's event run line (docs/sessions.md, "Event runs"): the same JSON.
    feed.log?.appendEvent(seq, event, json);
    feed.queue.pushEvent(seq, event, json);
    logged(json.length + 1);
  }

  /** Long fast sessions must respect the log size limit too, not only new ones (docs/sessions.md). */
  function logged(chars: number): void {
    sinceRetention += chars;
    if (sinceRetention >= retentionCheckBytes && retentionRunning === null) void requestRetention();
  }

  /**
   * Runs a retention pass now, or once more after the one already running. Each pass scans the
   * whole logs folder (docs/sessions.md), so a burst of feeds opening — a hundred endpoints at
   * once — scans it twice instead of once per feed, and no feed waits for a scan to connect.
   */
  function requestRetention(): Promise<void> {
    if (retentionRunning !== null) {
      retentionAgain = true;
      return retentionRunning;
    }
    retentionRunning = (async () => {
      do {
        retentionAgain = false;
        sinceRetention = 0;
        await retentionPass(options.logsDir, maxLogBytes(), logsInUse).catch(() => []);
      } while (retentionAgain && !disposed);
    })().finally(() => {
      retentionRunning = null;
      // What was logged while the pass ran was still in memory, not yet in the files it sized:
      // look again once the logs have written it, even if nothing more is logged after a burst.
      if (sinceRetention >= retentionCheckBytes && retentionRetry === null && !disposed) {
        retentionRetry = setTimeout(() => {
          retentionRetry = null;
          void requestRetention();
        }, SESSION_LOG_FLUSH_MS);
        retentionRetry.unref?.();
      }
    });
    return retentionRunning;
  }

  /** The redactor for the feed's current secrets, rebuilt only when they change. */
  function redactFor(feed: Feed): (text: string) => string {
    // The sets only grow, so their sizes say whether the redactor is stale: no work per entry.
    const secrets = feed.config.secrets;
    const count = feed.requestSecrets.size + (secrets?.size ?? 0);
    if (count !== feed.redactedCount) {
      feed.redactedCount = count;
      feed.redact = createRedactor([...feed.requestSecrets, ...(secrets ?? [])]);
    }
    return feed.redact;
  }

  /**
   * The logs being written, asked at the moment a pass would delete one, not before it starts:
   * a feed opened while a pass runs has its log spared too. Only the segment being written:
   * older segments of a running session may go (docs/sessions.md).
   */
  const logsInUse = {
    has(path: string): boolean {
      if (startingLogs.has(path)) return true;
      for (const feed of feeds.values()) if (feed.log?.activePath === path) return true;
      return false;
    },
  };

  async function finish(feed: Feed): Promise<void> {
    feed.queue.flush();
    feed.queue.dispose();
    // How the session ended, so a session list need not read the whole log.
    feed.log?.append({
      kind: 'end',
      at: now(),
      entries: feed.nextSeq - 1,
      events: feed.events,
      state: feed.state.type,
    });
    await feed.log?.close();
    await feed.transport?.close();
  }

  async function start(
    owner: FeedSink,
    config: FeedConfig,
    transport: Transport | null,
  ): Promise<FeedSummary> {
    const id = randomUUID();
    const openedAt = now();
    const path = sessionLogPath(
      options.logsDir,
      config.workspace ?? DEFAULT_WORKSPACE_FOLDER,
      config.name,
      openedAt,
      id,
    );
    // Spared by retention from before its file exists (logsInUse).
    startingLogs.add(path);
    try {
      const log = await openSessionLog(
        path,
        (error) => {
          owner.notify('app:notice-posted', {
            level: 'error',
            code: 'feed.session-log-stopped',
            params: { name: config.name, error: error.message },
            message: `The session log of “${config.name}” stopped: ${error.message}. Live events continue; free disk space and reopen the feed to log again.`,
            at: now(),
          });
        },
        { recentLines: RESUME_LOG_LINES },
      );
      void requestRetention();
      return await register(id, owner, config, transport, log, openedAt);
    } finally {
      startingLogs.delete(path);
    }
  }

  /** Makes the feed of a just-opened session log and connects it, unless its page went away. */
  async function register(
    id: string,
    owner: FeedSink,
    config: FeedConfig,
    transport: Transport | null,
    log: SessionLog,
    openedAt: number,
  ): Promise<FeedSummary> {
    const requestSecrets = new Set(secretsOfRequest(config.request));
    const redactSession = createRedactor([...requestSecrets, ...(config.secrets ?? [])]);
    log.append({
      kind: 'session',
      feedId: id,
      name: config.name,
      method: config.request.method,
      url: redactSession(config.request.url),
      headers: redactHeaders(config.request.headers),
      body: typeof config.request.body === 'string' ? redactSession(config.request.body) : null,
      workspace: config.workspace ?? DEFAULT_WORKSPACE_FOLDER,
      openedAt,
    });

    const feed: Feed = {
      id,
      owner,
      config,
      connection: null,
      events: 0,
      llmRun: createFeedLlmRun(config.request.url, config.llm),
      transport,
      log,
      redact: (text) => text,
      redactedCount: -1,
      requestSecrets,
      openedAt,
      state: { type: 'idle', at: openedAt, attempt: 0 },
      nextSeq: 1,
      // Through feed.owner, not a captured page: a resumed feed's frames go to its new page.
      queue: createFrameQueue({
        feedId: id,
        send: (frame, entriesJson) => feed.owner.sendFrame(frame, entriesJson),
        canSend: () => feed.owner.canSend(),
        ...options.queue,
      }),
    };
    if (departed.has(owner)) {
      // The page went away while the log and transport were being set up: the
      // caller closes the transport; nothing was connected yet.
      feed.queue.dispose();
      await log.close();
      throw new Error('the page that opened this feed has gone away');
    }
    feeds.set(id, feed);
    connectFeed(feed, config.lastEventId);
    return summary(feed);
  }

  /** Starts a new connection for the feed (its first, or after a disconnect). */
  function connectFeed(feed: Feed, lastEventId: string | undefined): void {
    const { config, transport, llmRun, requestSecrets } = feed;
    const resolveRequest = config.resolveRequest;
    const connection = createSseConnection(
      {
        ...(config.resume ? { resume: config.resume } : {}),
        isRunOver: () => llmRun?.terminated === true,
        request: config.request,
        resolveRequest:
          resolveRequest &&
          (async (attempt) => {
            const resolved = await resolveRequest(attempt);
            for (const secret of secretsOfRequest(resolved)) requestSecrets.add(secret);
            return resolved;
          }),
        retry: config.retry,
        lastEventId,
        connectTimeoutMs: config.connectTimeoutMs,
        idleTimeoutMs: config.idleTimeoutMs,
        maxEventBytes: config.maxEventBytes,
        fetch: transport?.fetch ?? options.fetch,
      },
      {
        onEvent: (event) => {
          llmRun?.pushEvent(event);
          recordEvent(feed, feed.nextSeq++, event);
        },
        onComment: (text) => {
          record(feed, { seq: feed.nextSeq++, at: now(), kind: 'comment', text });
        },
        onRetryField: (ms) => {
          record(feed, { seq: feed.nextSeq++, at: now(), kind: 'retry', ms });
        },
        onRedirect: (info) => {
          record(feed, {
            seq: feed.nextSeq++,
            at: now(),
            kind: 'redirect',
            status: info.status,
            from: info.from,
            to: info.to,
            method: info.method,
            methodChanged: info.methodChanged,
            droppedHeaders: info.droppedHeaders,
          });
        },
        onState: (state) => {
          feed.state = state;
          record(feed, { seq: feed.nextSeq++, at: state.at, kind: 'state', state });
          llmRun?.pushState(state);
          if (llmRun && (state.type === 'closed' || state.type === 'failed')) {
            const timing = llmRunRecord(llmRun.snapshot(), state.at);
            if (timing) feed.log?.append(timing);
          }
          // State changes are rare and matter: send them now, not at the next frame tick.
          feed.queue.flush();
          feed.owner.notify('feeds:state-changed', summary(feed));
        },
      },
    );
    feed.connection = connection;
    feed.state = connection.state;
    connection.start();
  }

  function action(feed: Feed, kind: FeedAction): void {
    record(feed, { seq: feed.nextSeq++, at: now(), kind: 'action', action: kind });
  }

  function owned(owner: FeedSink, feedId: string): Feed | null {
    const feed = feeds.get(feedId);
    return feed && feed.owner === owner ? feed : null;
  }

  async function closeFeeds(list: Feed[]): Promise<void> {
    for (const feed of list) {
      feeds.delete(feed.id);
      feed.connection?.close();
    }
    await Promise.all(list.map(finish));
  }

  return {
    async open(owner, config) {
      // A bad CA file or proxy URL fails the open with a clear message, before any log exists.
      const transport = options.fetch ? null : await transportFor(config);
      try {
        return await start(owner, config, transport);
      } catch (error) {
        await transport?.close();
        throw error;
      }
    },

    openRecording(owner, config) {
      const id = randomUUID();
      const openedAt = now();
      const controller = new AbortController();
      const closed = (message: string): ConnectionState => ({
        type: 'closed',
        at: now(),
        attempt: 0,
        reason: 'end-of-stream',
        message,
      });
      const feed: Feed = {
        id,
        owner,
        config: {
          name: config.name,
          request: { url: config.url, method: config.method, headers: [], body: null },
        },
        connection: { close: () => controller.abort(), reconnectNow: () => {}, lastEventId: '' },
        transport: null,
        log: null,
        readOnly: true,
        events: 0,
        llmRun: null,
        redact: (text) => text,
        redactedCount: 0,
        requestSecrets: new Set(),
        openedAt,
        state: { type: 'connecting', at: openedAt, attempt: 0, url: config.url },
        nextSeq: 1,
        queue: createFrameQueue({
          feedId: id,
          send: (frame, entriesJson) => owner.sendFrame(frame, entriesJson),
          canSend: () => owner.canSend(),
          ...options.queue,
        }),
      };
      feeds.set(id, feed);
      const finishWith = (state: ConnectionState) => {
        if (feeds.get(id) !== feed) return;
        feed.state = state;
        feed.queue.flush();
        owner.notify('feeds:state-changed', summary(feed));
      };
      void (async () => {
        try {
          for await (const batch of config.entries) {
            if (controller.signal.aborted) return;
            for (const entry of batch) {
              // The recording's own seqs: the page shows the same row numbers as the log.
              feed.queue.push(entry, frameJson(entry));
            }
            // The page takes what it can; reading waits instead of the queue dropping entries.
            while (feed.queue.queuedEntries > RECORDING_QUEUE_HIGH_ENTRIES) {
              if (controller.signal.aborted) return;
              feed.queue.flush();
              await new Promise((resolve) => setTimeout(resolve, RECORDING_WAIT_MS));
            }
          }
          finishWith(
            closed(
              config.trimmed
                ? 'recording (its oldest part was removed by log retention)'
                : 'recording',
            ),
          );
        } catch (error) {
          finishWith(
            closed(
              `recording could not be read: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        }
      })();
      return summary(feed);
    },

    openLogFiles() {
      return [...feeds.values()].flatMap((feed) => (feed.log ? [feed.log.path] : []));
    },

    async flushLog(owner, feedId) {
      const feed = feeds.get(feedId);
      if (!feed || feed.owner !== owner || !feed.log) return null;
      await feed.log.flush();
      return feed.log.path;
    },

    async close(owner, feedId) {
      const feed = feeds.get(feedId);
      if (!feed || feed.owner !== owner) return false;
      feeds.delete(feedId);
      feed.connection?.close();
      await finish(feed);
      return true;
    },

    reconnect(owner, feedId) {
      const feed = owned(owner, feedId);
      if (!feed) return false;
      action(feed, 'reconnect-requested');
      if (!feed.connection || isFinalState(feed.state)) {
        connectFeed(feed, feed.connection?.lastEventId ?? feed.config.lastEventId);
      } else {
        feed.connection.reconnectNow();
      }
      return true;
    },

    disconnect(owner, feedId) {
      const feed = owned(owner, feedId);
      if (!feed || !feed.connection || isFinalState(feed.state)) return false;
      action(feed, 'disconnect-requested');
      feed.connection.close('disconnected by the user');
      return true;
    },

    connect(owner, feedId) {
      const feed = owned(owner, feedId);
      if (!feed || (feed.connection && !isFinalState(feed.state))) return false;
      action(feed, 'connect-requested');
      connectFeed(feed, feed.connection?.lastEventId ?? feed.config.lastEventId);
      return true;
    },

    resume(owner, token) {
      tokens.set(owner, token);
      const orphan = orphans.get(token);
      if (!orphan) return [];
      orphans.delete(token);
      clearTimeout(orphan.timer);
      const resumed = orphan.feeds.filter((feed) => feeds.get(feed.id) === feed);
      for (const feed of resumed) {
        // What waited for the old page went nowhere; the recent entries replace it, in order.
        feed.queue.flush();
        feed.owner = owner;
        const entries = recentEntries(feed.log);
        const firstSeq = entries[0]?.seq ?? feed.nextSeq;
        const encoded = entries.map((entry) => ({ entry, json: frameJson(entry) }));
        owner.sendFrame(
          { feedId: feed.id, firstSeq, entries, dropped: firstSeq - 1 },
          encodeFeedFrame(feed.id, firstSeq, firstSeq - 1, encoded),
        );
      }
      return resumed.map(summary);
    },

    list(owner) {
      return [...feeds.values()].filter((feed) => feed.owner === owner).map(summary);
    },

    async closeOwner(owner) {
      departed.add(owner);
      const left = [...feeds.values()].filter((feed) => feed.owner === owner);
      const token = tokens.get(owner);
      if (token === undefined || left.length === 0) return closeFeeds(left);
      // A reload or a dropped socket: the feeds keep running (and logging) for a while, so the
      // page that comes back with the same token finds them live.
      for (const feed of left) feed.owner = ORPHAN_SINK;
      const earlier = orphans.get(token);
      if (earlier) clearTimeout(earlier.timer);
      const waiting = [...(earlier?.feeds ?? []), ...left];
      const timer = setTimeout(() => {
        if (orphans.get(token)?.timer !== timer) return;
        orphans.delete(token);
        void closeFeeds(waiting.filter((feed) => feeds.get(feed.id) === feed));
      }, options.resumeGraceMs ?? FEED_RESUME_GRACE_MS);
      timer.unref?.();
      orphans.set(token, { feeds: waiting, timer });
    },

    async dispose() {
      disposed = true;
      if (retentionRetry !== null) clearTimeout(retentionRetry);
      retentionRetry = null;
      for (const orphan of orphans.values()) clearTimeout(orphan.timer);
      orphans.clear();
      await closeFeeds([...feeds.values()]);
    },
  };
}
