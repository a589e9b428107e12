import { randomUUID } from 'node:crypto';
import type { NotificationChannel } from '../../../shared/api/channels';
import type { FeedSummary } from '../../../shared/api/feeds';
import { eventLogLine, type EncodedFeedFrame } from '../../../shared/api/frame-codec';
import type { FeedEntry, FeedFrame } from '../../../shared/api/frames';
import type { NotificationPayload } from '../../../shared/api/notifications';
import type { ConnectionState } from '../../../shared/model/connection-state';
import type { FetchFunction, SseConnection, SseConnectionOptions } from '../sse/connection';
import { createSseConnection } from '../sse/connection';
import type { Transport, TransportOptions } from '../sse/transport';
import { createTransport } from '../sse/transport';
import type { FrameQueue } from './frame-queue';
import { createFrameQueue } from './frame-queue';
import { DEFAULT_MAX_LOG_BYTES, enforceLogRetention } from './log-retention';
import { createRedactor } from '../redact';
import { redactHeaders } from './redact';
import type { SessionLog } from './session-log';
import { openSessionLog, sessionLogPath } from './session-log';
import { createFeedLlmRun, llmRunRecord, type FeedLlmSettings } from './llm-run-log';
import type { ResumeMode } from '../../../shared/model/workspace';

/**
 * A page that owns feeds: an Electron window or a web-mode socket (DESIGN.md §2, `FeedSink`).
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
  maxLogBytes?: number;
  /** Logging between two retention passes while feeds run; RETENTION_CHECK_BYTES by default. */
  retentionCheckBytes?: number;
  /** One fetch for every feed instead of a transport per feed (tests). */
  fetch?: FetchFunction;
  now?: () => number;
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
  reconnect(owner: FeedSink, feedId: string): boolean;
  list(owner: FeedSink): FeedSummary[];
  /** The page went away (window closed, reload, socket dropped): close all it owned. */
  closeOwner(owner: FeedSink): Promise<void>;
  dispose(): Promise<void>;
}

interface Feed {
  id: string;
  owner: FeedSink;
  config: FeedConfig;
  connection: Pick<SseConnection, 'close' | 'reconnectNow'>;
  readOnly?: boolean;
  events: number;
  /** Its own TLS/proxy transport, closed when the feed ends; null when the manager's fetch is shared. */
  transport: Transport | null;
  queue: FrameQueue;
  log: SessionLog | null;
  redact: (text: string) => string;
  redactedCount: number;
  openedAt: number;
  state: ConnectionState;
  nextSeq: number;
}

const DEFAULT_WORKSPACE_FOLDER = 'ad hoc';
/** A recording is read on only while fewer entries than this wait for its page. */
const RECORDING_QUEUE_HIGH_ENTRIES = 5_000;
const RECORDING_WAIT_MS = 20;
/** How much logging between two retention passes while feeds run. */
export const RETENTION_CHECK_BYTES = 64 * 1024 * 1024;

/**
 * Many concurrent feeds (issue #4): each is a connection from the SSE engine whose timeline —
 * events, comments, state changes — gets per-feed sequence numbers, goes in full to an NDJSON
 * session log, and in batched frames to the owning page.
 */
export function createFeedManager(options: FeedManagerOptions): FeedManager {
  const now = options.now ?? Date.now;
  const feeds = new Map<string, Feed>();
  /** Log bytes written since retention last ran; it runs again every RETENTION_CHECK_BYTES. */
  let sinceRetention = 0;
  let retentionRunning = false;
  /** Pages that went away: a feed still opening for one of them is closed, not registered. */
  const departed = new WeakSet<FeedSink>();
  const maxLogBytes = options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;

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
  });

  function record(feed: Feed, entry: FeedEntry): void {
    // Serialized once, for the log and the page alike (the main per-event cost): an event's
    // data is stringified once and that text goes into both (shared/api/frame-codec.ts).
    const redact = redactFor(feed);
    let line: string;
    let json: string;
    if (entry.kind === 'event') {
      const data = redact(entry.data);
      const type = redact(entry.type);
      const lastEventId = redact(entry.lastEventId);
      if (data !== entry.data || type !== entry.type || lastEventId !== entry.lastEventId)
        entry = { ...entry, data, type, lastEventId };
      json = JSON.stringify(entry.data);
      line = eventLogLine(entry, json);
    } else {
      line = JSON.stringify(entry);
      const redacted = redact(line);
      if (redacted !== line) {
        line = redacted;
        entry = JSON.parse(line) as FeedEntry;
      }
      json = line;
    }
    if (entry.kind === 'event') feed.events += 1;
    feed.log?.appendLine(line);
    feed.queue.push(entry, json);
    sinceRetention += line.length;
    // Long fast sessions must respect the limit too, not only new ones (issue #4 §4).
    if (
      sinceRetention >= (options.retentionCheckBytes ?? RETENTION_CHECK_BYTES) &&
      !retentionRunning
    ) {
      sinceRetention = 0;
      retentionRunning = true;
      void enforceLogRetention(options.logsDir, maxLogBytes, openLogs()).finally(() => {
        retentionRunning = false;
      });
    }
  }

  /** The redactor for the feed's current secrets, rebuilt only when they change. */
  function redactFor(feed: Feed): (text: string) => string {
    // The set only grows, so its size says whether the redactor is stale: no work per entry.
    const secrets = feed.config.secrets;
    if (secrets && secrets.size !== feed.redactedCount) {
      feed.redactedCount = secrets.size;
      feed.redact = createRedactor([...secrets]);
    }
    return feed.redact;
  }

  function openLogs(): Set<string> {
    // Only the segment being written: older segments of a running session may go (docs/sessions.md).
    return new Set([...feeds.values()].flatMap((feed) => (feed.log ? [feed.log.activePath] : [])));
  }

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
    let feed: Feed | null = null;
    const log = await openSessionLog(path, (error) => {
      owner.notify('app:notice-posted', {
        level: 'error',
        message: `The session log of “${config.name}” stopped: ${error.message}. Live events continue; free disk space and reopen the feed to log again.`,
        at: now(),
      });
    });
    await enforceLogRetention(options.logsDir, maxLogBytes, new Set([...openLogs(), path]));
    const redactSession = createRedactor([...(config.secrets ?? [])]);
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

    const llmRun = createFeedLlmRun(config.request.url, config.llm);
    const connection = createSseConnection(
      {
        ...(config.resume ? { resume: config.resume } : {}),
        isRunOver: () => llmRun?.terminated === true,
        request: config.request,
        resolveRequest: config.resolveRequest,
        retry: config.retry,
        lastEventId: config.lastEventId,
        connectTimeoutMs: config.connectTimeoutMs,
        idleTimeoutMs: config.idleTimeoutMs,
        maxEventBytes: config.maxEventBytes,
        fetch: transport?.fetch ?? options.fetch,
      },
      {
        onEvent: (event) => {
          if (!feed) return;
          llmRun?.pushEvent(event);
          record(feed, {
            seq: feed.nextSeq++,
            at: event.receivedAt,
            kind: 'event',
            type: event.type,
            data: event.data,
            lastEventId: event.lastEventId,
            attempt: event.attempt,
            sizeBytes: event.sizeBytes,
          });
        },
        onComment: (text) => {
          if (feed) record(feed, { seq: feed.nextSeq++, at: now(), kind: 'comment', text });
        },
        onRetryField: (ms) => {
          if (feed) record(feed, { seq: feed.nextSeq++, at: now(), kind: 'retry', ms });
        },
        onRedirect: (info) => {
          if (!feed) return;
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
          if (!feed) return;
          feed.state = state;
          record(feed, { seq: feed.nextSeq++, at: state.at, kind: 'state', state });
          llmRun?.pushState(state);
          if (llmRun && (state.type === 'closed' || state.type === 'failed')) {
            const timing = llmRunRecord(llmRun.snapshot(), state.at);
            if (timing) feed.log?.append(timing);
          }
          // State changes are rare and matter: send them now, not at the next frame tick.
          feed.queue.flush();
          owner.notify('feeds:state-changed', summary(feed));
        },
      },
    );
    feed = {
      id,
      owner,
      config,
      connection,
      transport,
      log,
      redact: (text) => text,
      redactedCount: 0,
      openedAt,
      events: 0,
      state: connection.state,
      nextSeq: 1,
      queue: createFrameQueue({
        feedId: id,
        send: (frame, encoded) => owner.sendFrame(frame, encoded),
        canSend: () => owner.canSend(),
        ...options.queue,
      }),
    };
    if (departed.has(owner)) {
      // The page went away while the log and transport were being set up (issue #4 §3): the
      // caller closes the transport; nothing was connected yet.
      feed.queue.dispose();
      await log.close();
      throw new Error('the page that opened this feed has gone away');
    }
    feeds.set(id, feed);
    connection.start();
    return summary(feed);
  }

  return {
    async open(owner, config) {
      // A bad CA file or proxy URL fails the open with a clear message, before any log exists.
      const transport = options.fetch ? null : await createTransport(config.transport);
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
        connection: { close: () => controller.abort(), reconnectNow: () => {} },
        transport: null,
        log: null,
        readOnly: true,
        events: 0,
        redact: (text) => text,
        redactedCount: 0,
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
              feed.queue.push(entry, JSON.stringify(entry));
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
      feed.connection.close();
      await finish(feed);
      return true;
    },

    reconnect(owner, feedId) {
      const feed = feeds.get(feedId);
      if (!feed || feed.owner !== owner) return false;
      feed.connection.reconnectNow();
      return true;
    },

    list(owner) {
      return [...feeds.values()].filter((feed) => feed.owner === owner).map(summary);
    },

    async closeOwner(owner) {
      departed.add(owner);
      const owned = [...feeds.values()].filter((feed) => feed.owner === owner);
      for (const feed of owned) {
        feeds.delete(feed.id);
        feed.connection.close();
      }
      await Promise.all(owned.map(finish));
    },

    async dispose() {
      const all = [...feeds.values()];
      feeds.clear();
      for (const feed of all) feed.connection.close();
      await Promise.all(all.map(finish));
    },
  };
}
