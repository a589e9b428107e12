/** A field needs quotes when it holds a comma, a double quote, CR or LF (RFC 4180 §2, rule 6). */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One CSV record as RFC 4180 §2 writes it: fields joined by commas, a field with a comma, quote
 * or line break enclosed in double quotes with its quotes doubled, CRLF at the end.
 *
 * Written here rather than with csv-stringify: on the export benchmark (bench/export.ts,
 * docs/sessions.md) csv-stringify's per-field casting made CSV export about 7× slower than the
 * plain read/parse/write pipeline, far from the 0.8× target; csv-parse still reads every export
 * back in the tests and in the benchmark to prove the round trip.
 */
/** One field as RFC 4180 §2 writes it: quoted, quotes doubled, only when it needs it. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

export function csvRow(fields: ReadonlyArray<string | number>): string {
  let row = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const text = typeof field === 'number' ? String(field) : field;
    if (i > 0) row += ',';
    row += NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
  }
  return `${row}\r\n`;
}
