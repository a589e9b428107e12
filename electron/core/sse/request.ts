import { Buffer } from 'node:buffer';

/**
 * The request a connection sends, and how it becomes fetch input.
 */

export interface SseRequestHeader {
  name: string;
  value: string;
  /** Never sent to another origin on a redirect, redacted in exports. */
  secret?: boolean;
}

export interface SseRequest {
  url: string;
  /** Any method token, including custom ones (PURGE, X-STREAM). */
  method: string;
  /** In order; repeated names are allowed (fetch joins them with ", ", RFC 9110 §5.3). */
  headers: readonly SseRequestHeader[];
  body?: string | Uint8Array | null;
}

/** Sent unless the user sets the header themselves (any letter case). */
export const DEFAULT_REQUEST_HEADERS: readonly SseRequestHeader[] = [
  { name: 'Accept', value: 'text/event-stream' },
  // EventSource sends this so caches and proxies do not answer a stream from cache.
  { name: 'Cache-Control', value: 'no-cache' },
];

export const LAST_EVENT_ID_HEADER = 'Last-Event-ID';

/** RFC 9110 §5.6.2 token: method and header names. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Fetch's "forbidden method"s: fetch throws on them, so say so before trying. */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** Headers undici's fetch refuses to send (it fails the request with "invalid … header"). */
const UNSENDABLE_HEADERS: ReadonlySet<string> = new Set([
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'expect',
]);
/** Fetch "normalize a method" upper-cases these; we add PATCH, which servers reject lower-case. */
const NORMALIZED_METHODS: ReadonlySet<string> = new Set([
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
]);

export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

export function hasBody(body: SseRequest['body']): body is string | Uint8Array {
  return body !== undefined && body !== null && body.length > 0;
}

/**
 * The body as fetch takes it in both Node's and the DOM's typings: an ArrayBuffer-backed view
 * (a SharedArrayBuffer-backed one is copied) or a string; undefined when there is none.
 */
export function fetchBody(body: SseRequest['body']): string | Uint8Array<ArrayBuffer> | undefined {
  if (!hasBody(body)) return undefined;
  if (typeof body === 'string') return body;
  return body.buffer instanceof ArrayBuffer
    ? (body as Uint8Array<ArrayBuffer>)
    : new Uint8Array(body);
}

/** Why this request cannot be sent as given, or null when it can. */
export function validateRequest(request: SseRequest): string | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return `"${request.url}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `only http: and https: URLs can be watched, not ${url.protocol}`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'fetch does not send credentials written in the URL; use an Authorization header';
  }
  if (!TOKEN.test(request.method)) return `"${request.method}" is not a valid HTTP method`;
  const method = normalizeMethod(request.method);
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    return `the ${method.toUpperCase()} method cannot be sent with fetch`;
  }
  if ((method === 'GET' || method === 'HEAD') && hasBody(request.body)) {
    return `a ${method} request cannot have a body with fetch; use POST (or another method)`;
  }
  for (const header of request.headers) {
    if (!TOKEN.test(header.name)) return `"${header.name}" is not a valid header name`;
    if (UNSENDABLE_HEADERS.has(header.name.toLowerCase())) {
      return `fetch cannot send a ${header.name} header`;
    }
    if (/[\r\n\0]/.test(header.value)) {
      return `the value of header ${header.name} contains a line break or NUL`;
    }
  }
  return null;
}

/**
 * A header value as fetch accepts it. Fetch only takes ByteStrings (every char ≤ U+00FF), so
 * text beyond Latin-1 is sent as its UTF-8 bytes, one Latin-1 char per byte — what curl and
 * servers expect (docs/architecture.md, "The SSE protocol": connecting and reconnecting).
 */
export function encodeHeaderValue(value: string): string {
  // Fast path: already a ByteString, send unchanged (keeps intentional Latin-1 as is).
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u00ff]*$/.test(value)) return value;
  return Buffer.from(value, 'utf8').toString('latin1');
}

/**
 * The `Last-Event-ID` value for a reconnect, or null when none must be sent: an empty id (never
 * set, or reset by an empty `id:` field) sends no header; an id with CR, LF or NUL could split
 * the header, so it is never sent. Encoded as UTF-8 bytes in a Latin-1 string.
 */
export function lastEventIdHeaderValue(id: string): string | null {
  if (id === '' || /[\r\n\0]/.test(id)) return null;
  return Buffer.from(id, 'utf8').toString('latin1');
}

/** The user's own `Last-Event-ID` header, used to seed the connection's last event ID. */
export function userLastEventId(headers: readonly SseRequestHeader[]): string | undefined {
  const lower = LAST_EVENT_ID_HEADER.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/**
 * The header list for one fetch: the user's headers in order (minus any Last-Event-ID: the
 * connection owns it), the defaults the user did not set, then the connection's Last-Event-ID.
 */
export function buildFetchHeaders(
  headers: readonly SseRequestHeader[],
  lastEventId: string,
): Array<[string, string]> {
  const lastIdName = LAST_EVENT_ID_HEADER.toLowerCase();
  const present = new Set(headers.map((h) => h.name.toLowerCase()));
  const out: Array<[string, string]> = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== lastIdName) out.push([h.name, encodeHeaderValue(h.value)]);
  }
  for (const h of DEFAULT_REQUEST_HEADERS) {
    if (!present.has(h.name.toLowerCase())) out.push([h.name, h.value]);
  }
  const lastId = lastEventIdHeaderValue(lastEventId);
  if (lastId !== null) out.push([LAST_EVENT_ID_HEADER, lastId]);
  return out;
}
