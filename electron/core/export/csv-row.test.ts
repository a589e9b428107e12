import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedEntry, FeedEventEntry } from '../../../shared/api/frames';
import { csvBatchField, csvField, csvRow, finishCsvBatch } from './csv-row';
import { createEncoder, CSV_COLUMNS } from './formats';
import { isoTime } from './records';

describe('CSV rows', () => {
  it('read back through csv-parse to the same fields, whatever the text (RFC 4180)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
          const text = table.map((row) => csvRow(row)).join('');
          expect(parse(text, { relax_column_count: false })).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('quotes only fields that need it and ends records with CRLF', () => {
    expect(csvRow([1, 'plain', 'a,b', 'say "hi"', 'two\nlines'])).toBe(
      '1,plain,"a,b","say ""hi""","two\nlines"\r\n',
    );
  });
});

const AT = Date.UTC(2026, 0, 2, 3, 4, 5);

function eventEntry(seq: number, type: string, data: string, lastEventId: string): FeedEventEntry {
  return { kind: 'event', seq, at: AT + seq, type, data, lastEventId, attempt: 1, sizeBytes: 0 };
}

/** The CSV of a batch written the plain way: one csvRow per event. */
function referenceCsv(entries: readonly FeedEventEntry[]): string {
  return entries
    .map((e) => csvRow([e.seq, 'event', e.type, e.data, e.lastEventId, isoTime(e.at), e.attempt]))
    .join('');
}

/** Every field shape the batched quoting treats differently from a plain field. */
const EDGE_FIELDS = [
  '',
  'plain',
  'a,b',
  'say "hi"',
  '"',
  '""',
  'two\nlines',
  'cr\ronly',
  'crlf\r\nend',
  '  leading spaces',
  'trailing space ',
  'ünïcødé — 中文 😀',
  '\u0001',
  'a\u0001b',
  'mark \u0001 and "quote", comma',
  '\u0001"\u0001',
];

describe('CSV export of events in batches', () => {
  it('writes byte for byte what quoting field by field writes, for every edge field', () => {
    const entries = EDGE_FIELDS.flatMap((field, i) => [
      eventEntry(3 * i + 1, 'message', field, 'id'),
      eventEntry(3 * i + 2, field === '' ? 'message' : field, 'data', ''),
      eventEntry(3 * i + 3, 'tick', `{"text":${JSON.stringify(field)}}`, field),
    ]);
    const text = createEncoder('csv').entries(entries);
    expect(text).toBe(referenceCsv(entries));
    const rows = parse(text, { columns: [...CSV_COLUMNS] }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.type, r.data, r.lastEventId])).toEqual(
      entries.map((e) => [e.type, e.data, e.lastEventId]),
    );
  });

  it('reads back through csv-parse to the same events, whatever the text (RFC 4180)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ unit: 'binary' }),
            fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...EDGE_FIELDS)),
            fc.string({ unit: 'binary' }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (fields) => {
          const entries = fields.map(([type, data, id], i) => eventEntry(i + 1, type, data, id));
          const text = createEncoder('csv').entries(entries);
          expect(text).toBe(referenceCsv(entries));
          const rows = parse(text, { columns: [...CSV_COLUMNS] }) as Array<Record<string, string>>;
          expect(rows.map((r) => [r.type, r.data, r.lastEventId])).toEqual(fields);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps timeline rows in order between batched event rows', () => {
    const entries: FeedEntry[] = [
      eventEntry(1, 'message', 'a "b"', '1'),
      { kind: 'comment', seq: 2, at: AT + 2, text: ' keep-alive, "ping"' },
      eventEntry(3, 'message', 'c\u0001,d', '3'),
      { kind: 'retry', seq: 4, at: AT + 4, ms: 3000 },
      eventEntry(5, 'message', 'e,f', '5'),
    ];
    const text = createEncoder('csv', { includeTimeline: true }).entries(entries);
    const rows = parse(text, { columns: [...CSV_COLUMNS] }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.seq, r.kind])).toEqual([
      ['1', 'event'],
      ['2', 'comment'],
      ['3', 'event'],
      ['4', 'retry'],
      ['5', 'event'],
    ]);
    expect(rows[0]!.data).toBe('a "b"');
    expect(JSON.parse(rows[1]!.data!)).toMatchObject({ text: ' keep-alive, "ping"' });
    expect(rows[2]!.data).toBe('c\u0001,d');
    expect(rows[4]!.data).toBe('e,f');
  });

  it('starts with a UTF-8 BOM and the header row only when asked', () => {
    const header = 'seq,kind,type,data,lastEventId,receivedAt,attempt\r\n';
    expect(createEncoder('csv', { csvBom: true }).begin()).toBe(`\ufeff${header}`);
    expect(createEncoder('csv').begin()).toBe(header);
  });

  it('leaves a field holding the quote mark for the caller to write with csvField', () => {
    expect(csvBatchField('no quotes needed')).toBe('no quotes needed');
    expect(csvBatchField('has\u0001mark')).toBeNull();
    expect(finishCsvBatch(`1,${csvBatchField('x "y", z')}\r\n`)).toBe(
      `1,${csvField('x "y", z')}\r\n`,
    );
  });
});

describe('export timestamps', () => {
  it('are exactly what toISOString writes, across seconds and back', async () => {
    const { isoTime } = await import('./records');
    const base = Date.UTC(2026, 0, 2, 3, 4, 5);
    for (const ms of [
      base,
      base + 7,
      base + 999,
      base + 1_000,
      base + 1_042,
      base + 5,
      base + 86_400_123,
    ]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
