import { Buffer } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createEventRunLine } from '../../../shared/api/frame-codec';
import type { EventFields } from '../../../shared/api/frame-codec';

/** Logged entries reach the OS at least this often, whatever the page is doing (docs/sessions.md). */
export const SESSION_LOG_FLUSH_MS = 1_000;
/** Flush early once this much is buffered, so a fast feed does not hold megabytes in memory. */
const SESSION_LOG_BUFFER_BYTES = 256 * 1024;
/** Lines are encoded into chunks that start small (a quiet feed holds little) and grow. */
const CHUNK_MIN_BYTES = 4 * 1024;
const CHUNK_MAX_BYTES = SESSION_LOG_BUFFER_BYTES;
/** In a log's write queue: the segment ends here, the next lines go to a new file. */
const ROTATE = Symbol('rotate');
/** Lines encoded per native call: few enough that they die young, as the lines do. */
const LINE_BATCH = 64;
const LINE_BATCH_CHARS = 16 * 1024;
/**
 * An event run line (docs/sessions.md, "Event runs") closes at this many events or characters,
 * so lines stay bounded whatever the rate: a reader never holds more than one such line.
 */
export const EVENT_RUN_MAX_EVENTS = 64;
export const EVENT_RUN_MAX_CHARS = 16 * 1024;
/**
 * A session log is written in files of at most this size, so retention can remove the oldest
 * part of a session that is still running (docs/sessions.md).
 */
export const SESSION_LOG_SEGMENT_MAX_BYTES = 64 * 1024 * 1024;

/** File and folder names from user-chosen names: readable, portable, never a path escape. */
export function safeName(name: string, fallback = 'untitled'): string {
  const cleaned = name
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 80);
  return cleaned || fallback;
}

/**
 * `logs/<workspace>/<endpoint>/<start time>-<feed>.ndjson`: the start time in ISO form safe for
 * every OS, then the feed id's first characters so two sessions opened in the same millisecond
 * never share a file.
 */
export function sessionLogPath(
  logsDir: string,
  workspace: string,
  endpoint: string,
  startedAt: number,
  feedId = '',
): string {
  const stamp = new Date(startedAt).toISOString().replace(/:/g, '-');
  const suffix = feedId ? `-${safeName(feedId).slice(0, 8)}` : '';
  return join(logsDir, safeName(workspace), safeName(endpoint), `${stamp}${suffix}.ndjson`);
}

/**
 * The file of segment `index` (1-based) of the session whose first segment is `firstPath`:
 * `x.ndjson`, `x.s2.ndjson`, `x.s3.ndjson` … so every segment still ends in `.ndjson`.
 */
export function segmentPath(firstPath: string, index: number): string {
  return index <= 1 ? firstPath : firstPath.replace(/\.ndjson$/, `.s${index}.ndjson`);
}

/** Splits a log file name into its session name and segment index, or null for other files. */
export function parseSegmentName(fileName: string): { session: string; index: number } | null {
  const match = /^(.+?)(?:\.s(\d+))?\.ndjson$/.exec(fileName);
  if (!match) return null;
  return { session: match[1]!, index: match[2] === undefined ? 1 : Number(match[2]) };
}

export interface SessionLogOptions {
  flushMs?: number;
  segmentMaxBytes?: number;
  /**
   * How many of the last entries to keep for {@link SessionLog.recentLines} (0 by default): an
   * event run line counts as its events, any other line as one. They are kept as the bytes
   * already encoded for the file, not as strings or objects.
   */
  recentLines?: number;
}

export interface SessionLog {
  /** The first segment's path: the session's name on disk. */
  readonly path: string;
  /** The segment being written now (the only one retention must spare). */
  readonly activePath: string;
  /** Queues one record as a line of JSON. Never drops: the log is the complete record. */
  append(record: unknown): void;
  /** The same for a record already serialized as JSON (one line, no newline). */
  appendLine(json: string): void;
  /**
   * An event, with its data's JSON: it joins the open event run line (docs/sessions.md, "Event
   * runs"), which closes at EVENT_RUN_MAX_EVENTS / EVENT_RUN_MAX_CHARS, at any other line, at a
   * gap in seqs and at every flush — so a crash loses no more than it did with a line per event.
   */
  appendEvent(seq: number, event: EventFields, dataJson: string): void;
  /**
   * The last lines, holding at least the last `recentLines` entries (fewer when fewer were),
   * oldest first; also after a write error stopped the log (they are kept, only not written).
   */
  recentLines(): string[];
  /** Bytes handed to the file so far. */
  readonly bytesWritten: number;
  /** The write error that stopped the log (disk full, folder removed), if any. */
  readonly error: Error | null;
  /** Hands everything buffered to the file now (an export is about to read it). */
  flush(): Promise<void>;
  /** Writes everything still buffered and closes the file. */
  close(): Promise<void>;
}

/**
 * An append-only NDJSON file for one feed session (docs/sessions.md). Lines are buffered briefly and
 * written through a stream that honours backpressure: while the disk is behind, lines wait in
 * memory rather than being lost. Independent of any page, so a reload or crash loses nothing.
 * Past `segmentMaxBytes` the log goes on in a new segment file that starts with a copy of the
 * log's first line (the session record), so any segment alone says which session it belongs to.
 */
export async function openSessionLog(
  path: string,
  onError: (error: Error) => void = () => {},
  flushOrOptions: number | SessionLogOptions = SESSION_LOG_FLUSH_MS,
): Promise<SessionLog> {
  const opts: SessionLogOptions =
    typeof flushOrOptions === 'number' ? { flushMs: flushOrOptions } : flushOrOptions;
  const flushMs = opts.flushMs ?? SESSION_LOG_FLUSH_MS;
  const segmentMaxBytes = opts.segmentMaxBytes ?? SESSION_LOG_SEGMENT_MAX_BYTES;
  const keepLines = opts.recentLines ?? 0;
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  let stream: WriteStream = createWriteStream(path, { flags: 'a', mode: 0o600 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  let segment = 1;
  let activePath = path;
  let firstLine: string | null = null;
  /** Earlier segments still finishing their writes; close() waits for them. */
  const ending: Promise<void>[] = [];
  // Lines are encoded into `chunk` as they arrive, so their strings die young (a line kept
  // as a string until the next flush outlives a young-generation collection and is copied,
  // then promoted: most of the log's cost at 50k events/s, docs/performance.md). Full chunks
  // and planned segment cuts wait in `queued` while the stream is backed up.
  let chunk = Buffer.allocUnsafeSlow(CHUNK_MIN_BYTES);
  let used = 0;
  /**
   * Where the part of `chunk` not yet sealed starts. A sealed part is never written again, so
   * the stream and `recent` can hold it while later lines fill the rest of the chunk.
   */
  let start = 0;
  /** Lines in `chunk` from `start` to `used`. */
  let unsealedLines = 0;
  /** Sealed parts holding the last lines, and how many lines each holds (keepLines > 0). */
  let recent: Buffer[] = [];
  let recentCounts: number[] = [];
  let recentTotal = 0;
  /** The last few lines, encoded together once LINE_BATCH of them are in (or at a flush). */
  let batch: string[] = [];
  /** Entries in each line of `batch` (an event run line holds several). */
  let batchWeights: number[] = [];
  let batchWeight = 0;
  let batchChars = 0;
  /** The events not yet in a line: they become one when the run closes. */
  const run = createEventRunLine();
  /** The open run's events and the seq that continues it, kept here: read per event. */
  let runEvents = 0;
  let runNextSeq = 0;
  let queued: Array<Buffer | typeof ROTATE> = [];
  let bufferedBytes = 0;
  /** Bytes of the segment being filled: written, queued and in `chunk`. */
  let plannedBytes = 0;
  let writing = false;
  let bytesWritten = 0;
  let error: Error | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let drained: (() => void) | null = null;

  function watch(target: WriteStream): void {
    target.on('error', (err: Error) => {
      error ??= err;
      // A close() waiting for 'drain' would otherwise wait forever (and app quit with it).
      drained?.();
      drained = null;
      onError(err);
    });
    target.on('drain', () => {
      if (target !== stream) return;
      writing = false;
      drained?.();
      drained = null;
      flush();
    });
  }
  watch(stream);

  /** Ends the current segment (its writes finish in the background) and starts the next. */
  function rotate(): void {
    const previous = stream;
    ending.push(
      new Promise<void>((resolve) => {
        previous.once('error', () => resolve());
        previous.end(() => resolve());
      }),
    );
    segment += 1;
    activePath = segmentPath(path, segment);
    stream = createWriteStream(activePath, { flags: 'a', mode: 0o600 });
    watch(stream);
    writing = false;
    drained?.();
    drained = null;
    if (firstLine !== null) write(Buffer.from(`${firstLine}\n`, 'utf8'));
  }

  /** Moves the filled part of `chunk` to the queue (and to `recent`); later lines go after it. */
  function seal(): void {
    if (used === start) return;
    const bytes = chunk.subarray(start, used);
    start = used;
    keep(bytes, unsealedLines);
    unsealedLines = 0;
    if (!error) queued.push(bytes);
  }

  /** Keeps encoded lines for recentLines(), dropping the oldest parts no longer needed. */
  function keep(bytes: Buffer, lines: number): void {
    if (keepLines === 0) return;
    recent.push(bytes);
    recentCounts.push(lines);
    recentTotal += lines;
    let drop = 0;
    while (recentTotal - recentCounts[drop]! >= keepLines) recentTotal -= recentCounts[drop++]!;
    if (drop > 0) {
      recent = recent.slice(drop);
      recentCounts = recentCounts.slice(drop);
    }
  }

  function flush(): void {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (writing || error) return;
    closeRun();
    encodeBatch();
    seal();
    if (queued.length === 0) return;
    const items = queued;
    queued = [];
    bufferedBytes = 0;
    for (const item of items) {
      if (item === ROTATE) rotate();
      else write(item);
    }
  }

  function write(bytes: Buffer): void {
    bytesWritten += bytes.length;
    // false = the stream's own buffer is full: wait for 'drain' before writing more.
    writing = !stream.write(bytes);
  }

  function appendLine(json: string): void {
    if (error && keepLines === 0) return;
    closeRun();
    firstLine ??= json;
    batchLine(json, 1);
    scheduleFlush();
  }

  function appendEvent(seq: number, event: EventFields, dataJson: string): void {
    if (error && keepLines === 0) return;
    if (runEvents > 0 && seq !== runNextSeq) closeRun();
    const chars = run.add(seq, event, dataJson);
    runEvents += 1;
    runNextSeq = seq + 1;
    if (runEvents >= EVENT_RUN_MAX_EVENTS || chars >= EVENT_RUN_MAX_CHARS) closeRun();
    // scheduleFlush(), inline: this runs once per event.
    if (error) return;
    if (bufferedBytes >= SESSION_LOG_BUFFER_BYTES) flush();
    else if (timer === null) timer = setTimeout(flush, flushMs);
  }

  /** Ends the open event run: its line joins the batch. */
  function closeRun(): void {
    if (runEvents === 0) return;
    const events = runEvents;
    runEvents = 0;
    batchLine(run.take(), events);
  }

  function batchLine(json: string, weight: number): void {
    batch.push(json);
    batchWeights.push(weight);
    batchWeight += weight;
    batchChars += json.length + 1;
    if (batch.length >= LINE_BATCH || batchChars >= LINE_BATCH_CHARS) encodeBatch();
  }

  function scheduleFlush(): void {
    // After a write error, lines are still kept for recentLines(), only no longer written.
    if (error) return;
    if (bufferedBytes >= SESSION_LOG_BUFFER_BYTES) flush();
    else timer ??= setTimeout(flush, flushMs);
  }

  /** Encodes the batched lines into the chunk: one native call for the batch. */
  function encodeBatch(): void {
    if (batch.length === 0) return;
    const lines = batch;
    const weights = batchWeights;
    const weight = batchWeight;
    const chars = batchChars;
    batch = [];
    batchWeights = [];
    batchWeight = 0;
    batchChars = 0;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: exact sizes are needed only near the
    // end of a segment (a segment never grows past its limit unless one line alone does).
    if (error || plannedBytes + chars * 3 <= segmentMaxBytes) {
      encode(`${lines.join('\n')}\n`, weight);
      return;
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (plannedBytes > 0 && plannedBytes + Buffer.byteLength(line) + 1 > segmentMaxBytes) {
        seal();
        queued.push(ROTATE);
        plannedBytes = Buffer.byteLength(firstLine ?? '') + 1;
      }
      encode(`${line}\n`, weights[i]!);
    }
  }

  /**
   * Appends complete lines holding `lines` entries (`text` ends with a newline) to the chunk, or
   * queues them whole.
   */
  function encode(text: string, lines: number): void {
    const bound = text.length * 3;
    let size: number;
    if (bound > CHUNK_MAX_BYTES) {
      seal();
      const bytes = Buffer.from(text, 'utf8');
      keep(bytes, lines);
      if (!error) queued.push(bytes);
      size = bytes.length;
    } else {
      if (used + bound > chunk.length) nextChunk(bound);
      size = chunk.write(text, used, 'utf8');
      used += size;
      unsealedLines += lines;
    }
    plannedBytes += size;
    bufferedBytes += size;
  }

  /**
   * A new chunk with room for `bound` more bytes, holding the unsealed part of the current one.
   * It grows (up to CHUNK_MAX_BYTES) only when what waits for one flush does not fit: a quiet
   * log's chunks stay small, a busy log's grow.
   */
  function nextChunk(bound: number): void {
    if (used - start + bound > CHUNK_MAX_BYTES) seal();
    const pending = used - start;
    const size =
      pending + bound > chunk.length
        ? Math.min(CHUNK_MAX_BYTES, Math.max(pending + bound, chunk.length * 2))
        : chunk.length;
    const next = Buffer.allocUnsafeSlow(size);
    chunk.copy(next, 0, start, used);
    chunk = next;
    start = 0;
    used = pending;
  }

  return {
    path,
    append(record) {
      appendLine(JSON.stringify(record));
    },
    appendLine,
    appendEvent,
    recentLines() {
      if (keepLines === 0) return [];
      closeRun();
      encodeBatch();
      const parts = [...recent, chunk.subarray(start, used)];
      const lines = Buffer.concat(parts).toString('utf8').split('\n');
      // The text ends with a newline: the last piece is empty.
      lines.pop();
      // Parts are dropped whole, so they may hold more than needed: a line holds one entry or
      // more, so the last keepLines lines always hold at least keepLines entries.
      return lines.slice(-keepLines);
    },
    get activePath() {
      return activePath;
    },
    async flush() {
      while (writing && !error) await new Promise<void>((resolve) => (drained = resolve));
      flush();
      while (writing && !error) await new Promise<void>((resolve) => (drained = resolve));
    },
    get bytesWritten() {
      return bytesWritten;
    },
    get error() {
      return error;
    },
    async close() {
      while (writing && !error) await new Promise<void>((resolve) => (drained = resolve));
      flush();
      await Promise.all(ending);
      if (error) {
        stream.destroy();
        return;
      }
      await new Promise<void>((resolve) => {
        stream.once('error', () => resolve());
        stream.end(() => resolve());
      });
    },
  };
}
