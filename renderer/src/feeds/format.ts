import type { ConnectionState } from '../../../shared/model/connection-state';
import type { FeedEntry } from '../../../shared/api/frames';

/** Wall-clock time with milliseconds: events often arrive many per second. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatCount(n: number): string {
  return n >= 1_000_000
    ? `${(n / 1_000_000).toFixed(1)}M`
    : n >= 10_000
      ? `${(n / 1000).toFixed(1)}k`
      : String(n);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/** One line describing a state, as the timeline and the feed header show it. */
export function describeState(state: ConnectionState): string {
  switch (state.type) {
    case 'idle':
      return 'idle';
    case 'connecting':
      return state.attempt > 1 ? `connecting (attempt ${state.attempt})` : 'connecting';
    case 'open':
      return `open · HTTP ${state.status}`;
    case 'retrying': {
      const seconds = Math.max(0, Math.round(state.delayMs / 100) / 10);
      const of = state.maxAttempts === null ? '' : ` of ${state.maxAttempts}`;
      return `retrying in ${seconds} s (retry ${state.retry}${of}) — ${state.reason}`;
    }
    case 'closed':
      return `closed — ${state.message}`;
    case 'failed':
      return `failed — ${state.error.message}`;
  }
}

/** The short single-line preview of an entry in the list. */
export function previewOf(entry: FeedEntry): string {
  switch (entry.kind) {
    case 'event':
      return entry.data.length > 500 ? `${entry.data.slice(0, 500)}…` : entry.data;
    case 'comment':
      return `: ${entry.text}`;
    case 'state':
      return describeState(entry.state);
    case 'redirect':
      return describeRedirect(entry);
    case 'retry':
      return `server set the reconnection time to ${entry.ms} ms`;
  }
}

function describeRedirect(entry: Extract<FeedEntry, { kind: 'redirect' }>): string {
  const changed = entry.methodChanged ? ` — now ${entry.method}, the body was not sent again` : '';
  const dropped = entry.droppedHeaders.length
    ? ` (not sent on: ${entry.droppedHeaders.join(', ')})`
    : '';
  return `${entry.status} → ${entry.to}${changed}${dropped}`;
}

/** The full text of an entry for the detail pane; JSON data is pretty-printed. */
export function detailOf(entry: FeedEntry): string {
  switch (entry.kind) {
    case 'event':
      try {
        const parsed: unknown = JSON.parse(entry.data);
        if (parsed !== null && typeof parsed === 'object') return JSON.stringify(parsed, null, 2);
      } catch {
        // not JSON: show it as it came
      }
      return entry.data;
    case 'comment':
      return entry.text;
    case 'state':
      return JSON.stringify(entry.state, null, 2);
    case 'redirect':
    case 'retry':
      return previewOf(entry);
  }
}
