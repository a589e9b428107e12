import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldsOf } from '../../../shared/api/frame-codec';
import type { FeedEntry } from '../../../shared/api/frames';
import { openSessionLog, sessionLogPath } from '../../../electron/core/feeds/session-log';
import type { SessionLogOptions } from '../../../electron/core/feeds/session-log';
import type { SessionHeaderRecord } from '../../../electron/core/sessions/log-records';

export const tempDir = (prefix = 'eventscope-sessions-'): string =>
  mkdtempSync(join(tmpdir(), prefix));

/** Data that breaks naive CSV, JSON and SSE writers. */
export const AWKWARD_DATA = [
  'plain',
  'with, comma',
  'with "quotes"',
  'two\nlines',
  '',
  ' leading space',
  'ünïcødé ✓ 🎉',
  '{"json":true}',
];

export function header(openedAt: number, overrides: Partial<SessionHeaderRecord> = {}) {
  return {
    kind: 'session' as const,
    feedId: 'feed-1',
    name: 'Counter',
    method: 'GET',
    url: 'http://127.0.0.1:1/counter',
    headers: [{ name: 'Authorization', value: '[redacted]' }],
    body: null,
    openedAt,
    ...overrides,
  };
}

/** Timeline entries: a state change, events with awkward data and changing ids, a retry. */
export function sampleEntries(start: number, count = AWKWARD_DATA.length): FeedEntry[] {
  const entries: FeedEntry[] = [
    {
      seq: 1,
      at: start,
      kind: 'state',
      state: { type: 'open', at: start, attempt: 1, url: 'http://x/', status: 200, headers: [] },
    },
    { seq: 2, at: start + 1, kind: 'retry', ms: 2500 },
  ];
  for (let i = 0; i < count; i++) {
    const data = AWKWARD_DATA[i % AWKWARD_DATA.length]!;
    entries.push({
      seq: entries.length + 1,
      at: start + 10 + i * 25,
      kind: 'event',
      type: i % 3 === 0 ? 'message' : `type-${i % 3}`,
      data,
      // An id on some, reset to '' on one, kept on the others: ids carry over as in browsers.
      lastEventId: i === 4 ? '' : i < 2 ? '' : String(Math.floor(i / 2)),
      attempt: 1,
      sizeBytes: Buffer.byteLength(data),
    });
  }
  return entries;
}

/**
 * Writes a session log as the feed manager does — events as event run lines — or, with
 * `eventRuns: false`, as logs written before them were (one object line per event); returns its
 * first segment's path.
 */
export async function writeSessionLog(
  logsDir: string,
  entries: readonly FeedEntry[],
  options: {
    openedAt?: number;
    endpoint?: string;
    log?: SessionLogOptions;
    end?: boolean;
    eventRuns?: boolean;
  } = {},
): Promise<string> {
  const openedAt = options.openedAt ?? Date.UTC(2026, 0, 2, 3, 4, 5);
  const path = sessionLogPath(logsDir, 'Demo', options.endpoint ?? 'Counter', openedAt, 'feed-1');
  const log = await openSessionLog(path, undefined, options.log ?? {});
  log.append(header(openedAt, { name: options.endpoint ?? 'Counter' }));
  for (const entry of entries) {
    if (entry.kind === 'event' && options.eventRuns !== false) {
      log.appendEvent(entry.seq, fieldsOf(entry), JSON.stringify(entry.data));
    } else log.append(entry);
  }
  if (options.end !== false) {
    const last = entries[entries.length - 1];
    log.append({
      kind: 'end',
      at: (last?.at ?? openedAt) + 5,
      entries: entries.length,
      events: entries.filter((e) => e.kind === 'event').length,
      state: 'closed',
    });
  }
  await log.close();
  return path;
}
