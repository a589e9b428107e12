import { Buffer } from 'node:buffer';
import { isSecretHeader } from '../../shared/model/headers';
import type {
  ConnectionError,
  ConnectionState,
  HeaderPair,
} from '../../shared/model/connection-state';
import type { SseRequestHeader } from './sse/request';

/**
 * The one redactor of every feed door — a saved endpoint, a quick-open feed, the CLI (README,
 * "Security"): what a request carries as a credential never reaches a log, a timeline, a
 * terminal or an export, whichever form a server echoes it back in.
 */

export const REDACTED = '[redacted]';

/** Shorter values are too likely to occur by chance in a message ("on", "1") to be replaced. */
const MIN_SECRET_LENGTH = 4;

/** The headers as they may be written down: secret values replaced, names and order kept. */
export function redactHeaders(
  headers: readonly SseRequestHeader[],
): Array<{ name: string; value: string }> {
  return headers.map((header) => ({
    name: header.name,
    value: isSecretHeader(header) ? REDACTED : header.value,
  }));
}

/**
 * Response headers named like credentials (Set-Cookie above all: a session cookie is as good as
 * a password) with their values replaced. The app never sent them, so no redactor knows them;
 * their names are the only sign. Returns the same array when nothing was replaced.
 */
export function redactHeaderPairs(headers: readonly HeaderPair[]): readonly HeaderPair[] {
  if (!headers.some((header) => isSecretHeader(header))) return headers;
  return headers.map((header) =>
    isSecretHeader(header) ? { name: header.name, value: REDACTED } : header,
  );
}

function redactErrorHeaders(error: ConnectionError): ConnectionError {
  if (error.headers === undefined) return error;
  const headers = redactHeaderPairs(error.headers);
  return headers === error.headers ? error : { ...error, headers: [...headers] };
}

/**
 * A connection state as it may be written to a log, a terminal or the page: the response
 * headers it carries (`open`, and the error of `retrying`/`failed`) with credential values
 * replaced. Returns the same object when nothing was replaced, so the common case costs nothing.
 */
export function redactStateHeaders(state: ConnectionState): ConnectionState {
  switch (state.type) {
    case 'open': {
      const headers = redactHeaderPairs(state.headers);
      return headers === state.headers ? state : { ...state, headers: [...headers] };
    }
    case 'retrying':
    case 'failed': {
      if (state.error === undefined) return state;
      const error = redactErrorHeaders(state.error);
      return error === state.error ? state : { ...state, error };
    }
    default:
      return state;
  }
}

/**
 * The secret values a request carries: headers marked secret or named like credentials
 * (Authorization, Cookie, X-Api-Key, names with token/secret/key/auth), and the user name and
 * password of a `user:password@` URL — also joined as `user:password`, whose base64 is the
 * Basic credential.
 */
export function secretsOfRequest(request: {
  url: string;
  headers: readonly SseRequestHeader[];
}): string[] {
  const secrets = request.headers.filter(isSecretHeader).map((h) => h.value);
  const url = parseUrl(request.url);
  if (url !== null && (url.username !== '' || url.password !== '')) {
    const user = safeDecode(url.username);
    const password = safeDecode(url.password);
    secrets.push(url.username, url.password, user, password, `${user}:${password}`);
  }
  return secrets.filter((s) => s !== '');
}

/**
 * Replaces secret values (and their credential part, e.g. the token of "Bearer <token>", the
 * `user:password` inside "Basic <base64>") in text bound for a terminal or a log, in every form
 * a server may echo them: as is, JSON-escaped, URL-encoded (also with `+` for spaces), base64
 * and base64url. A server that echoes the Authorization header in its 401 body must not make us
 * write the token down.
 */
export function createRedactor(secrets: Iterable<string>): (text: string) => string {
  const needles = new Set<string>();
  const add = (value: string) => {
    if (value.length < MIN_SECRET_LENGTH) return;
    needles.add(value);
    needles.add(JSON.stringify(value).slice(1, -1));
    needles.add(encodeURIComponent(value));
    needles.add(new URLSearchParams({ v: value }).toString().slice(2));
    const base64 = Buffer.from(value, 'utf8').toString('base64');
    needles.add(base64);
    needles.add(base64.replace(/=+$/, ''));
    needles.add(Buffer.from(value, 'utf8').toString('base64url'));
  };
  for (const secret of secrets) {
    add(secret);
    const credential = /^(\S+)\s+(\S.*)$/.exec(secret);
    if (credential === null) continue;
    const [, scheme, token] = credential as unknown as [string, string, string];
    add(token);
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(token, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        add(decoded);
        add(decoded.slice(colon + 1));
      }
    }
  }
  const sorted = [...needles].filter((n) => n.length >= MIN_SECRET_LENGTH);
  // Longest first, so "Bearer abc" is replaced whole before "abc" alone.
  sorted.sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return (text) => text;
  return (text) =>
    sorted.reduce(
      (out, needle) => (out.includes(needle) ? out.split(needle).join(REDACTED) : out),
      text,
    );
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
