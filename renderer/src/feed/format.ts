import type { ConnectionState } from '../../../shared/model/connection-state';
import type { FeedAction, FeedEntry } from '../../../shared/api/frames';
import { i18n } from '../i18n';
import { describeCloseReason, describeFailure, describeRetryReason } from './state-reason';

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

const t = i18n.global.t;

/** One line describing a state, as the timeline and the feed header show it. */
export function describeState(state: ConnectionState): string {
  switch (state.type) {
    case 'idle':
      return t('feed.state.idle');
    case 'connecting':
      return state.attempt > 1
        ? t('feed.state.connectingAttempt', { attempt: state.attempt })
        : t('feed.state.connecting');
    case 'open':
      return t('feed.state.open', { status: state.status });
    case 'retrying': {
      const seconds = Math.max(0, Math.round(state.delayMs / 100) / 10);
      return state.maxAttempts === null
        ? t('feed.state.retrying', {
            seconds,
            retry: state.retry,
            reason: describeRetryReason(state),
          })
        : t('feed.state.retryingOf', {
            seconds,
            retry: state.retry,
            max: state.maxAttempts,
            reason: describeRetryReason(state),
          });
    }
    case 'closed':
      return t('feed.state.closed', { message: describeCloseReason(state) });
    case 'failed':
      return t('feed.state.failed', { message: describeFailure(state) });
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
      return t('feed.timeline.retryField', { ms: entry.ms });
    case 'action':
      return describeAction(entry.action);
  }
}

export function describeAction(action: FeedAction): string {
  switch (action) {
    case 'reconnect-requested':
      return t('feed.timeline.reconnectRequested');
    case 'disconnect-requested':
      return t('feed.timeline.disconnectRequested');
    case 'connect-requested':
      return t('feed.timeline.connectRequested');
  }
}

function describeRedirect(entry: Extract<FeedEntry, { kind: 'redirect' }>): string {
  const changed = entry.methodChanged
    ? t('feed.timeline.methodChanged', { method: entry.method })
    : '';
  const dropped = entry.droppedHeaders.length
    ? t('feed.timeline.headersDropped', { headers: entry.droppedHeaders.join(', ') })
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
    case 'action':
      return previewOf(entry);
  }
}

/**
 * The event as it would be written on the wire (WHATWG HTML "event stream interpretation" in
 * reverse): `id`, `event` unless it is the default `message`, one `data:` line per line.
 */
export function toSseText(entry: Extract<FeedEntry, { kind: 'event' }>): string {
  const lines: string[] = [];
  if (entry.lastEventId !== '') lines.push(`id: ${entry.lastEventId}`);
  if (entry.type !== 'message') lines.push(`event: ${entry.type}`);
  for (const line of entry.data.split('\n')) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** The event as one JSON object, the fields an export writes. */
export function toEventJson(entry: Extract<FeedEntry, { kind: 'event' }>): string {
  const { seq, at, type, data, lastEventId, attempt, sizeBytes } = entry;
  return JSON.stringify(
    {
      seq,
      receivedAt: new Date(at).toISOString(),
      type,
      id: lastEventId,
      data,
      attempt,
      sizeBytes,
    },
    null,
    2,
  );
}

/** A stable hue (0–359) per event type, so a type keeps its colour across panes and sessions. */
export function typeHue(type: string): number {
  let hash = 2166136261;
  for (let i = 0; i < type.length; i++) {
    hash ^= type.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 360;
}

export type TimeMode = 'absolute' | 'relative' | 'delta';

/** The time column: clock time with ms, seconds since the feed opened, or since the row before. */
export function formatRowTime(
  at: number,
  mode: TimeMode,
  openedAt: number,
  previousAt: number | null,
): string {
  switch (mode) {
    case 'absolute':
      return formatTime(at);
    case 'relative':
      return `+${((at - openedAt) / 1000).toFixed(3)} s`;
    case 'delta':
      return previousAt === null ? '—' : `Δ ${Math.max(0, at - previousAt)} ms`;
  }
}
