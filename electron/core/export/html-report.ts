import type { FeedEntry } from '../../../shared/api/frames';
import type { ConnectionState } from '../../../shared/model/connection-state';
import type { SessionHeaderRecord } from '../sessions/log-records';
import type { Encoder } from './formats';
import { isoTime } from './records';

const SPECIAL = /[&<>"']/;
const SPECIAL_IN_TEXT = /[&<>]/;

/** Text made safe inside HTML elements and quoted attributes; one test when nothing needs it. */
export function escapeHtml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Text made safe as element content: only `&` and `<` (and `>` for readability) matter there
 * (HTML Living Standard, "Serializing HTML fragments", escaping a string); quotes do not.
 */
export function escapeText(text: string): string {
  if (!SPECIAL_IN_TEXT.test(text)) return text;
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Self-contained: inline styles, no script, no external resource, so the file opens in any
 * browser without the app. Colours are custom properties with a dark variant, like the app's.
 */
const STYLE = `
:root { --bg: #ffffff; --fg: #1d1f23; --muted: #6b7079; --line: #d8dbe0; --event: #0b5cad;
  --state: #8a5a00; --error: #b3261e; --code-bg: #f4f5f7; }
@media (prefers-color-scheme: dark) { :root { --bg: #17191c; --fg: #e6e8eb; --muted: #9aa0a8;
  --line: #30343a; --event: #7db7ff; --state: #e0b158; --error: #ff8a80; --code-bg: #22252a; } }
body { background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, sans-serif; margin: 24px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.data, pre { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
pre { background: var(--code-bg); padding: 8px; }
tr.event td.kind { color: var(--event); } tr.state td.kind { color: var(--state); }
tr.failed td { color: var(--error); } .muted { color: var(--muted); }
`;

function describeState(state: ConnectionState): string {
  switch (state.type) {
    case 'idle':
      return 'idle';
    case 'connecting':
      return `connecting to ${state.url} (attempt ${state.attempt})`;
    case 'open':
      return `open: HTTP ${state.status} ${state.url}`;
    case 'retrying':
      return `retrying in ${state.delayMs} ms: ${state.reason}`;
    case 'closed':
      return `closed: ${state.message}`;
    case 'failed':
      return `failed: ${state.error.message}`;
  }
}

function row(entry: FeedEntry): string {
  const time = isoTime(entry.at);
  const cells = (kind: string, type: string, id: string, data: string, cls = ''): string =>
    `<tr class="${entry.kind}${cls}"><td>${entry.seq}</td><td>${time}</td>` +
    `<td class="kind">${escapeText(kind)}</td><td>${escapeText(type)}</td>` +
    `<td>${escapeText(id)}</td><td class="data">${escapeText(data)}</td></tr>\n`;
  switch (entry.kind) {
    case 'event':
      return cells('event', entry.type, entry.lastEventId, entry.data);
    case 'state':
      return cells(
        'state',
        entry.state.type,
        '',
        describeState(entry.state),
        entry.state.type === 'failed' ? ' failed' : '',
      );
    case 'comment':
      return cells('comment', '', '', `:${entry.text}`);
    case 'retry':
      return cells('retry', '', '', `retry: ${entry.ms}`);
    case 'redirect':
      return cells(
        'redirect',
        String(entry.status),
        '',
        `${entry.from} → ${entry.to} (${entry.method})`,
      );
    case 'action':
      return cells('action', '', '', entry.action);
  }
}

function requestSection(header: SessionHeaderRecord, trimmed: boolean): string {
  const headers = header.headers.map((h) => `${h.name}: ${h.value}`).join('\n');
  return (
    `<h2>${escapeHtml(header.name)} — ${escapeHtml(new Date(header.openedAt).toISOString())}</h2>\n` +
    (trimmed
      ? '<p class="muted">The oldest part of this session was removed by log retention.</p>\n'
      : '') +
    `<pre>${escapeHtml(`${header.method} ${header.url}`)}${headers ? `\n${escapeHtml(headers)}` : ''}` +
    `${header.body ? `\n\n${escapeHtml(header.body)}` : ''}</pre>\n`
  );
}

const TABLE_HEAD =
  '<table><thead><tr><th>#</th><th>Time</th><th>Kind</th><th>Type</th><th>Last event ID</th>' +
  '<th>Data</th></tr></thead><tbody>\n';

/** A readable report: the request of each session, then its timeline and events as a table. */
export function htmlEncoder(): Encoder {
  let tableOpen = false;
  const closeTable = (): string => {
    if (!tableOpen) return '';
    tableOpen = false;
    return '</tbody></table>\n';
  };
  return {
    begin: () =>
      '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Eventscope session report</title>' +
      `<style>${STYLE}</style></head><body>\n<h1>Eventscope session report</h1>\n`,
    session(header, trimmed) {
      const text = closeTable() + (header ? requestSection(header, trimmed) : '');
      tableOpen = true;
      return text + TABLE_HEAD;
    },
    entries(entries) {
      let text = '';
      if (!tableOpen) {
        tableOpen = true;
        text += TABLE_HEAD;
      }
      for (const entry of entries) text += row(entry);
      return text;
    },
    end: () => `${closeTable()}</body></html>\n`,
  };
}
