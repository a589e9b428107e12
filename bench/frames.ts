import { performance } from 'node:perf_hooks';
import {
  createEventRunLine,
  decodeFeedFrame,
  encodeFeedFrame,
  eventLogLine,
  fieldsOf,
  jsonString,
} from '../shared/api/frame-codec';
import type { FeedEventEntry } from '../shared/api/frames';
import { loadLine, median } from './process-runs';

/**
 * `npx tsx bench/frames.ts`: candidate wire forms of a feed frame, per 64 B event — bytes, Node
 * side CPU (the session log line plus the frame text) and decode CPU (JSON.parse plus building
 * the entries the page keeps; V8 in Node stands in for V8 in Chromium). Frames of 3,200 events,
 * what 200k events/s fill in 16 ms; median of BENCH_RUNS (15).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const EVENTS = 3_200;
const DATA_BYTES = 64;

function makeEntries(): FeedEventEntry[] {
  return Array.from({ length: EVENTS }, (_, i) => {
    const data = `${1_764_000_000_000 + i}`.padEnd(DATA_BYTES, 'x');
    // A read every 5 ms delivers ~1,000 events at the same `at`, as the load server writes.
    return {
      seq: i + 1,
      at: 1_764_000_000_000 + Math.floor(i / 1_000) * 5,
      kind: 'event',
      type: 'message',
      data,
      lastEventId: '',
      attempt: 1,
      sizeBytes: data.length,
    };
  });
}

interface Candidate {
  name: string;
  /** Log lines and frame text, as the Node side makes both. */
  encode(entries: readonly FeedEventEntry[]): { lines: string[]; frame: string };
  decode(frame: string): FeedEventEntry[];
}

const objectsOnce: Candidate = {
  name: 'entry objects, JSON once for log and frame (before)',
  encode(entries) {
    const lines = entries.map((e) => JSON.stringify(e));
    return {
      lines,
      frame: `{"feedId":"f","firstSeq":1,"dropped":0,"entries":[${lines.join(',')}]}`,
    };
  },
  decode: (frame) => (JSON.parse(frame) as { entries: FeedEventEntry[] }).entries,
};

const compactRows: Candidate = {
  name: 'compact rows: data string, [data, at, …] on change (chosen)',
  encode(entries) {
    const lines: string[] = [];
    const encoded = entries.map((entry) => {
      const json = JSON.stringify(entry.data);
      lines.push(eventLogLine(entry, json));
      return { entry, json };
    });
    return { lines, frame: encodeFeedFrame('f', 1, 0, encoded) };
  },
  decode: (frame) => decodeFeedFrame(frame).entries as FeedEventEntry[],
};

/** The same frame; the log gets one event run line per 64 events (docs/sessions.md, "Event runs"). */
const compactRowsRunLines: Candidate = {
  name: 'compact rows, the log as event run lines of the same rows (round 6)',
  encode(entries) {
    const lines: string[] = [];
    const run = createEventRunLine();
    let inRun = 0;
    const encoded = entries.map((entry) => {
      const json = jsonString(entry.data);
      run.add(entry.seq, fieldsOf(entry), json);
      if (++inRun === 64) {
        lines.push(run.take());
        inRun = 0;
      }
      return { entry, json };
    });
    if (inRun > 0) lines.push(run.take());
    return { lines, frame: encodeFeedFrame('f', 1, 0, encoded) };
  },
  decode: (frame) => decodeFeedFrame(frame).entries as FeedEventEntry[],
};

const columns: Candidate = {
  name: 'columns: {at: [...], type: [...], data: [...], …}',
  encode(entries) {
    const lines: string[] = [];
    const data: string[] = [];
    for (const entry of entries) {
      const json = JSON.stringify(entry.data);
      lines.push(eventLogLine(entry, json));
      data.push(json);
    }
    const col = (pick: (e: FeedEventEntry) => unknown) => JSON.stringify(entries.map(pick));
    return {
      lines,
      frame:
        `{"f":"f","s":1,"d":0,"at":${col((e) => e.at)},"type":${col((e) => e.type)},` +
        `"id":${col((e) => e.lastEventId)},"attempt":${col((e) => e.attempt)},"data":[${data.join(',')}]}`,
    };
  },
  decode(frame) {
    const c = JSON.parse(frame) as {
      s: number;
      at: number[];
      type: string[];
      id: string[];
      attempt: number[];
      data: string[];
    };
    return c.data.map((data, i) => ({
      seq: c.s + i,
      at: c.at[i]!,
      kind: 'event',
      type: c.type[i]!,
      data,
      lastEventId: c.id[i]!,
      attempt: c.attempt[i]!,
      sizeBytes: data.length,
    }));
  },
};

const binaryLengths: Candidate = {
  name: 'binary: u32 lengths + UTF-8 data (text here as latin1 for size)',
  encode(entries) {
    const lines: string[] = [];
    let size = 0;
    for (const entry of entries) {
      lines.push(eventLogLine(entry, JSON.stringify(entry.data)));
      size += 4 + Buffer.byteLength(entry.data);
    }
    const buffer = Buffer.allocUnsafe(size + 16);
    let offset = 16;
    for (const entry of entries) {
      const written = buffer.write(entry.data, offset + 4, 'utf8');
      buffer.writeUInt32LE(written, offset);
      offset += 4 + written;
    }
    return { lines, frame: buffer.toString('latin1') };
  },
  decode(frame) {
    const bytes = Buffer.from(frame, 'latin1');
    const decoder = new TextDecoder();
    const out: FeedEventEntry[] = [];
    let offset = 16;
    let seq = 1;
    while (offset < bytes.length) {
      const length = bytes.readUInt32LE(offset);
      const data = decoder.decode(bytes.subarray(offset + 4, offset + 4 + length));
      out.push({
        seq: seq++,
        at: 0,
        kind: 'event',
        type: 'message',
        data,
        lastEventId: '',
        attempt: 1,
        sizeBytes: length,
      });
      offset += 4 + length;
    }
    return out;
  },
};

const CANDIDATES = [objectsOnce, compactRows, compactRowsRunLines, columns, binaryLengths];

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const entries = makeEntries();
console.log(
  `Frame encodings, ${EVENTS} events × ${DATA_BYTES} B per frame, median of ${RUNS}; ${loadLine()}`,
);
const results = CANDIDATES.map((c) => ({
  c,
  encode: [] as number[],
  decode: [] as number[],
  bytes: 0,
  logBytes: 0,
}));
for (let run = 0; run < RUNS + 3; run++) {
  for (const r of results) {
    let frame = '';
    let lines: string[] = [];
    const enc = time(() => ({ frame, lines } = r.c.encode(entries)));
    r.logBytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    let decoded: FeedEventEntry[] = [];
    const dec = time(() => (decoded = r.c.decode(frame)));
    if (decoded.length !== EVENTS || decoded[EVENTS - 1]!.data !== entries[EVENTS - 1]!.data)
      throw new Error(`${r.c.name} lost events`);
    r.bytes = Buffer.byteLength(frame);
    if (run >= 3) {
      r.encode.push(enc);
      r.decode.push(dec);
    }
  }
}
const base = results[0]!;
const perEvent = (ms: number) => (ms * 1e6) / EVENTS;
console.table(
  results.map((r) => ({
    candidate: r.c.name,
    'B/event': (r.bytes / EVENTS).toFixed(1),
    'log B/event': (r.logBytes / EVENTS).toFixed(1),
    'Node ns/event (log + frame)': perEvent(median(r.encode)).toFixed(0),
    'decode ns/event': perEvent(median(r.decode)).toFixed(0),
    'bytes vs before': (r.bytes / base.bytes).toFixed(2),
    'decode vs before': (median(r.decode) / median(base.decode)).toFixed(2),
  })),
);
console.log(`${loadLine()} at end`);
