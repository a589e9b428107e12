import type { ConnectionError, HeaderPair } from '../../../shared/model/connection-state';
import { formatBytes } from '../../../shared/format-bytes';
import { displayUrl, formatDuration, statusLabel } from './format';

/**
 * The engine's errors, each with one clear human sentence. They are data
 * (ConnectionError in shared/), not thrown: a failed connection is a state, not an exception.
 */

/** How much of a non-stream body is kept for the user to read. */
export const ERROR_BODY_LIMIT_BYTES = 64 * 1024;

export interface ResponseSnapshot {
  url: string;
  status: number;
  statusText: string;
  headers: HeaderPair[];
  body: string;
  bodyTruncated: boolean;
}

function bodyNote(snapshot: ResponseSnapshot): string {
  return snapshot.body === '' ? ' (empty body)' : ' — the response body is shown below';
}

export function httpStatusError(snapshot: ResponseSnapshot): ConnectionError {
  return {
    code: 'http-status',
    message: `${statusLabel(snapshot.status, snapshot.statusText)} from ${displayUrl(snapshot.url)}${bodyNote(snapshot)}`,
    ...snapshotFields(snapshot),
  };
}

export function contentTypeError(
  snapshot: ResponseSnapshot,
  contentType: string | null,
): ConnectionError {
  const got = contentType === null ? 'no Content-Type' : `Content-Type ${contentType}`;
  return {
    code: 'content-type',
    message: `${displayUrl(snapshot.url)} answered with ${got}, not text/event-stream, so it was not read as events${bodyNote(snapshot)}`,
    ...snapshotFields(snapshot),
    params: { contentType: contentType ?? '' },
  };
}

function snapshotFields(snapshot: ResponseSnapshot): Omit<ConnectionError, 'code' | 'message'> {
  return {
    url: displayUrl(snapshot.url),
    status: snapshot.status,
    statusText: snapshot.statusText,
    headers: snapshot.headers,
    body: snapshot.body,
    bodyTruncated: snapshot.bodyTruncated,
  };
}

export function connectTimeoutError(url: string, timeoutMs: number): ConnectionError {
  return {
    code: 'connect-timeout',
    message: `no response headers from ${displayUrl(url)} within ${formatDuration(timeoutMs)} (connect timeout)`,
    url: displayUrl(url),
    params: { ms: timeoutMs },
  };
}

export function idleTimeoutError(url: string, timeoutMs: number): ConnectionError {
  return {
    code: 'idle-timeout',
    message: `no bytes for ${formatDuration(timeoutMs)} (idle timeout)`,
    url: displayUrl(url),
    params: { ms: timeoutMs },
  };
}

export function eventTooLargeError(url: string, limitBytes: number): ConnectionError {
  return {
    code: 'event-too-large',
    message: `event larger than ${formatBytes(limitBytes)} (maxEventBytes)`,
    url: displayUrl(url),
    params: { bytes: limitBytes },
  };
}

/** undici reports "fetch failed" / "terminated" with the useful part in `cause`. */
export function networkError(url: string, error: unknown, whileReading: boolean): ConnectionError {
  const detail = describeCause(error);
  const message = whileReading
    ? `connection lost while reading ${displayUrl(url)}: ${detail}`
    : `could not connect to ${displayUrl(url)}: ${detail}`;
  return {
    code: 'network',
    message,
    url: displayUrl(url),
    params: { phase: whileReading ? 'read' : 'connect', cause: causeCode(error) },
  };
}

/**
 * The first machine-readable reason in the cause chain: the kind of a TransportError
 * (transport-errors.ts), else a system or undici error code; '' when there is none.
 */
function causeCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    const { kind, code } = current as Error & { kind?: unknown; code?: unknown };
    if (current.name === 'TransportError' && typeof kind === 'string') return kind;
    if (typeof code === 'string' && code !== '') return code;
    current = current.cause;
  }
  return '';
}

export function invalidRequestError(message: string, url?: string): ConnectionError {
  return url === undefined
    ? { code: 'invalid-request', message }
    : { code: 'invalid-request', message, url: displayUrl(url) };
}

function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    const text =
      typeof code === 'string' && !current.message.includes(code)
        ? `${current.message} (${code})`
        : current.message;
    if (text !== '' && !parts.includes(text)) parts.push(text);
    current = current.cause;
  }
  if (parts.length === 0) return String(error);
  // "fetch failed: connect ECONNREFUSED …" reads worse than just the cause.
  if (parts.length > 1 && (parts[0] === 'fetch failed' || parts[0] === 'terminated')) parts.shift();
  return parts.join(': ');
}
