import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow } from './csv-row';

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
