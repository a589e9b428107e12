/**
 * The parser's conformance table, written from the WHATWG HTML text ("Parsing an event stream",
 * "Interpreting an event stream", its worked examples) and from the behaviours the
 * web-platform-tests `eventsource/` folder checks (named in `source`). Test-only data, shared by
 * parser.spec-table.test.ts and parser.property.test.ts.
 */
import { createSseParser, type SseParserOptions } from '../../../electron/core/sse/parser';

/** One response body: text (encoded as UTF-8) or raw bytes (for BOMs and invalid UTF-8). */
export type ResponseBody = string | readonly number[];

/** What the parser reported, in order. */
export type ParserRecord =
  | { kind: 'event'; type: string; data: string; lastEventId: string }
  | { kind: 'comment'; text: string }
  | { kind: 'retry'; ms: number };

export interface SpecCase {
  name: string;
  source: string;
  /** Response bodies of one connection, in order; end() is called after each. */
  responses: readonly ResponseBody[];
  options?: SseParserOptions;
  expected: readonly ParserRecord[];
  /** The connection's last event ID after the last response. */
  lastEventId: string;
}

export const ev = (data: string, lastEventId = '', type = 'message'): ParserRecord => ({
  kind: 'event',
  type,
  data,
  lastEventId,
});
export const comment = (text: string): ParserRecord => ({ kind: 'comment', text });
export const retry = (ms: number): ParserRecord => ({ kind: 'retry', ms });

export function encodeBody(body: ResponseBody): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : Uint8Array.from(body);
}

export const BOM_BYTES = [0xef, 0xbb, 0xbf] as const;
const bytes = (...parts: (string | readonly number[])[]): number[] =>
  parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : [...p]));

/**
 * Feeds each response as the given chunks (all of it at once by default) and returns everything
 * the parser reported plus the final last event ID.
 */
export function runParser(
  responses: readonly (readonly Uint8Array[])[],
  options?: SseParserOptions,
): { records: ParserRecord[]; lastEventId: string } {
  const records: ParserRecord[] = [];
  const parser = createSseParser(
    {
      onEvent: (e) => records.push({ kind: 'event', ...e }),
      onComment: (text) => records.push({ kind: 'comment', text }),
      onRetry: (ms) => records.push({ kind: 'retry', ms }),
    },
    options,
  );
  for (const chunks of responses) {
    for (const chunk of chunks) parser.feed(chunk);
    parser.end();
  }
  return { records, lastEventId: parser.lastEventId };
}

const LONG = 'x'.repeat(2048);

export const SPEC_CASES: readonly SpecCase[] = [
  // --- Worked examples from the standard's "Interpreting an event stream" section ---
  {
    name: 'joins the data lines of one block with LF (stock ticker example)',
    source: 'WHATWG example YHOO',
    responses: ['data: YHOO\ndata: +2\ndata: 10\n\n'],
    expected: [ev('YHOO\n+2\n10')],
    lastEventId: '',
  },
  {
    name: 'keeps the id across events until an empty id field resets it',
    source: 'WHATWG example "test stream"',
    responses: [
      ': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n',
    ],
    expected: [
      comment(' test stream'),
      ev('first event', '1'),
      ev('second event'),
      ev(' third event'),
    ],
    lastEventId: '',
  },
  {
    name: 'fires an empty-data event for a bare data line and drops the unterminated last block',
    source: 'WHATWG example data/data-data/data:',
    responses: ['data\n\ndata\ndata\n\ndata:'],
    expected: [ev(''), ev('\n')],
    lastEventId: '',
  },
  {
    name: 'treats data:test and data: test the same (one space stripped)',
    source: 'WHATWG example data:test',
    responses: ['data:test\n\ndata: test\n\n'],
    expected: [ev('test'), ev('test')],
    lastEventId: '',
  },
  // --- web-platform-tests eventsource/ behaviours ---
  {
    name: 'ignores comments, unknown and wrongly cased fields between data events',
    source: 'wpt event-data (resources/message2.py)',
    responses: [
      'data:msg\ndata: msg\n\n:\nfalsefield:msg\n\nfalsefield:msg\nData:data\n\ndata\n\ndata:end\n\n',
    ],
    expected: [ev('msg\nmsg'), comment(''), ev(''), ev('end')],
    lastEventId: '',
  },
  {
    name: 'parses empty, bare and valued data fields',
    source: 'wpt format-field-data',
    responses: ['data:\n\ndata\ndata\n\ndata:test\n\n'],
    expected: [ev(''), ev('\n'), ev('test')],
    lastEventId: '',
  },
  {
    name: 'strips a leading BOM but treats a BOM later in the stream as part of a field name',
    source: 'wpt format-bom',
    responses: [bytes(BOM_BYTES, 'data:1\n\n', BOM_BYTES, 'data:2\n\ndata:3\n\n')],
    expected: [ev('1'), ev('3')],
    lastEventId: '',
  },
  {
    name: 'strips only one of two leading BOMs',
    source: 'wpt format-bom-2',
    responses: [bytes(BOM_BYTES, BOM_BYTES, 'data:1\n\ndata:2\n\ndata:3\n\n')],
    expected: [ev('2'), ev('3')],
    lastEventId: '',
  },
  {
    name: 'skips comments of every line-ending kind inside one block',
    source: 'wpt format-comments',
    responses: [`data:1\r:\0\n:\r\ndata:2\n:${LONG}\rdata:3\n:data:fail\r:${LONG}\ndata:4\n\n`],
    expected: [
      comment('\0'),
      comment(''),
      comment(LONG),
      comment('data:fail'),
      comment(LONG),
      ev('1\n2\n3\n4'),
    ],
    lastEventId: '',
  },
  {
    name: 'does not dispatch the final block without an empty line, nor apply its id',
    source: 'wpt format-data-before-final-empty-line',
    responses: ['retry:1000\ndata:test1\n\nid:test\ndata:test2'],
    expected: [retry(1000), ev('test1')],
    lastEventId: '',
  },
  {
    name: 'uses the event field as the type and resets it to message after dispatch',
    source: 'wpt format-field-event',
    responses: ['event:test\ndata:x\n\ndata:x\n\n'],
    expected: [ev('x', '', 'test'), ev('x')],
    lastEventId: '',
  },
  {
    name: 'uses message as the type when the event field is empty',
    source: 'wpt format-field-event-empty',
    responses: ['event: \ndata:data\n\n'],
    expected: [ev('data')],
    lastEventId: '',
  },
  {
    name: 'keeps the last event id for events without an id field',
    source: 'wpt format-field-id-3 (persists)',
    responses: ['id: 1\ndata: 1\n\ndata:2\n\n'],
    expected: [ev('1', '1'), ev('2', '1')],
    lastEventId: '1',
  },
  {
    name: 'changes the last event id and keeps the new one',
    source: 'wpt format-field-id-3 (changes and persists)',
    responses: ['id: 1\ndata: 1\n\nid: 2\ndata:2\n\ndata:3\n\n'],
    expected: [ev('1', '1'), ev('2', '2'), ev('3', '2')],
    lastEventId: '2',
  },
  {
    name: 'resets the last event id with an empty id field',
    source: 'wpt format-field-id-3 (resets)',
    responses: ['id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n'],
    expected: [ev('1', '1'), ev('2'), ev('3')],
    lastEventId: '',
  },
  {
    name: 'ignores an id field containing NUL',
    source: 'wpt format-field-id-null; spec "If the field value does not contain U+0000"',
    responses: ['id: 1\ndata: a\n\nid: x\0y\ndata: b\n\nid:\0\ndata: c\n\n'],
    expected: [ev('a', '1'), ev('b', '1'), ev('c', '1')],
    lastEventId: '1',
  },
  {
    name: 'keeps a NUL character in data',
    source: 'wpt format-null-character',
    responses: ['data:\0\n\n'],
    expected: [ev('\0')],
    lastEventId: '',
  },
  {
    name: 'decodes the stream as UTF-8',
    source: 'wpt format-utf-8',
    responses: [bytes('data:ok', [0xe2, 0x80, 0xa6], '\n\n')],
    expected: [ev('ok…')],
    lastEventId: '',
  },
  {
    name: 'takes a valid retry and ignores a bogus one',
    source: 'wpt format-field-retry-bogus',
    responses: ['retry:2000\nretry:1000x\ndata:x\n\n'],
    expected: [retry(2000), ev('x')],
    lastEventId: '',
  },
  {
    name: 'ignores a retry field without a value',
    source: 'wpt format-field-retry-empty',
    responses: ['retry\ndata:test\n\n'],
    expected: [ev('test')],
    lastEventId: '',
  },
  // --- Field rules from "Interpreting an event stream" ---
  {
    name: 'accepts retry values of ASCII digits only, leading zeros included',
    source: 'spec retry: "consists of only ASCII digits"',
    responses: [
      'retry: 03000\nretry: 1.5\nretry: -1\nretry:  100\nretry: 10 \nretry: ١٢\nretry:0\nretry: 99999999999999999999999\n',
    ],
    expected: [retry(3000), retry(0), retry(Number.MAX_SAFE_INTEGER)],
    lastEventId: '',
  },
  {
    name: 'applies retry even though its block is never dispatched',
    source: 'spec retry (processed per line)',
    responses: ['retry: 50\ndata: x'],
    expected: [retry(50)],
    lastEventId: '',
  },
  {
    name: 'compares field names case-sensitively',
    source: 'spec "If the field name is ..."',
    responses: ['Data: x\nDATA: y\nEvent: e\nID: 4\nRetry: 5\n\ndata: ok\n\n'],
    expected: [ev('ok')],
    lastEventId: '',
  },
  {
    name: 'ignores unknown fields and names that only start like a known one',
    source: 'spec "Otherwise: The field is ignored"',
    responses: ['foo: bar\ndataX: no\nids: 3\nid5\nevents: e\nretryy: 9\ndata: ok\n\n'],
    expected: [ev('ok')],
    lastEventId: '',
  },
  {
    name: 'treats a line without a colon as a field with an empty value',
    source: 'spec "the whole line as the field name, and the empty string as the field value"',
    responses: ['id: 3\ndata: a\n\nevent\ndata\nid\n\n'],
    expected: [ev('a', '3'), ev('')],
    lastEventId: '',
  },
  {
    name: 'strips only one space after the colon and keeps tabs',
    source: 'spec "If value starts with a U+0020 SPACE character, remove it"',
    responses: ['data:  two\n\ndata:\tx\n\ndata: a:b\n\nevent:  sp ace\ndata\n\n'],
    expected: [ev(' two'), ev('\tx'), ev('a:b'), ev('', '', ' sp ace')],
    lastEventId: '',
  },
  {
    name: 'clears the event type when a block without data is dispatched',
    source: 'spec dispatch step "If the data buffer is an empty string"',
    responses: ['event: a\n\ndata: 2\n\n'],
    expected: [ev('2')],
    lastEventId: '',
  },
  {
    name: 'moves the last event id on a block holding only an id',
    source: 'spec dispatch step 1',
    responses: ['id: 7\n\ndata: x\n\n'],
    expected: [ev('x', '7')],
    lastEventId: '7',
  },
  {
    name: 'applies an id that follows the data lines of its block',
    source: 'spec dispatch step 1',
    responses: ['data: a\nid: 3\n\n'],
    expected: [ev('a', '3')],
    lastEventId: '3',
  },
  {
    name: 'reports comment text after the colon unmodified',
    source: 'spec "If the line starts with a U+003A COLON character"',
    responses: [': hi\n:\n:x:y\n::\n'],
    expected: [comment(' hi'), comment(''), comment('x:y'), comment(':')],
    lastEventId: '',
  },
  // --- "Parsing an event stream": line endings, decoding ---
  {
    name: 'ends lines at CR, LF and CRLF alike',
    source: 'spec end-of-line grammar',
    responses: ['data: a\rdata: b\r\rdata: c\r\ndata: d\r\n\r\ndata: e\ndata: f\n\r\n\n'],
    expected: [ev('a\nb'), ev('c\nd'), ev('e\nf')],
    lastEventId: '',
  },
  {
    name: 'ends a line at a CR that is the very last byte of the stream',
    source: 'spec end-of-line grammar',
    responses: ['data: x\n\r'],
    expected: [ev('x')],
    lastEventId: '',
  },
  {
    name: 'does not treat Unicode line separators, NEL, VT or FF as line endings',
    source: 'spec end-of-line grammar (CR / LF only)',
    responses: ['data: a\u2028b\u0085c\v\f\n\n'],
    expected: [ev('a\u2028b\u0085c\v\f')],
    lastEventId: '',
  },
  {
    name: 'replaces invalid UTF-8 with U+FFFD',
    source: 'spec "UTF-8 decode" (WHATWG Encoding)',
    responses: [
      bytes(
        'data: ',
        [0xff],
        'a',
        [0xe2, 0x82],
        '\n',
        'data: ',
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
        '\n\n',
      ),
    ],
    expected: [ev('\uFFFDa\uFFFD\n\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD')],
    lastEventId: '',
  },
  {
    name: 'keeps a BOM that is inside a value',
    source: 'spec (only the stream-leading BOM is dropped)',
    responses: [bytes('data: ', BOM_BYTES, 'x\n\n')],
    expected: [ev('\uFEFFx')],
    lastEventId: '',
  },
  {
    name: 'treats a BOM-like prefix that is not a full BOM as text',
    source: 'WHATWG Encoding "UTF-8 decode" BOM sniff',
    responses: [bytes([0xef, 0xbb], 'data: x\n\ndata: y\n\n')],
    expected: [ev('y')],
    lastEventId: '',
  },
  // --- Across responses of one connection (WHATWG HTML §9.2.6, reconnecting) ---
  {
    name: 'discards a partial line and an undispatched block at the end of a response',
    source: 'spec "any pending data must be discarded"',
    responses: ['data: a\n\nid: 2\nevent: t\ndata: b\ndata: par', '\ndata: c\n\n'],
    expected: [ev('a'), ev('c')],
    lastEventId: '',
  },
  {
    name: 'keeps the last event id across responses',
    source: 'EventSource reconnect: last event ID persists',
    responses: ['id: 9\ndata: a\n\n', 'data: b\n\n', 'id: 10\n\n', 'data: c\n\n'],
    expected: [ev('a', '9'), ev('b', '9'), ev('c', '10')],
    lastEventId: '10',
  },
  {
    name: 'strips one BOM at the start of every response',
    source: 'docs/architecture.md "one leading BOM per response body"',
    responses: [bytes(BOM_BYTES, 'data: a\n\n'), bytes(BOM_BYTES, 'data: b\n\n')],
    expected: [ev('a'), ev('b')],
    lastEventId: '',
  },
  {
    name: 'does not join a CR ending one response with a LF starting the next',
    source: 'docs/architecture.md "the next response starts with empty buffers"',
    responses: ['data: a\r', '\ndata: b\n\n'],
    expected: [ev('b')],
    lastEventId: '',
  },
  {
    name: 'starts from the initial last event id given in the options',
    source: 'SseParserOptions.lastEventId',
    responses: ['data: x\n\nid\n\ndata: y\n\n'],
    options: { lastEventId: 'abc' },
    expected: [ev('x', 'abc'), ev('y')],
    lastEventId: '',
  },
  {
    name: 'delivers nothing for an empty body or a body of empty lines',
    source: 'spec dispatch with an empty data buffer',
    responses: ['', '\n\n\r\n\r'],
    expected: [],
    lastEventId: '',
  },
];
