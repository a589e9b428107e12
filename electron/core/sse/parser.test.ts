import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_EVENT_BYTES,
  SseLimitError,
  createSseParser,
  type ParsedEvent,
  type SseParserOptions,
} from './parser';
import {
  SPEC_CASES,
  encodeBody,
  runParser,
  type ParserRecord,
} from '../../../tests/support/sse/parser-spec-cases';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

function collect(options?: SseParserOptions) {
  const events: ParsedEvent[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createSseParser(
    {
      onEvent: (e) => events.push(e),
      onComment: (c) => comments.push(c),
      onRetry: (ms) => retries.push(ms),
    },
    options,
  );
  return { parser, events, comments, retries };
}

describe('SSE parser reads', () => {
  it('rejoins a UTF-8 character split across two reads', () => {
    const { parser, events } = collect();
    const bytes = enc('data: 😀€\n\n');
    parser.feed(bytes.subarray(0, 8)); // inside the 4-byte emoji
    parser.feed(bytes.subarray(8, 11)); // inside the 3-byte euro sign
    parser.feed(bytes.subarray(11));
    expect(events).toEqual([{ type: 'message', data: '😀€', lastEventId: '' }]);
  });

  it('treats a CRLF split across two reads as one line ending', () => {
    const { parser, events } = collect();
    parser.feed(enc('data: a\r'));
    parser.feed(enc('\ndata: b\r'));
    parser.feed(enc('\n\r'));
    parser.feed(enc('\n'));
    expect(events).toEqual([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('ends a line at a CR that is the last byte of a read without waiting for the next read', () => {
    const { parser, events } = collect();
    parser.feed(enc('data: now\n\r'));
    expect(events.map((e) => e.data)).toEqual(['now']);
  });

  it('strips a BOM split across three reads, once', () => {
    const { parser, events } = collect();
    for (const b of [0xef, 0xbb, 0xbf]) parser.feed(Uint8Array.of(b));
    parser.feed(enc('data: x\n\n'));
    expect(events.map((e) => e.data)).toEqual(['x']);
  });

  it('keeps the bytes of a BOM prefix that turns out not to be a BOM', () => {
    const { parser, events } = collect();
    parser.feed(Uint8Array.of(0xef));
    parser.feed(Uint8Array.of(0xbb));
    parser.feed(enc('\ndata: y\n\n'));
    // "\uFFFD" is the broken two-byte prefix, decoded as one replacement character, on its own
    // line: an unknown field, so only the next block dispatches.
    expect(events.map((e) => e.data)).toEqual(['y']);
  });

  it('decodes lines longer than the carry-over buffer the same way however they are split', () => {
    // 120k × '€' (3 bytes each) is 360 KiB: past the 256 KiB point where a pending line
    // switches from bytes to streaming text. Reads of 1000 and 4099 bytes split characters.
    const value = '€'.repeat(120_000) + 'ä';
    const body = enc(`data: ${value}\nid: 5\n\ndata: ${value.slice(0, 90_000)}\n\n`);
    for (const size of [1000, 4099, 200_000, body.length]) {
      const { parser, events } = collect();
      for (let o = 0; o < body.length; o += size) parser.feed(body.subarray(o, o + size));
      expect(
        events.map((e) => [e.data.length, e.lastEventId]),
        `reads of ${size}`,
      ).toEqual([
        [value.length, '5'],
        [90_000, '5'],
      ]);
      expect(events[0]?.data).toBe(value);
    }
  });

  it('ignores empty reads', () => {
    const { parser, events } = collect();
    parser.feed(new Uint8Array(0));
    parser.feed(enc('data: a\r'));
    parser.feed(new Uint8Array(0));
    parser.feed(enc('\n\n'));
    expect(events.map((e) => e.data)).toEqual(['a']);
  });

  it('reads a Uint8Array view into a larger buffer without touching the bytes around it', () => {
    const { parser, events } = collect();
    const backing = enc('XXdata: mid\n\nYY');
    parser.feed(backing.subarray(2, backing.length - 2));
    expect(events.map((e) => e.data)).toEqual(['mid']);
  });

  it('does not keep a reference to a fed chunk that the caller reuses afterwards', () => {
    const { parser, events } = collect();
    const reused = enc('data: abc');
    parser.feed(reused);
    reused.fill(0x7a); // 'z'
    parser.feed(enc('\n\n'));
    expect(events.map((e) => e.data)).toEqual(['abc']);
  });
});

describe('SSE parser state across responses', () => {
  it('keeps the last event id across end() and uses it for the next response', () => {
    const { parser, events } = collect();
    parser.feed(enc('id: 41\ndata: a\n\nid: 42\ndata: lost'));
    parser.end();
    expect(parser.lastEventId).toBe('41');
    parser.feed(enc('data: b\n\n'));
    expect(events.map((e) => [e.data, e.lastEventId])).toEqual([
      ['a', '41'],
      ['b', '41'],
    ]);
  });

  it('resumes from setLastEventId, for the connection and the next block', () => {
    const { parser, events } = collect();
    parser.setLastEventId('saved-7');
    expect(parser.lastEventId).toBe('saved-7');
    parser.feed(enc('data: x\n\n'));
    expect(events[0]?.lastEventId).toBe('saved-7');
  });

  it('refuses a last event id that could not have come from a stream', () => {
    const { parser } = collect();
    expect(() => parser.setLastEventId('a\nb')).toThrow(RangeError);
    expect(() => parser.setLastEventId('a\0b')).toThrow(RangeError);
    expect(() => createSseParser({ onEvent: () => {} }, { lastEventId: 'x\ry' })).toThrow(
      RangeError,
    );
    expect(parser.lastEventId).toBe('');
  });

  it('stops delivering the rest of a read when a handler calls end()', () => {
    const events: string[] = [];
    const parser = createSseParser({
      onEvent: (e) => {
        events.push(e.data);
        if (e.data === '2') parser.end();
      },
    });
    parser.feed(enc('data: 1\n\ndata: 2\n\ndata: 3\n\n'));
    expect(events).toEqual(['1', '2']);
    parser.feed(enc('data: 4\n\n'));
    expect(events).toEqual(['1', '2', '4']);
  });

  it('leaves the parser consistent when an event handler throws', () => {
    let calls = 0;
    const parser = createSseParser({
      onEvent: () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
    });
    expect(() => parser.feed(enc('id: 1\ndata: a\n\n'))).toThrow('boom');
    expect(parser.lastEventId).toBe('1');
    parser.feed(enc('data: b\n\n'));
    expect(calls).toBe(2);
  });
});

describe('SSE parser ASCII tracking', () => {
  it('says whether every byte of the body so far was ASCII, until end()', () => {
    const { parser } = collect();
    expect(parser.bodyAscii).toBe(true);
    parser.feed(enc('data: plain\n\n'));
    expect(parser.bodyAscii).toBe(true);
    parser.feed(enc('data: caf'));
    parser.feed(enc('é\n\ndata: plain again\n\n'));
    expect(parser.bodyAscii).toBe(false);
    parser.end();
    expect(parser.bodyAscii).toBe(true);
  });
});

describe('SSE parser size limit (maxEventBytes)', () => {
  it('defaults to 16 MiB', () => {
    expect(DEFAULT_MAX_EVENT_BYTES).toBe(16 * 1024 * 1024);
  });

  it('throws SseLimitError for a line longer than the limit inside one read', () => {
    const { parser, events } = collect({ maxEventBytes: 100 });
    const error = catchError(() => parser.feed(enc(`data: ${'x'.repeat(200)}\n\n`)));
    expect(error).toBeInstanceOf(SseLimitError);
    expect(error).toMatchObject({ code: 'event-too-large', limitBytes: 100 });
    expect((error as Error).message).toMatch(/larger than the limit of 100 bytes/);
    expect(events).toEqual([]);
  });

  it('throws as soon as an unterminated line outgrows the limit, before buffering the rest', () => {
    const { parser } = collect({ maxEventBytes: 1000 });
    const piece = enc('x'.repeat(300));
    parser.feed(enc('data: '));
    parser.feed(piece);
    parser.feed(piece);
    parser.feed(piece); // 906 bytes pending: still fine
    expect(() => parser.feed(piece)).toThrow(SseLimitError);
  });

  it('throws for a multi-line event whose data outgrows the limit though every line fits', () => {
    const { parser, events } = collect({ maxEventBytes: 1000 });
    const line = `data: ${'y'.repeat(90)}\n`;
    expect(() => parser.feed(enc(line.repeat(20) + '\n'))).toThrow(SseLimitError);
    expect(events).toEqual([]);
  });

  it('accepts an event exactly at the limit', () => {
    const { parser, events } = collect({ maxEventBytes: 64 });
    parser.feed(enc(`data:${'z'.repeat(59)}\n\n`)); // a 64-byte line, 60-byte data buffer
    expect(events[0]?.data.length).toBe(59);
  });

  it('keeps failing after a limit error until end(), then parses the next response', () => {
    const { parser, events } = collect({ maxEventBytes: 50 });
    expect(() => parser.feed(enc(`data: ${'x'.repeat(60)}`))).toThrow(SseLimitError);
    expect(() => parser.feed(enc('\n\ndata: ok\n\n'))).toThrow(SseLimitError);
    parser.end();
    parser.feed(enc('data: ok\n\n'));
    expect(events.map((e) => e.data)).toEqual(['ok']);
  });

  it('parses a 64 MiB single-line event fed in 64 KiB reads when the limit is raised', () => {
    const size = 64 * 1024 * 1024;
    const { parser, events } = collect({ maxEventBytes: size + 1024 });
    const piece = new Uint8Array(64 * 1024).fill(0x61); // 'a'
    parser.feed(enc('event: big\ndata: '));
    for (let sent = 0; sent < size; sent += piece.length) parser.feed(piece);
    parser.feed(enc('\n\n'));
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('big');
    expect(events[0]?.data.length).toBe(size);
    expect(events[0]?.data.charCodeAt(size - 1)).toBe(0x61);
  });
});

function catchError(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('SSE parser handing events over as fields', () => {
  it('reports exactly what onEvent reports, for every case of the conformance table', () => {
    for (const c of SPEC_CASES) {
      const records: ParserRecord[] = [];
      const parser = createSseParser(
        {
          onEvent: () => {
            throw new Error('onEvent must not be called when onEventFields is given');
          },
          onEventFields: (type, data, lastEventId) =>
            records.push({ kind: 'event', type, data, lastEventId }),
          onComment: (text) => records.push({ kind: 'comment', text }),
          onRetry: (ms) => records.push({ kind: 'retry', ms }),
        },
        c.options,
      );
      for (const body of c.responses) {
        parser.feed(encodeBody(body));
        parser.end();
      }
      const expected = runParser(
        c.responses.map((body) => [encodeBody(body)]),
        c.options,
      );
      expect(records, c.name).toEqual(expected.records);
      expect(parser.lastEventId, c.name).toBe(expected.lastEventId);
    }
  });
});

describe('SSE parser in size-only mode', () => {
  function sizes(options?: SseParserOptions) {
    const out: (number | ParsedEvent)[] = [];
    const handlers = {
      onEvent: (e: ParsedEvent) => out.push(e),
      onEventSize: (n: number) => out.push(n),
    };
    const parser = createSseParser(handlers, options);
    parser.setSizesOnly(true);
    return { parser, out };
  }

  it("reports each event's data size in UTF-8 bytes, the LFs between data lines included", () => {
    const { parser, out } = sizes();
    parser.feed(enc('data: abc\n\ndata: é€😀\ndata:\ndata: x\n\nevent: only-type\n\n'));
    // 'é€😀' is 2 + 3 + 4 bytes; then LF, '', LF, 'x'.
    expect(out).toEqual([3, 9 + 1 + 0 + 1 + 1]);
  });

  it('counts a multi-byte character split across reads once, with the right size', () => {
    const { parser, out } = sizes();
    const bytes = enc('data: 😀€\r\n\r\n');
    for (let i = 0; i < bytes.length; i++) parser.feed(bytes.subarray(i, i + 1));
    expect(out).toEqual([7]);
  });

  it('follows the id rules without handing out events: NUL ignored, empty resets, kept across end()', () => {
    const { parser, out } = sizes({ lastEventId: 'start' });
    expect(parser.lastEventId).toBe('start');
    parser.feed(enc('id: 7\ndata: a\n\nid: b\0ad\ndata: b\n\n'));
    expect(parser.lastEventId).toBe('7');
    parser.feed(enc('id: 8\n\nid: 9\ndata: cut'));
    parser.end();
    expect(parser.lastEventId).toBe('8');
    parser.feed(enc('id\ndata: c\n\n'));
    expect(parser.lastEventId).toBe('');
    expect(out).toEqual([1, 1, 1]);
  });

  it('keeps an id read from the bytes of a chunk that the caller reuses afterwards', () => {
    const { parser, out } = sizes();
    // Long lines first, so the reads after are scanned as bytes (no text is made for them).
    const long = 'x'.repeat(300);
    parser.feed(enc(`data: ${long}\n\n`));
    const reused = enc(`id: abc\ndata: ${long}\n\nid: de\n`);
    parser.feed(reused);
    reused.fill(0x7a); // 'z'
    expect(parser.lastEventId).toBe('abc');
    parser.feed(enc(`data: ${long}\n\n`));
    expect(parser.lastEventId).toBe('de');
    expect(out).toEqual([300, 300, 300]);
  });

  it('reads ids and switches back to full events the same way in a read scanned as bytes', () => {
    const out: (number | string)[] = [];
    const parser = createSseParser({
      onEvent: (e) => out.push(`${e.data}@${e.lastEventId}`),
      onEventSize: (bytes) => {
        out.push(bytes);
        if (bytes === 2) parser.setSizesOnly(false);
      },
    });
    parser.setSizesOnly(true);
    parser.feed(enc(`id: 1\ndata: ${'x'.repeat(300)}\n\n`));
    // Now a read of short lines, scanned as bytes: an id with NUL is ignored; after the event
    // of 2 bytes the handler asks for full events, which the rest of the same read gets.
    parser.feed(enc('id: a\0b\ndata: a\n\ndata: bb\n\ndata: c\n\nid: 2\ndata: d\n\n'));
    expect(out).toEqual([300, 1, 2, 'c@1', 'd@2']);
  });

  it('gives the id of an event counted in size-only mode to the full events after it', () => {
    const out: string[] = [];
    const parser = createSseParser({
      onEvent: (e) => out.push(`${e.data}@${e.lastEventId}`),
      onEventSize: (bytes) => {
        out.push(String(bytes));
        parser.setSizesOnly(false);
      },
    });
    parser.setSizesOnly(true);
    parser.feed(enc('id: long-id-of-thirty-characters\ndata: xy\n\ndata: z\n\n'));
    expect(out).toEqual(['2', 'z@long-id-of-thirty-characters']);
  });

  it('switches only between blocks, so an event under way is reported whole in one form', () => {
    const out: (number | string)[] = [];
    const parser = createSseParser({
      onEvent: (e) => out.push(`${e.type}:${e.data}`),
      onEventSize: (bytes) => out.push(bytes),
      onComment: (text) => parser.setSizesOnly(text === 'sizes'),
    });
    parser.feed(enc('event: t\ndata: a\n:sizes\ndata: b\n\ndata: cc\n\n'));
    parser.feed(enc('event: u\n:full\ndata: ddd\n\ndata: e\n\n'));
    expect(out).toEqual(['t:a\nb', 2, 3, 'message:e']);
  });

  it('applies the same size limit as full events', () => {
    const tooLarge = enc('data: 123\ndata: 456\ndata: 789\n\n');
    const { parser } = sizes({ maxEventBytes: 10 });
    expect(() => parser.feed(tooLarge)).toThrow(SseLimitError);
    expect(() => collect({ maxEventBytes: 10 }).parser.feed(tooLarge)).toThrow(SseLimitError);
    const ok = sizes({ maxEventBytes: 10 });
    ok.parser.feed(enc('data: 123\ndata: 456\n\n'));
    expect(ok.out).toEqual([7]);
  });

  it('stops delivering the rest of a read when onEventSize calls end()', () => {
    const seen: number[] = [];
    const parser = createSseParser({
      onEvent: () => undefined,
      onEventSize: (bytes) => {
        seen.push(bytes);
        if (seen.length === 2) parser.end();
      },
    });
    parser.setSizesOnly(true);
    parser.feed(enc('data: 1\n\ndata: 22\n\ndata: 333\n\n'));
    expect(seen).toEqual([1, 2]);
  });

  it('refuses size-only mode without an onEventSize handler', () => {
    const { parser } = collect();
    expect(() => parser.setSizesOnly(true)).toThrow(TypeError);
    parser.feed(enc('data: still full\n\n'));
  });
});
