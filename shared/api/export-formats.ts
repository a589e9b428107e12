/** The export formats (docs/sessions.md), without schemas: the page lists them. */
export const EXPORT_FORMAT_NAMES = ['jsonl', 'csv', 'json', 'sse', 'html'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];
