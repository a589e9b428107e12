import { STATUS_CODES } from 'node:http';

/** Human wording shared by the engine's messages ("no bytes for 45 s (idle timeout)"). */

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** "HTTP 401 Unauthorized"; HTTP/2 has no reason phrase, so fall back to the standard one. */
export function statusLabel(status: number, statusText?: string): string {
  const text = statusText !== undefined && statusText !== '' ? statusText : STATUS_CODES[status];
  return text !== undefined && text !== '' ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

/** A URL for messages, without any user:password part. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}
