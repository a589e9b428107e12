import { randomUUID } from 'node:crypto';
import type { NotificationChannel } from '../../../shared/api/channels';
import type { FeedSummary } from '../../../shared/api/feeds';
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
import { createRedactor, redactHeaders, secretsOfRequest } from '../redact';
import type { SessionLog } from './session-log';
import { openSessionLog, sessionLogPath } from './session-log';

/**
 * A page that owns feeds: an Electron window or a web-mode socket (DESIGN.md §2, `FeedSink`).
 * Frames and notifications go to the owner only; when it goes away, its feeds close.
 */
export interface FeedSink {
  readonly id: string;
  /** `entriesJson[i]` is `frame.entries[i]` as JSON, for transports that send text. */
  sendFrame(frame: FeedFrame, entriesJson: readonly string[]): void;
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

export interface FeedManager {
  open(owner: FeedSink, config: FeedConfig): Promise<FeedSummary>;
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
  connection: SseConnection;
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

const DEFAULT_WORKSPACE_FOLDER = 'ad hoc';
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
  });

  function record(feed: Feed, entry: FeedEntry): void {
    // Serialized once, for the log and for a JSON transport alike (the main per-event cost).
    let json = JSON.stringify(entry);
    const redacted = redactFor(feed)(json);
    if (redacted !== json) {
      json = redacted;
      entry = JSON.parse(json) as FeedEntry;
    }
    feed.log?.appendLine(json);
    feed.queue.push(entry, json);
    sinceRetention += json.length;
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
    // The sets only grow, so their sizes say whether the redactor is stale: no work per entry.
    const secrets = feed.config.secrets;
    const count = feed.requestSecrets.size + (secrets?.size ?? 0);
    if (count !== feed.redactedCount) {
      feed.redactedCount = count;
      feed.redact = createRedactor([...feed.requestSecrets, ...(secrets ?? [])]);
    }
    return feed.redact;
  }

  function openLogs(): Set<string> {
    return new Set([...feeds.values()].flatMap((feed) => (feed.log ? [feed.log.path] : [])));
  }

  async function finish(feed: Feed): Promise<void> {
    feed.queue.flush();
    feed.queue.dispose();
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
    const requestSecrets = new Set(secretsOfRequest(config.request));
    const resolveRequest = config.resolveRequest;
    const redactSession = createRedactor([...requestSecrets, ...(config.secrets ?? [])]);
    log.append({
      kind: 'session',
      feedId: id,
      name: config.name,
      method: config.request.method,
      url: redactSession(config.request.url),
      headers: redactHeaders(config.request.headers),
      openedAt,
    });

    const connection = createSseConnection(
      {
        request: config.request,
        resolveRequest:
          resolveRequest &&
          (async (attempt) => {
            const resolved = await resolveRequest(attempt);
            for (const secret of secretsOfRequest(resolved)) requestSecrets.add(secret);
            return resolved;
          }),
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
      redactedCount: -1,
      requestSecrets,
      openedAt,
      state: connection.state,
      nextSeq: 1,
      queue: createFrameQueue({
        feedId: id,
        send: (frame, entriesJson) => owner.sendFrame(frame, entriesJson),
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
