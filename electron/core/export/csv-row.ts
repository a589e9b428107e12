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

/**
 * Stands for the opening and closing quote of a field while a batch of rows is being built:
 * quoting field by field costs one regex replace per field, which made CSV export the slowest
 * format on bench:export (docs/sessions.md); one pass over the whole batch does the same work.
 */
const FIELD_MARK = '\u0001';

/**
 * `text` as a field of a batch row (see finishCsvBatch): as it is when it needs no quotes,
 * between FIELD_MARKs when it does; null when the text holds FIELD_MARK itself, so the caller
 * writes that row with csvField instead and the marks stay unambiguous.
 */
export function csvBatchField(text: string): string | null {
  if (text.includes(FIELD_MARK)) return null;
  return NEEDS_QUOTES.test(text) ? `${FIELD_MARK}${text}${FIELD_MARK}` : text;
}

/**
 * Rows built only from csvBatchField fields (and text without quotes or marks, such as numbers
 * and timestamps) as RFC 4180 §2 text: every quote inside a field doubled, every mark a quote.
 * Byte for byte what csvField would have written field by field.
 */
export function finishCsvBatch(rows: string): string {
  return rows === '' ? '' : rows.replace(QUOTE, '""').replaceAll(FIELD_MARK, '"');
}
