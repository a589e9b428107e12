import type { FeedEntry } from '../../../shared/api/frames';
import { csvBatchField, csvField, csvRow, finishCsvBatch } from './csv-row';
import type { SessionHeaderRecord } from '../sessions/log-records';
import { entryRecord, entryRecordJson, isoTime, statusRecord } from './records';
import { htmlEncoder } from './html-report';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'json', 'sse', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  jsonl: 'jsonl',
  csv: 'csv',
  json: 'json',
  sse: 'sse',
  html: 'html',
};

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  sse: 'text/event-stream; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export interface EncoderOptions {
  /** State changes, redirects, retry fields and comments as records too (JSONL, JSON, CSV). */
  includeTimeline?: boolean;
  /** CSV: start with a UTF-8 BOM so spreadsheet programs read the text as UTF-8. */
  csvBom?: boolean;
}

/**
 * Turns log records into the text of one format, piece by piece, so an export of any size
 * streams: `begin` once, `session` at the start of each recorded session, `entries` per batch.
 */
export interface Encoder {
  begin(): string;
  session(header: SessionHeaderRecord | null, trimmed: boolean): string;
  entries(entries: readonly FeedEntry[]): string;
  end(): string;
}

/** The JSONL / JSON record of an entry, or null when the options leave it out. */
function exportRecord(entry: FeedEntry, includeTimeline: boolean): object | null {
  switch (entry.kind) {
    case 'event':
      return entryRecord(entry);
    case 'state': {
      if (!includeTimeline) return null;
      const record = statusRecord(entry.state);
      return record === null ? null : { ...record, seq: entry.seq };
    }
    case 'comment':
    case 'retry':
    case 'redirect':
    case 'action':
      return includeTimeline ? { ...entry, at: new Date(entry.at).toISOString() } : null;
  }
}

function sessionRecord(header: SessionHeaderRecord | null, trimmed: boolean): object | null {
  if (header === null) return null;
  return { ...header, openedAt: new Date(header.openedAt).toISOString(), trimmed };
}

function jsonlEncoder(options: EncoderOptions): Encoder {
  const timeline = options.includeTimeline === true;
  return {
    begin: () => '',
    session: (header, trimmed) => {
      const record = timeline ? sessionRecord(header, trimmed) : null;
      return record === null ? '' : `${JSON.stringify(record)}\n`;
    },
    entries(entries) {
      let text = '';
      for (const entry of entries) {
        if (entry.kind === 'event') {
          text += `${entryRecordJson(entry)}\n`;
          continue;
        }
        const record = exportRecord(entry, timeline);
        if (record !== null) text += `${JSON.stringify(record)}\n`;
      }
      return text;
    },
    end: () => '',
  };
}

function jsonEncoder(options: EncoderOptions): Encoder {
  const timeline = options.includeTimeline === true;
  let first = true;
  const item = (record: object): string => {
    const text = `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
    first = false;
    return text;
  };
  return {
    begin: () => '[',
    session: (header, trimmed) => {
      const record = timeline ? sessionRecord(header, trimmed) : null;
      return record === null ? '' : item(record);
    },
    entries(entries) {
      let text = '';
      for (const entry of entries) {
        if (entry.kind === 'event') {
          text += `${first ? '\n' : ',\n'}${entryRecordJson(entry)}`;
          first = false;
          continue;
        }
        const record = exportRecord(entry, timeline);
        if (record !== null) text += item(record);
      }
      return text;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

export const CSV_COLUMNS = [
  'seq',
  'kind',
  'type',
  'data',
  'lastEventId',
  'receivedAt',
  'attempt',
] as const;

/** RFC 4180 (csv-row.ts): fields with commas, quotes or line breaks are quoted. */
function csvEncoder(options: EncoderOptions): Encoder {
  const timeline = options.includeTimeline === true;
  return {
    begin: () => (options.csvBom === true ? '\ufeff' : '') + csvRow(CSV_COLUMNS),
    session: () => '',
    entries(entries) {
      let text = '';
      // Event rows gathered for finishCsvBatch: one quoting pass over many rows, not per field.
      let batch = '';
      for (const entry of entries) {
        if (entry.kind === 'event') {
          const type = csvBatchField(entry.type);
          const data = csvBatchField(entry.data);
          const id = csvBatchField(entry.lastEventId);
          // Numbers, `event` and timestamps never need quotes.
          if (type !== null && data !== null && id !== null) {
            batch += `${entry.seq},event,${type},${data},${id},${isoTime(entry.at)},${entry.attempt}\r\n`;
            continue;
          }
        } else if (!timeline) continue;
        text += finishCsvBatch(batch);
        batch = '';
        const iso = isoTime(entry.at);
        if (entry.kind === 'event') {
          text +=
            `${entry.seq},event,${csvField(entry.type)},${csvField(entry.data)},` +
            `${csvField(entry.lastEventId)},${iso},${entry.attempt}\r\n`;
        } else {
          const record = exportRecord(entry, true);
          text += csvRow([entry.seq, entry.kind, '', JSON.stringify(record), '', iso, '']);
        }
      }
      return text + finishCsvBatch(batch);
    },
    end: () => '',
  };
}

/** The comment that keeps an event's arrival time in a transcript: `: +125ms`. */
export const TIMING_COMMENT = /^: \+(\d+)ms$/;

/**
 * An SSE transcript: a `text/event-stream` that parses back to the same events, types and ids
 * (WHATWG HTML §9.2.6). Each event is preceded by `: +Nms`, its arrival after the first event's;
 * parsers ignore comments, and `eventscope replay` uses them to keep the timing.
 */
function sseEncoder(): Encoder {
  let lastId = '';
  let origin: number | null = null;
  return {
    begin: () => ': eventscope SSE transcript\n\n',
    session: (header, trimmed) => {
      if (header === null) return '';
      const where = `${header.method} ${header.url}`.replace(/[\r\n]/g, ' ');
      const note = trimmed ? ' (its oldest part was removed by log retention)' : '';
      return `: session ${new Date(header.openedAt).toISOString()} ${where}${note}\n\n`;
    },
    entries(entries) {
      let text = '';
      for (const entry of entries) {
        if (entry.kind === 'retry') {
          text += `retry: ${entry.ms}\n\n`;
          continue;
        }
        if (entry.kind === 'comment') {
          // Kept, so a replay sends the same heartbeats; never mistaken for a timing line.
          if (!TIMING_COMMENT.test(`:${entry.text}`))
            text += `:${entry.text.replace(/[\r\n]/g, ' ')}\n\n`;
          continue;
        }
        if (entry.kind !== 'event') continue;
        origin ??= entry.at;
        text += `: +${Math.max(0, Math.round(entry.at - origin))}ms\n`;
        // Only when it changed: an `id:` line sets the id for this and later events, and an
        // empty one resets it, so the ids come out the same on parsing.
        if (entry.lastEventId !== lastId) {
          text += entry.lastEventId === '' ? 'id\n' : `id: ${entry.lastEventId}\n`;
          lastId = entry.lastEventId;
        }
        if (entry.type !== 'message') text += `event: ${entry.type}\n`;
        text += `data: ${entry.data.split('\n').join('\ndata: ')}\n\n`;
      }
      return text;
    },
    end: () => '',
  };
}

export function createEncoder(format: ExportFormat, options: EncoderOptions = {}): Encoder {
  switch (format) {
    case 'jsonl':
      return jsonlEncoder(options);
    case 'json':
      return jsonEncoder(options);
    case 'csv':
      return csvEncoder(options);
    case 'sse':
      return sseEncoder();
    case 'html':
      return htmlEncoder();
  }
}
