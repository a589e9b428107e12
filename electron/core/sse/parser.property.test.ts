import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseParser } from './parser';
import {
  SPEC_CASES,
  encodeBody,
  runParser,
  type ParserRecord,
  type SpecCase,
} from '../../../tests/support/sse/parser-spec-cases';

/** Cuts `bytes` at the given offsets (any order, duplicates allowed: they make empty reads). */
function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...offsets].map((o) => o % (bytes.length + 1)).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let prev = 0;
  for (const cut of cuts) {
    chunks.push(bytes.slice(prev, cut));
    prev = cut;
  }
  chunks.push(bytes.slice(prev));
  return chunks;
}

/**
 * A deliberately naive reading of WHATWG HTML "Parsing an event stream" and "Interpreting an
 * event stream": decode each whole body with TextDecoder (which drops one leading BOM), split
 * with a regex, and follow the field steps literally. Slow, obviously right, independent code.
 */
function referenceParse(
  bodies: readonly Uint8Array[],
  initialId = '',
): { records: ParserRecord[]; lastEventId: string } {
  const records: ParserRecord[] = [];
  let lastEventId = initialId;
  for (const body of bodies) {
    const text = new TextDecoder().decode(body);
    const parts = text.split(/\r\n|\r|\n/);
    parts.pop(); // the unterminated remainder is discarded at the end of the stream
    let dataBuffer = '';
    let eventType = '';
    let idBuffer = lastEventId;
    for (const line of parts) {
      if (line === '') {
        lastEventId = idBuffer;
        if (dataBuffer === '') {
          eventType = '';
          continue;
        }
        if (dataBuffer.endsWith('\n')) dataBuffer = dataBuffer.slice(0, -1);
        records.push({
          kind: 'event',
          type: eventType || 'message',
          data: dataBuffer,
          lastEventId,
        });
        dataBuffer = '';
        eventType = '';
        continue;
      }
      if (line.startsWith(':')) {
        records.push({ kind: 'comment', text: line.slice(1) });
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (name === 'event') eventType = value;
      else if (name === 'data') dataBuffer += value + '\n';
      else if (name === 'id') {
        if (!value.includes('\0')) idBuffer = value;
      } else if (name === 'retry') {
        if (/^[0-9]+$/.test(value)) {
          records.push({ kind: 'retry', ms: Math.min(Number(value), Number.MAX_SAFE_INTEGER) });
        }
      }
    }
  }
  return { records, lastEventId };
}

const offsets = fc.array(fc.nat(), { maxLength: 12 });

// Streams built from the pieces that make SSE parsing hard: every field name (right and wrong
// case), colons and spaces, multi-byte characters, NUL, BOM, and all three line endings.
const valueUnit = fc.constantFrom('a', 'Z', '7', ' ', ':', 'é', '€', '😀', '\0', '\uFEFF', '\t');
const lineArb = fc
  .tuple(
    fc.constantFrom('data', 'event', 'id', 'retry', 'Data', 'foo', '', 'dat'),
    fc.constantFrom('', ':', ': ', ':  '),
    fc.oneof(fc.string({ unit: valueUnit, maxLength: 8 }), fc.stringMatching(/^[0-9]{1,5}$/)),
    fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\r', '\r\n\r\n'),
  )
  .map(([name, sep, value, eol]) => name + sep + value + eol);
const bodyArb = fc
  .tuple(fc.constantFrom('', '', '\uFEFF', '\uFEFF\uFEFF'), fc.array(lineArb, { maxLength: 25 }))
  .map(([bom, lines]) => new TextEncoder().encode(bom + lines.join('')));
// Raw bytes weighted towards line endings, colons, BOM bytes and broken UTF-8 sequences.
const rawBodyArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(0x0a, 0x0d, 0x3a, 0x20, 0xef, 0xbb, 0xbf, 0xe2, 0x82, 0xac, 0xf0, 0xc3, 0xff),
      fc.constantFrom(...new TextEncoder().encode('data:id:event:retry:')),
    ),
    { maxLength: 200 },
  )
  .map((b) => Uint8Array.from(b));

function checkSplitsMatch(c: SpecCase, cuts: readonly (readonly number[])[]): void {
  const bodies = c.responses.map(encodeBody);
  const whole = runParser(
    bodies.map((b) => [b]),
    c.options,
  );
  const split = runParser(
    bodies.map((b, i) => splitAt(b, cuts[i] ?? [])),
    c.options,
  );
  expect(split).toEqual(whole);
  expect(whole.records).toEqual(c.expected);
}

describe('SSE parser fed at arbitrary byte boundaries', () => {
  it('has a reference reading that agrees with every table case (so it can judge generated streams)', () => {
    for (const c of SPEC_CASES) {
      expect(referenceParse(c.responses.map(encodeBody), c.options?.lastEventId), c.name).toEqual({
        records: c.expected,
        lastEventId: c.lastEventId,
      });
    }
  });

  it('reports identical events, comments, retries and last event id for every table case split at random offsets', () => {
    for (const c of SPEC_CASES) {
      fc.assert(
        fc.property(
          fc.array(offsets, { minLength: c.responses.length, maxLength: c.responses.length }),
          (cuts) => checkSplitsMatch(c, cuts),
        ),
        { numRuns: 60 },
      );
    }
  });

  it('matches a literal reading of the spec on generated streams, whole and split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(bodyArb, offsets), { minLength: 1, maxLength: 3 }),
        (responses) => {
          const expected = referenceParse(responses.map(([b]) => b));
          expect(runParser(responses.map(([b]) => [b]))).toEqual(expected);
          expect(runParser(responses.map(([b, cut]) => splitAt(b, cut)))).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads lines longer than the 256 KiB carry-over buffer the same way at any split', () => {
    // Multi-byte characters everywhere, so the switch to streaming text and the final join
    // both happen inside characters for many offsets.
    const long = 'é€😀a'.repeat(30_000); // 300,000 characters, 330 KiB of UTF-8
    const body = new TextEncoder().encode(
      `data: ${long}\n: ${long.slice(0, 70_000)}\rid: ${long.slice(5, 9)}\r\n\r\n`,
    );
    const expected = referenceParse([body]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (cut) => {
        expect(runParser([splitAt(body, cut)])).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('matches a literal reading of the spec on random bytes with broken UTF-8, whole and split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rawBodyArb, offsets), { minLength: 1, maxLength: 2 }),
        (responses) => {
          const expected = referenceParse(responses.map(([b]) => b));
          expect(runParser(responses.map(([b]) => [b]))).toEqual(expected);
          expect(runParser(responses.map(([b, cut]) => splitAt(b, cut)))).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Feeds every response (end() after each), noting `lastEventId` after every read and end. */
function feedReadingIds(
  parser: SseParser,
  responses: readonly (readonly Uint8Array[])[],
  ids: string[],
): void {
  for (const chunks of responses) {
    for (const chunk of chunks) {
      parser.feed(chunk);
      ids.push(parser.lastEventId);
    }
    parser.end();
    ids.push(parser.lastEventId);
  }
}

type SizedRecord = ParserRecord | { kind: 'size'; bytes: number } | { kind: 'id'; id: string };

interface SizesRun {
  /** Size-only mode may use the WebAssembly scanner (the parser's default). */
  wasm?: boolean;
  /** Handlers read `lastEventId` at every event and comment (recorded as an `id` record). */
  peek?: boolean;
}

/**
 * Feeds the responses with events number `from` up to (not including) `to` (1-based) asked
 * for in size-only mode, reading `lastEventId` after every read.
 */
function runSizes(
  responses: readonly (readonly Uint8Array[])[],
  from: number,
  to: number,
  { wasm = true, peek = false }: SizesRun = {},
): { records: SizedRecord[]; ids: string[] } {
  const records: SizedRecord[] = [];
  const ids: string[] = [];
  let events = 0;
  const next = (): void => {
    if (peek) records.push({ kind: 'id', id: parser.lastEventId });
    events++;
    if (events + 1 === from) parser.setSizesOnly(true);
    if (events + 1 === to) parser.setSizesOnly(false);
  };
  const parser = createSseParser(
    {
      onEvent: (e) => {
        records.push({ kind: 'event', ...e });
        next();
      },
      onEventSize: (bytes) => {
        records.push({ kind: 'size', bytes });
        next();
      },
      onComment: (text) => {
        records.push({ kind: 'comment', text });
        if (peek) records.push({ kind: 'id', id: parser.lastEventId });
      },
      onRetry: (ms) => records.push({ kind: 'retry', ms }),
    },
    { wasmSizeScan: wasm },
  );
  if (from === 1 && to > 1) parser.setSizesOnly(true);
  feedReadingIds(parser, responses, ids);
  return { records, ids };
}

// All-ASCII streams (NUL and every line ending included): size-only mode may read them as bytes.
const asciiLineArb = fc
  .tuple(
    fc.constantFrom('data', 'event', 'id', 'retry', ':', 'dat', 'x'),
    fc.constantFrom('', ':', ': '),
    fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '7', ' ', ':', '\0'), maxLength: 6 }),
      fc.stringMatching(/^[0-9]{1,4}$/),
      fc.constant('i'.repeat(40)),
      // Long lines make size-only mode read the following reads as bytes.
      fc.constant('x'.repeat(200)),
    ),
    fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\n\r\n'),
  )
  .map(([name, sep, value, eol]) => name + sep + value + eol);
const asciiBodyArb = fc
  .array(asciiLineArb, { maxLength: 30 })
  .map((lines) => new TextEncoder().encode(lines.join('')));

describe('SSE parser in size-only mode, fed at arbitrary byte boundaries', () => {
  it('reports the UTF-8 size of exactly the events asked for and the same ids, comments and retries as full events', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(bodyArb, rawBodyArb, asciiBodyArb, asciiBodyArb), offsets), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        fc.boolean(),
        (responses, from, length, wasm, peek) => {
          const split = responses.map(([b, cut]) => splitAt(b, cut));
          const full = runSizes(split, 0, 0, { peek });
          let n = 0;
          const expected = full.records.map((r): SizedRecord => {
            if (r.kind !== 'event') return r;
            n++;
            return n >= from && n < from + length
              ? { kind: 'size', bytes: encoder.encode(r.data).length }
              : r;
          });
          const sized = runSizes(split, from, from + length, { wasm, peek });
          expect(sized.records).toEqual(expected);
          expect(sized.ids).toEqual(full.ids);
          expect(full.records.filter((r) => r.kind !== 'id')).toEqual(
            referenceParse(responses.map(([b]) => b)).records,
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Size-only from the start, with `onEventSizes` given: runs of sizes merged into one record. */
function runBatched(
  responses: readonly (readonly Uint8Array[])[],
  batched: boolean,
): { records: SizedRecord[]; ids: string[] } {
  const records: SizedRecord[] = [];
  const ids: string[] = [];
  const add = (events: number, bytes: number): void => {
    const last = records.at(-1);
    if (last?.kind === 'size') last.bytes += bytes;
    else records.push({ kind: 'size', bytes });
    countedEvents += events;
  };
  let countedEvents = 0;
  const parser = createSseParser({
    onEvent: () => {
      throw new Error('a full event in size-only mode');
    },
    onEventSize: (bytes) => add(1, bytes),
    ...(batched ? { onEventSizes: add } : {}),
    onComment: (text) => records.push({ kind: 'comment', text }),
    onRetry: (ms) => records.push({ kind: 'retry', ms }),
  });
  parser.setSizesOnly(true);
  feedReadingIds(parser, responses, ids);
  ids.push(String(countedEvents));
  return { records, ids };
}

describe('SSE parser counting runs of events (onEventSizes)', () => {
  it('adds up to the same events, sizes, comments, retries and ids as counting one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(bodyArb, asciiBodyArb, asciiBodyArb), offsets), {
          minLength: 1,
          maxLength: 3,
        }),
        (responses) => {
          const split = responses.map(([b, cut]) => splitAt(b, cut));
          expect(runBatched(split, true)).toEqual(runBatched(split, false));
        },
      ),
      { numRuns: 400 },
    );
  });
});
