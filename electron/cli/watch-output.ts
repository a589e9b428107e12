import type { ConnectionState } from '../../shared/model/connection-state';
import type { SseEvent } from '../../shared/model/sse-event';
import { formatDuration } from '../core/sse/format';
import { escapeControls, escapeJsonForTerminal, painter, type Paint } from './ansi';
import { eventRecord, statusRecord } from '../core/export/records';

export const OUTPUT_FORMATS = ['pretty', 'jsonl', 'sse', 'none'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Turns what the connection reports into stdout text; '' means "print nothing". */
export interface WatchFormatter {
  event(seq: number, event: SseEvent): string;
  status(state: ConnectionState): string;
  /** A comment line (`: text`): heartbeats are worth seeing when debugging (docs/architecture.md, "The SSE protocol"). */
  comment(text: string, at: number): string;
}

export interface FormatterOptions {
  /** Status records in jsonl / status comments in sse. Pretty always shows state changes. */
  includeStatus: boolean;
  /** Pretty only. */
  color: boolean;
  /**
   * stdout is a terminal: the sse format then escapes control characters too (pretty always
   * does; in a file or a pipe a transcript stays byte-exact for replay).
   */
  terminal?: boolean;
}

/** `pretty` on a terminal (people read it), `jsonl` in a pipe (programs read it). */
export function defaultFormat(stdoutIsTty: boolean): OutputFormat {
  return stdoutIsTty ? 'pretty' : 'jsonl';
}

export function createFormatter(format: OutputFormat, options: FormatterOptions): WatchFormatter {
  switch (format) {
    case 'jsonl':
      return jsonlFormatter(options.includeStatus);
    case 'sse':
      return sseFormatter(options.includeStatus, options.terminal === true);
    case 'pretty':
      return prettyFormatter(painter(options.color));
    case 'none':
      return { event: () => '', status: () => '', comment: () => '' };
  }
}

function jsonlFormatter(includeStatus: boolean): WatchFormatter {
  return {
    event: (seq, event) => `${escapeJsonForTerminal(JSON.stringify(eventRecord(seq, event)))}\n`,
    status: (state) => {
      const record = includeStatus ? statusRecord(state) : null;
      return record === null ? '' : `${escapeJsonForTerminal(JSON.stringify(record))}\n`;
    },
    // The jsonl record kinds are a documented format (event, status); comments are not one.
    comment: () => '',
  };
}

/**
 * Re-serialises events as an event stream, so the output can be saved and replayed. `id:` is
 * written only when the last event ID changed, which reproduces the same ids on replay.
 */
function sseFormatter(includeStatus: boolean, terminal: boolean): WatchFormatter {
  let lastId = '';
  const shown = terminal ? escapeControls : (text: string) => text;
  return {
    event: (_seq, event) => {
      let text = '';
      if (event.lastEventId !== lastId) {
        text += `id: ${shown(event.lastEventId)}\n`;
        lastId = event.lastEventId;
      }
      if (event.type !== 'message') text += `event: ${shown(event.type)}\n`;
      for (const line of event.data.split('\n')) text += `data: ${shown(line)}\n`;
      return `${text}\n`;
    },
    status: (state) => {
      const record = includeStatus ? statusRecord(state) : null;
      if (record === null) return '';
      // A comment: replaying the transcript ignores it (WHATWG HTML §9.2.6, lines starting ':').
      const { kind: _kind, state: name, ...fields } = record;
      const json = escapeJsonForTerminal(JSON.stringify(fields));
      return `: ${name} ${json.replace(/[\r\n]/g, ' ')}\n\n`;
    },
    // Kept in the transcript, so a replay has the same heartbeats.
    comment: (text) => `:${shown(text.replace(/[\r\n]/g, ' '))}\n`,
  };
}

function clock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Continuation lines of multi-line data line up under the first line's data. */
const PRETTY_INDENT = '    ';

function prettyFormatter(paint: Paint): WatchFormatter {
  return {
    event: (seq, event) => {
      const head = [
        paint('dim', clock(event.receivedAt)),
        paint('dim', `#${seq}`),
        paint('cyan', escapeControls(event.type)),
      ];
      if (event.lastEventId !== '')
        head.push(paint('yellow', `id:${escapeControls(event.lastEventId)}`));
      const [first = '', ...rest] = escapeControls(event.data).split('\n');
      const lines = [
        `${head.join(' ')}  ${first}`,
        ...rest.map((line) => `${PRETTY_INDENT}${line}`),
      ];
      return `${lines.join('\n')}\n`;
    },
    status: (state) => {
      const time = paint('dim', clock(state.at));
      switch (state.type) {
        case 'idle':
          return '';
        case 'connecting':
          return `${time} ${paint('dim', `connecting to ${escapeControls(state.url)} (attempt ${state.attempt})`)}\n`;
        case 'open':
          return `${time} ${paint('green', `open: HTTP ${state.status}`)} ${paint('dim', escapeControls(state.url))}\n`;
        case 'retrying': {
          const of = state.maxAttempts === null ? '' : ` of ${state.maxAttempts}`;
          const text = `retrying in ${formatDuration(state.delayMs)} (retry ${state.retry}${of}): ${state.reason}`;
          return `${time} ${paint('yellow', escapeControls(text))}\n`;
        }
        case 'closed':
          return `${time} ${paint('dim', `closed: ${escapeControls(state.message)}`)}\n`;
        case 'failed':
          return `${time} ${paint('red', `failed: ${escapeControls(state.error.message)}`)}\n`;
      }
    },
    comment: (text, at) =>
      `${paint('dim', clock(at))} ${paint('dim', `:${escapeControls(text)}`)}\n`,
  };
}
