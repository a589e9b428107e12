import { open, readdir, stat, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseSegmentName } from '../feeds/session-log';
import type { LogRecord, SessionHeaderRecord } from './log-records';
import { isEntry, parseLogLine, parseLogRecords } from './log-records';

/** How much of a log's end is read to find how the session ended (its last records). */
const TAIL_BYTES = 64 * 1024;
/** The session record is the first line; a longer one (a huge request body) is not read whole. */
const HEAD_BYTES = 256 * 1024;

export interface SegmentFile {
  index: number;
  path: string;
  size: number;
  mtimeMs: number;
}

/** One recorded session on disk: `logs/<workspace>/<endpoint>/<name>[.sN].ndjson`. */
export interface SessionFiles {
  /** `<workspace folder>/<endpoint folder>/<name>`, always with `/`. */
  id: string;
  workspaceFolder: string;
  endpointFolder: string;
  /** The segments still on disk, in order. */
  segments: SegmentFile[];
}

async function entriesOf(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Every session under `logsDir` (two folder levels: workspace, endpoint). */
export async function listSessionFiles(logsDir: string): Promise<SessionFiles[]> {
  const found = new Map<string, SessionFiles>();
  for (const ws of await entriesOf(logsDir)) {
    if (!ws.isDirectory()) continue;
    for (const ep of await entriesOf(join(logsDir, ws.name))) {
      if (!ep.isDirectory()) continue;
      const dir = join(logsDir, ws.name, ep.name);
      for (const file of await entriesOf(dir)) {
        const parsed = file.isFile() ? parseSegmentName(file.name) : null;
        if (!parsed) continue;
        const path = join(dir, file.name);
        const info = await stat(path).catch(() => null);
        if (!info) continue;
        const id = [ws.name, ep.name, parsed.session].join('/');
        let session = found.get(id);
        if (!session) {
          session = { id, workspaceFolder: ws.name, endpointFolder: ep.name, segments: [] };
          found.set(id, session);
        }
        session.segments.push({
          index: parsed.index,
          path,
          size: info.size,
          mtimeMs: info.mtimeMs,
        });
      }
    }
  }
  for (const session of found.values()) session.segments.sort((a, b) => a.index - b.index);
  return [...found.values()];
}

/** The session id of a log file path under `logsDir` (a live feed's `logFile`). */
export function sessionIdOfPath(logsDir: string, path: string): string | null {
  const parts = relative(logsDir, path).split(sep);
  if (parts.length !== 3 || parts.some((p) => p === '..' || p === '')) return null;
  const parsed = parseSegmentName(parts[2]!);
  return parsed ? `${parts[0]}/${parts[1]}/${parsed.session}` : null;
}

export async function findSessionFiles(logsDir: string, id: string): Promise<SessionFiles | null> {
  const all = await listSessionFiles(logsDir);
  return all.find((session) => session.id === id) ?? null;
}

async function readSlice(path: string, from: number, length: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, from);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export type SessionEnding = 'closed' | 'failed' | 'running' | 'interrupted';

export interface SessionFacts {
  header: SessionHeaderRecord | null;
  startedAt: number;
  endedAt: number;
  /** Events in the whole session; from the end record, or counted up to the last seq known. */
  events: number | null;
  sizeBytes: number;
  ending: SessionEnding;
  /** The session's early segments were removed by retention. */
  trimmed: boolean;
}

/**
 * What a session list shows, read from the first line and the last 64 KiB only: a 1 GB log
 * is listed as fast as a small one.
 */
export async function readSessionFacts(
  files: SessionFiles,
  isRunning: (path: string) => boolean,
): Promise<SessionFacts> {
  const first = files.segments[0]!;
  const last = files.segments[files.segments.length - 1]!;
  const headLine = (await readSlice(first.path, 0, Math.min(first.size, HEAD_BYTES))).split(
    '\n',
  )[0];
  const headRecord = headLine === undefined ? null : parseLogLine(headLine);
  const header = headRecord?.kind === 'session' ? headRecord : null;
  const tail = await readSlice(
    last.path,
    Math.max(0, last.size - TAIL_BYTES),
    Math.min(last.size, TAIL_BYTES),
  );
  const tailRecords: LogRecord[] = tail.split('\n').flatMap(parseLogRecords);
  const end = tailRecords.findLast((r) => r.kind === 'end');
  const lastEntry = tailRecords.findLast(isEntry);
  const running = files.segments.some((s) => isRunning(s.path));
  let ending: SessionEnding;
  if (running) ending = 'running';
  else if (end?.kind === 'end') ending = end.state === 'failed' ? 'failed' : 'closed';
  else ending = 'interrupted';
  const startedAt = header?.openedAt ?? first.mtimeMs;
  return {
    header,
    startedAt,
    endedAt: end?.kind === 'end' ? end.at : (lastEntry?.at ?? last.mtimeMs),
    events: end?.kind === 'end' ? end.events : null,
    sizeBytes: files.segments.reduce((sum, s) => sum + s.size, 0),
    ending,
    trimmed: first.index > 1,
  };
}

export async function deleteSessionFiles(files: SessionFiles): Promise<void> {
  for (const segment of files.segments) await unlink(segment.path).catch(() => {});
}
