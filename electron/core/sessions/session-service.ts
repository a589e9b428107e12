import type { FeedSummary } from '../../../shared/api/feeds';
import type { FeedEntry } from '../../../shared/api/frames';
import type { SessionInfo } from '../../../shared/api/sessions';
import { createEndpoint } from '../../../shared/model/workspace';
import type { FeedManager, FeedSink } from '../feeds/feed-manager';
import { safeName } from '../feeds/session-log';
import type { ReplayServer, ReplaySpeed } from '../replay/replay-server';
import { startReplayServer } from '../replay/replay-server';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { readLogLines } from './log-reader';
import { isEntry, parseLogRecords } from './log-records';
import type { SessionFiles } from './session-files';
import {
  deleteSessionFiles,
  findSessionFiles,
  listSessionFiles,
  readSessionFacts,
  sessionIdOfPath,
} from './session-files';
import { CommandError, type ErrorReason } from '../../../shared/result';

export interface SessionServiceOptions {
  logsDir: string;
  feeds: FeedManager;
  workspaces?: Pick<WorkspaceService, 'saveEndpoint'>;
}

export interface SessionService {
  list(filter?: { workspace?: string; endpoint?: string }): Promise<SessionInfo[]>;
  /** The files of a session, or an error saying it is gone. */
  files(id: string): Promise<SessionFiles>;
  /** Sessions of one endpoint (by the names the feed was opened with), oldest first. */
  filesOfEndpoint(workspace: string, endpoint: string): Promise<SessionFiles[]>;
  open(owner: FeedSink, id: string): Promise<FeedSummary>;
  /** The session a feed shows: its own log, or the recording it was opened from. */
  sessionOfFeed(owner: FeedSink, feedId: string): Promise<string | null>;
  remove(id: string): Promise<boolean>;
  replay(
    id: string,
    workspaceId: string,
    speed: ReplaySpeed,
  ): Promise<{ url: string; workspaceId: string; endpointId: string }>;
  dispose(): Promise<void>;
}

/** A refused session command: English for logs, a reason the page words (shared/result.ts). */
export class SessionError extends CommandError {
  override name = 'SessionError';
  constructor(message: string, reason: ErrorReason) {
    super('internal', message, { reason });
  }
}

/** Entries of a session's log in batches, read as the consumer asks (never the whole file). */
async function* sessionEntries(files: SessionFiles): AsyncGenerator<FeedEntry[]> {
  for await (const lines of readLogLines(files.segments.map((s) => s.path))) {
    const batch: FeedEntry[] = [];
    for (const line of lines) {
      for (const record of parseLogRecords(line)) if (isEntry(record)) batch.push(record);
    }
    if (batch.length > 0) yield batch;
  }
}

/**
 * Past sessions: every session log is a recording (docs/sessions.md). Lists them from the first
 * line and the tail of their files, opens one as a read-only feed, deletes, and serves one as a
 * replay endpoint.
 */
export function createSessionService(options: SessionServiceOptions): SessionService {
  const { logsDir, feeds } = options;
  /** Read-only feeds opened from a session: feedId → session id. */
  const opened = new Map<string, string>();
  const replays: ReplayServer[] = [];

  const runningIds = (): Set<string> =>
    new Set(
      feeds
        .openLogFiles()
        .map((path) => sessionIdOfPath(logsDir, path))
        .filter((id): id is string => id !== null),
    );

  async function files(id: string): Promise<SessionFiles> {
    const found = await findSessionFiles(logsDir, id);
    if (!found) throw new SessionError(`The session ${id} is no longer on disk.`, 'session-gone');
    return found;
  }

  async function info(session: SessionFiles, running: Set<string>): Promise<SessionInfo> {
    const facts = await readSessionFacts(session, () => running.has(session.id));
    return {
      id: session.id,
      workspace: facts.header?.workspace ?? session.workspaceFolder,
      endpoint: facts.header?.name ?? session.endpointFolder,
      name: facts.header?.name ?? session.endpointFolder,
      method: facts.header?.method ?? 'GET',
      url: facts.header?.url ?? '',
      startedAt: facts.startedAt,
      endedAt: facts.endedAt,
      events: facts.events,
      sizeBytes: facts.sizeBytes,
      ending: facts.ending,
      trimmed: facts.trimmed,
    };
  }

  return {
    async list(filter) {
      let all = await listSessionFiles(logsDir);
      if (filter?.workspace !== undefined) {
        all = all.filter((s) => s.workspaceFolder === safeName(filter.workspace!));
      }
      if (filter?.endpoint !== undefined) {
        all = all.filter((s) => s.endpointFolder === safeName(filter.endpoint!));
      }
      const running = runningIds();
      const infos = await Promise.all(all.map((session) => info(session, running)));
      return infos.sort((a, b) => b.startedAt - a.startedAt);
    },
    files,
    async filesOfEndpoint(workspace, endpoint) {
      const all = await listSessionFiles(logsDir);
      return all
        .filter(
          (s) =>
            s.workspaceFolder === safeName(workspace) && s.endpointFolder === safeName(endpoint),
        )
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async open(owner, id) {
      const session = await files(id);
      const facts = await readSessionFacts(session, () => false);
      const summary = feeds.openRecording(owner, {
        name: facts.header?.name ?? session.endpointFolder,
        method: facts.header?.method ?? 'GET',
        url: facts.header?.url ?? '',
        entries: sessionEntries(session),
        trimmed: facts.trimmed,
      });
      opened.set(summary.feedId, id);
      return summary;
    },
    async sessionOfFeed(owner, feedId) {
      const fromRecording = opened.get(feedId);
      if (fromRecording !== undefined) return fromRecording;
      const logFile = await feeds.flushLog(owner, feedId);
      return logFile === null ? null : sessionIdOfPath(logsDir, logFile);
    },
    async remove(id) {
      if (runningIds().has(id)) {
        throw new SessionError(
          'This session is still being recorded: close its feed first.',
          'session-recording',
        );
      }
      const session = await findSessionFiles(logsDir, id);
      if (!session) return false;
      await deleteSessionFiles(session);
      return true;
    },
    async replay(id, workspaceId, speed) {
      if (!options.workspaces)
        throw new SessionError('Replay endpoints need a workspace store.', 'session-no-store');
      const session = await files(id);
      const facts = await readSessionFacts(session, () => false);
      const server = await startReplayServer({
        paths: session.segments.map((s) => s.path),
        speed,
        format: 'ndjson',
      });
      replays.push(server);
      const endpoint = createEndpoint({
        name: `Replay of ${facts.header?.name ?? session.endpointFolder}`,
        url: server.url,
      });
      await options.workspaces.saveEndpoint(workspaceId, endpoint);
      return { url: server.url, workspaceId, endpointId: endpoint.id };
    },
    async dispose() {
      await Promise.all(replays.splice(0).map((server) => server.close()));
    },
  };
}
