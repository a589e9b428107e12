import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enforceLogRetention } from './log-retention';
import { fieldsOf, jsonString } from '../../../shared/api/frame-codec';
import type { FeedEventEntry } from '../../../shared/api/frames';
import { eventEntry } from '../../../tests/support/feeds/frames';
import { parseLogRecords } from '../sessions/log-records';
import {
  EVENT_RUN_MAX_CHARS,
  EVENT_RUN_MAX_EVENTS,
  openSessionLog,
  parseSegmentName,
  safeName,
  sessionLogPath,
} from './session-log';
import type { SessionLog } from './session-log';

const tempDir = () => mkdtempSync(join(tmpdir(), 'eventscope-log-'));

describe('session log paths', () => {
  it('are logs/<workspace>/<endpoint>/<ISO start time>.ndjson with names made safe', () => {
    const path = sessionLogPath(
      '/data/logs',
      'My APIs',
      'chat: prod/v2',
      Date.UTC(2026, 10, 25, 14, 3, 7, 9),
    );
    expect(path).toBe(
      join('/data/logs', 'My APIs', 'chat- prod-v2', '2026-11-25T14-03-07.009Z.ndjson'),
    );
  });

  it('never let a name climb out of the logs folder', () => {
    expect(safeName('../../etc')).toBe('etc');
    expect(safeName('..')).toBe('untitled');
    expect(safeName('a\\b/c')).toBe('a-b-c');
  });
});

describe('a session log', () => {
  it('reaches the disk within about a second without being closed', async () => {
    const path = join(tempDir(), 'w', 'e', 's.ndjson');
    const log = await openSessionLog(path, undefined, 50);
    log.append({ seq: 1, kind: 'event', data: 'a' });
    await expect
      .poll(() => readFileSync(path, 'utf8'), { timeout: 2_000 })
      .toBe('{"seq":1,"kind":"event","data":"a"}\n');
    await log.close();
  });

  it('keeps every line in order through backpressure and writes the rest on close', async () => {
    const path = join(tempDir(), 's.ndjson');
    const log = await openSessionLog(path);
    const big = 'x'.repeat(1_000);
    for (let seq = 1; seq <= 20_000; seq++) log.append({ seq, data: big });
    await log.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(20_000);
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(
      lines.map((_, i) => i + 1),
    );
  });

  it('writes every line byte for byte: multi-byte text, lines of every size, one larger than its write buffer', async () => {
    const path = join(tempDir(), 's.ndjson');
    const log = await openSessionLog(path);
    const records: unknown[] = [];
    for (let seq = 1; seq <= 3_000; seq++) {
      const data =
        seq % 1_000 === 0 ? 'é€😀'.repeat(100_000) : `${'ü'.repeat(seq % 97)}€${'x'.repeat(seq)}`;
      records.push({ seq, data });
      log.append({ seq, data });
    }
    await log.close();
    const expected = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(log.bytesWritten).toBe(Buffer.byteLength(expected));
  });

  it('is private to the user on POSIX', async () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    const path = join(dir, 'ws', 'ep', 's.ndjson');
    const log = await openSessionLog(path);
    await log.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'ws', 'ep')).mode & 0o777).toBe(0o700);
  });

  it('reports a write failure instead of throwing into the feed', async () => {
    const errors: Error[] = [];
    // /dev/full answers every write with ENOSPC: a full disk, for real.
    if (!existsSync('/dev/full')) return;
    const log = await openSessionLog('/dev/full', (e) => errors.push(e), 10);
    log.append({ seq: 1 });
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]!.message).toMatch(/ENOSPC/);
    expect(log.error).not.toBeNull();
    log.append({ seq: 2 });
    // Regression: close() after a write error used to wait for 'drain' forever.
    await expect(log.close()).resolves.toBeUndefined();
  });
});

describe('the last lines of a session log', () => {
  it('are kept, in order, whatever the chunks and flushes they were written in', async () => {
    const path = join(tempDir(), 's.ndjson');
    const log = await openSessionLog(path, undefined, { flushMs: 5, recentLines: 100 });
    const line = (seq: number) => JSON.stringify({ seq, data: 'é'.repeat(seq % 300) });
    for (let seq = 1; seq <= 5_000; seq++) {
      log.appendLine(line(seq));
      // Some lines reach the file between others, so parts of every size get sealed.
      if (seq % 997 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const recent = log.recentLines();
    expect(recent.length).toBeGreaterThanOrEqual(100);
    expect(recent).toEqual(
      Array.from({ length: recent.length }, (_, i) => line(5_000 - recent.length + 1 + i)),
    );
    await log.close();
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(5_000);
  });

  it('are none unless asked for', async () => {
    const log = await openSessionLog(join(tempDir(), 's.ndjson'));
    log.appendLine('{"seq":1}');
    expect(log.recentLines()).toEqual([]);
    await log.close();
  });

  it('are kept for a quiet log that reaches the file after every line', async () => {
    const path = join(tempDir(), 's.ndjson');
    const log = await openSessionLog(path, undefined, { flushMs: 1, recentLines: 50 });
    for (let seq = 1; seq <= 120; seq++) {
      log.appendLine(`{"seq":${seq}}`);
      await log.flush();
    }
    expect(log.recentLines().slice(-50)).toEqual(
      Array.from({ length: 50 }, (_, i) => `{"seq":${71 + i}}`),
    );
    await log.close();
  });

  it('go on being kept after a write error stopped the log', async () => {
    if (!existsSync('/dev/full')) return;
    const errors: Error[] = [];
    const log = await openSessionLog('/dev/full', (e) => errors.push(e), {
      flushMs: 5,
      recentLines: 10,
    });
    log.appendLine('{"seq":1}');
    await expect.poll(() => errors.length).toBe(1);
    for (let seq = 2; seq <= 30; seq++) log.appendLine(`{"seq":${seq}}`);
    expect(log.recentLines().slice(-10)).toEqual(
      Array.from({ length: 10 }, (_, i) => `{"seq":${21 + i}}`),
    );
    await expect(log.close()).resolves.toBeUndefined();
  });
});

describe('the events of a session log', () => {
  /** Events with data of every size, multi-byte text, and fields that change now and then. */
  function sampleEvents(count: number): FeedEventEntry[] {
    return Array.from({ length: count }, (_, i) => {
      const seq = i + 1;
      const data =
        seq % 500 === 0
          ? 'é€😀'.repeat(3_000)
          : seq % 7 === 0
            ? `ü${'x'.repeat(seq % 300)}`
            : 'y'.repeat(64);
      return eventEntry(seq, data, {
        at: 1_700_000_000_000 + Math.floor(seq / 10),
        type: seq % 50 === 0 ? 'tick' : 'message',
        lastEventId: String(Math.floor(seq / 33)),
      });
    });
  }

  const append = (log: SessionLog, entry: FeedEventEntry): void =>
    log.appendEvent(entry.seq, fieldsOf(entry), jsonString(entry.data));

  it('are written as bounded run lines that read back as every event, byte sizes included', async () => {
    const path = join(tempDir(), 's.ndjson');
    const log = await openSessionLog(path);
    log.append({ kind: 'session', name: 'x' });
    const events = sampleEvents(3_000);
    for (const entry of events) append(log, entry);
    await log.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.flatMap(parseLogRecords)).toEqual([{ kind: 'session', name: 'x' }, ...events]);
    const runs = lines.slice(1).map((line) => JSON.parse(line) as { entries: unknown[] });
    expect(runs.every((run) => run.entries.length <= EVENT_RUN_MAX_EVENTS)).toBe(true);
    // A line ends at the event that takes it past the bound: never longer than that.
    const longestEvent = Math.max(...events.map((e) => JSON.stringify(e.data).length + 40));
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(
      EVENT_RUN_MAX_CHARS + longestEvent,
    );
    expect(log.bytesWritten).toBe(statSync(path).size);
  });

  it('take about a third of the bytes of a line per event', async () => {
    const runPath = join(tempDir(), 'runs.ndjson');
    const linePath = join(tempDir(), 'lines.ndjson');
    const runs = await openSessionLog(runPath);
    const lines = await openSessionLog(linePath);
    for (let seq = 1; seq <= 6_400; seq++) {
      const entry = eventEntry(seq, 'z'.repeat(64));
      append(runs, entry);
      lines.append(entry);
    }
    await Promise.all([runs.close(), lines.close()]);
    expect(statSync(runPath).size / 6_400).toBeLessThan(70);
    expect(statSync(runPath).size / statSync(linePath).size).toBeLessThan(0.4);
  });

  it('reach the disk at every flush, the open run closed, without the log being closed', async () => {
    const path = join(tempDir(), 's.ndjson');
    const log = await openSessionLog(path, undefined, 20);
    append(log, eventEntry(1, 'a'));
    append(log, eventEntry(2, 'b'));
    await expect
      .poll(() => readFileSync(path, 'utf8').split('\n').flatMap(parseLogRecords).length, {
        timeout: 2_000,
      })
      .toBe(2);
    append(log, eventEntry(3, 'c'));
    await expect
      .poll(() => readFileSync(path, 'utf8').split('\n').flatMap(parseLogRecords), {
        timeout: 2_000,
      })
      .toEqual([eventEntry(1, 'a'), eventEntry(2, 'b'), eventEntry(3, 'c')]);
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    await log.close();
  });

  it('stay in order with the other records: a state change or a gap in seqs ends a run', async () => {
    const path = join(tempDir(), 's.ndjson');
    const log = await openSessionLog(path);
    const state = { seq: 3, at: 1_700_000_000_000, kind: 'comment', text: 'between' };
    append(log, eventEntry(1, 'a'));
    append(log, eventEntry(2, 'b'));
    log.append(state);
    append(log, eventEntry(4, 'c'));
    append(log, eventEntry(9, 'after a gap'));
    await log.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.flatMap(parseLogRecords)).toEqual([
      eventEntry(1, 'a'),
      eventEntry(2, 'b'),
      state,
      eventEntry(4, 'c'),
      eventEntry(9, 'after a gap'),
    ]);
  });

  it('go on in new segments, each starting with the session record, none past its size', async () => {
    const dir = tempDir();
    const path = join(dir, 's.ndjson');
    const log = await openSessionLog(path, undefined, { segmentMaxBytes: 20_000, flushMs: 5 });
    log.append({ kind: 'session', name: 'x' });
    const events = sampleEvents(2_000).filter((e) => e.data.length < 1_000);
    for (const entry of events) append(log, entry);
    await log.close();
    const files = readdirSync(dir).sort(
      (a, b) => (parseSegmentName(a)?.index ?? 0) - (parseSegmentName(b)?.index ?? 0),
    );
    expect(files.length).toBeGreaterThan(3);
    const read: unknown[] = [];
    for (const name of files) {
      const file = join(dir, name);
      expect(statSync(file).size).toBeLessThanOrEqual(20_000);
      const records = readFileSync(file, 'utf8').split('\n').flatMap(parseLogRecords);
      expect(records[0]).toEqual({ kind: 'session', name: 'x' });
      read.push(...records.slice(1));
    }
    expect(read).toEqual(events);
  });

  it('are kept for a page that comes back, counted by events, not lines', async () => {
    const log = await openSessionLog(join(tempDir(), 's.ndjson'), undefined, {
      flushMs: 5,
      recentLines: 2_000,
    });
    const events = sampleEvents(10_000);
    for (const entry of events) {
      append(log, entry);
      if (entry.seq % 2_999 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const recent = log.recentLines().flatMap(parseLogRecords);
    expect(recent.length).toBeGreaterThanOrEqual(2_000);
    // Whole parts are kept: a few more than asked, never a run's worth of lines per event.
    expect(recent.length).toBeLessThan(2_000 * 3);
    expect(recent).toEqual(events.slice(-recent.length));
    await log.close();
  });
});

describe('log retention', () => {
  it('deletes the oldest sessions until the total fits, sparing logs in use', async () => {
    const logs = tempDir();
    mkdirSync(join(logs, 'ws', 'ep'), { recursive: true });
    const file = (name: string, ageS: number) => {
      const path = join(logs, 'ws', 'ep', name);
      writeFileSync(path, 'x'.repeat(1_000));
      const t = Date.now() / 1000 - ageS;
      utimesSync(path, t, t);
      return path;
    };
    const oldest = file('1.ndjson', 400);
    const inUse = file('2.ndjson', 300);
    const middle = file('3.ndjson', 200);
    const newest = file('4.ndjson', 100);
    const deleted = await enforceLogRetention(logs, 2_000, new Set([inUse]));
    expect(deleted).toEqual([oldest, middle]);
    expect(existsSync(inUse)).toBe(true);
    expect(existsSync(newest)).toBe(true);
  });
});

describe('session log segments', () => {
  it('go on in a new file past the segment size, each starting with the session record', async () => {
    const dir = tempDir();
    const path = join(dir, 'w', 'e', 's.ndjson');
    const log = await openSessionLog(path, undefined, { segmentMaxBytes: 10_000, flushMs: 5 });
    log.append({ kind: 'session', name: 'x' });
    for (let seq = 1; seq <= 500; seq++) log.append({ seq, data: 'y'.repeat(50) });
    await log.close();
    const files = readdirSync(join(dir, 'w', 'e')).sort(
      (a, b) => (parseSegmentName(a)?.index ?? 0) - (parseSegmentName(b)?.index ?? 0),
    );
    expect(files.length).toBeGreaterThan(3);
    expect(files[0]).toBe('s.ndjson');
    expect(files[1]).toBe('s.s2.ndjson');
    const seqs: number[] = [];
    for (const name of files) {
      const file = join(dir, 'w', 'e', name);
      expect(statSync(file).size).toBeLessThanOrEqual(10_000);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(JSON.parse(lines[0]!)).toEqual({ kind: 'session', name: 'x' });
      seqs.push(...lines.slice(1).map((l) => (JSON.parse(l) as { seq: number }).seq));
    }
    expect(seqs).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(log.activePath).toBe(join(dir, 'w', 'e', files[files.length - 1]!));
  });

  it('let retention trim the oldest segments of a session still running, never the one being written', async () => {
    const logs = tempDir();
    const path = join(logs, 'w', 'e', 's.ndjson');
    const log = await openSessionLog(path, undefined, { segmentMaxBytes: 10_000, flushMs: 5 });
    log.append({ kind: 'session', name: 'x' });
    for (let seq = 1; seq <= 1_000; seq++) log.append({ seq, data: 'y'.repeat(50) });
    await log.flush();
    const deleted = await enforceLogRetention(logs, 25_000, new Set([log.activePath]));
    expect(deleted).toContain(path);
    expect(existsSync(log.activePath)).toBe(true);
    log.append({ seq: 1_001 });
    await log.close();
    expect(readFileSync(log.activePath, 'utf8')).toContain('"seq":1001');
  });
});
