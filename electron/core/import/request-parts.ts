import { importNote, type ImportNote } from '../../../shared/import-notes';
import { isSecretHeaderName } from '../../../shared/model/headers';
import { placeholderPattern } from '../../../shared/model/placeholder';
import { placeholderNames } from '../../../shared/model/variables';
import type { Header, RequestBody } from '../../../shared/model/workspace';

/**
 * Pieces both importers need to turn a foreign request into an Endpoint: headers marked
 * secret, the body kind, Basic credentials, a name. Pure, no I/O.
 */

/** The workspace model's limit on names (shared/model/workspace.ts). */
const MAX_NAME_CHARS = 200;

export function importedHeader(name: string, value: string, enabled = true): Header {
  // Both lists: the CLI's (x-auth-token, …-session) and the store's (…_password, api.key).
  const secret = isSecretHeaderName(name);
  return { name, value, enabled, secret };
}

export function hasHeader(headers: readonly Header[], name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some((h) => h.enabled && h.name.toLowerCase() === lower);
}

/**
 * Why a copied header is left out, or null to keep it. Fetch sets these itself, and a stale
 * Content-Length (after the body is edited) or any of the hop-by-hop ones would fail the
 * request (electron/core/sse/request.ts lists what undici refuses).
 */
export function droppedHeaderReason(name: string, value: string): ImportNote | null {
  const lower = name.toLowerCase();
  if (lower.startsWith(':')) {
    return importNote('header-dropped-pseudo', `the HTTP/2 pseudo-header ${name} was left out`, {
      name,
    });
  }
  if (lower === 'content-length') {
    return importNote(
      'header-dropped-content-length',
      'Content-Length was left out: fetch computes it from the body',
    );
  }
  if (lower === 'accept-encoding' && value.trim().toLowerCase() !== 'identity') {
    return importNote(
      'header-dropped-accept-encoding',
      'Accept-Encoding was left out: fetch negotiates compression and decompresses itself',
    );
  }
  if (['transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'te'].includes(lower)) {
    return importNote(
      'header-dropped-managed',
      `${name} was left out: fetch manages it and refuses to send it`,
      { name },
    );
  }
  return null;
}

/** A GET or HEAD with a body: fetch refuses to send it. */
export function bodyOnGet(method: string): ImportNote {
  return importNote(
    'body-on-get',
    `a ${method} request cannot carry a body with fetch; change the method or clear the body`,
    { method },
  );
}

/** No scheme in the URL: `http://` was put in front, as `tool` (curl, Postman) does. */
export function noScheme(tool: string): ImportNote {
  return importNote(
    'url-no-scheme',
    `the URL has no scheme; http:// was assumed, as ${tool} does`,
    { tool },
  );
}

/** `Authorization: Basic …` per RFC 7617 §2, with the UTF-8 bytes of `user:password`. */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** `application/json`, `application/problem+json`, `text/json; charset=utf-8`. */
export function isJsonContentType(contentType: string): boolean {
  const media = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return media === 'application/json' || media === 'text/json' || media.endsWith('+json');
}

export function isFormContentType(contentType: string): boolean {
  const media = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return media === 'application/x-www-form-urlencoded';
}

/**
 * Whether `text` is JSON once its `{{placeholders}}` are filled in. A placeholder may stand for
 * a whole value (`{"n": {{count}}}`) or sit inside a string, so `0` fits both places.
 */
export function parsesAsJson(text: string): boolean {
  const filled = text.replace(placeholderPattern(), '0');
  try {
    JSON.parse(filled);
    return true;
  } catch {
    return false;
  }
}

/**
 * The body for `text` sent with `contentType` ('' = none declared). JSON only when the type
 * says JSON and the text parses, so the editor's JSON tools never mangle something that isn't.
 */
export function bodyFor(text: string, contentType: string): RequestBody {
  if (contentType !== '' && isJsonContentType(contentType) && parsesAsJson(text)) {
    return { kind: 'json', text, contentType };
  }
  if (contentType === '' || isFormContentType(contentType)) {
    return { kind: 'form', text, contentType };
  }
  return { kind: 'text', text, contentType };
}

/**
 * Moves a Content-Type header into the body, where the editor shows it next to the text.
 * Returns the header's value ('' when there was none) and the headers without it.
 */
export function takeContentType(headers: readonly Header[]): {
  contentType: string;
  headers: Header[];
} {
  const index = headers.findIndex((h) => h.enabled && h.name.toLowerCase() === 'content-type');
  if (index === -1) return { contentType: '', headers: [...headers] };
  return {
    contentType: (headers[index] as Header).value,
    headers: headers.filter((_, i) => i !== index),
  };
}

/**
 * "POST api.openai.com/v1/chat/completions": method, host and path as written — no scheme, no
 * credentials, no query (it may hold keys). Not via `new URL`, which would percent-encode a
 * `{{placeholder}}` in the path.
 */
export function endpointName(method: string, url: string): string {
  const where = url
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '')
    .replace(/^[^/?#@]*@/, '')
    .replace(/[?#].*$/s, '')
    .replace(/\/$/, '');
  return clipName(`${method.toUpperCase()} ${where}`);
}

export function clipName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return 'Imported request';
  return trimmed.length > MAX_NAME_CHARS ? `${trimmed.slice(0, MAX_NAME_CHARS - 1)}…` : trimmed;
}

/** Placeholder names in any of the texts, in order of first use. */
export function placeholdersIn(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const name of placeholderNames(text)) names.add(name);
  return [...names];
}

/**
 * Percent-encodes for `application/x-www-form-urlencoded` (space as `+`), leaving
 * `{{placeholders}}` as they are: the workspace encodes their values when it fills them in.
 */
export function formEncodeKeepingPlaceholders(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(placeholderPattern())) {
    out += formEncode(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + formEncode(text.slice(last));
}

/** As curl's --data-urlencode and URLSearchParams: unreserved characters stay, space is `+`. */
export function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Adds `query` (already encoded) to a URL, before any `#fragment`. */
export function appendQuery(url: string, query: string): string {
  if (query === '') return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const separator = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${separator}${query}${fragment}`;
}
