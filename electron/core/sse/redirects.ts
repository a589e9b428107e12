import type { ConnectionErrorCode } from '../../../shared/model/connection-state';
import { displayUrl } from './format';
import { hasBody, type SseRequest, type SseRequestHeader } from './request';

/**
 * Redirects are followed by our code (fetch `redirect: 'manual'`) so we can decide what crosses
 * to another origin (docs/architecture.md, "The engine"). The steps follow WHATWG Fetch "HTTP-redirect
 * fetch"; where we are stricter it says so.
 */

export const DEFAULT_MAX_REDIRECTS = 20;
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Never sent to another origin. Fetch itself only drops Authorization; we also drop cookies,
 * proxy credentials and the common API-key headers, plus anything the user marked secret.
 */
export const CROSS_ORIGIN_STRIPPED_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'cookie',
  'proxy-authorization',
  'x-api-key',
  'api-key',
]);

/** Fetch "request-body-header name"s: dropped with the body when a redirect turns into GET. */
const REQUEST_BODY_HEADERS: ReadonlySet<string> = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
  'content-length',
]);

export interface RedirectInfo {
  status: number;
  from: string;
  to: string;
  /** 1 for the first redirect of this attempt. */
  count: number;
  previousMethod: string;
  method: string;
  /** A 301/302 POST or a 303 non-GET became GET and lost its body (Fetch "HTTP-redirect fetch"). */
  methodChanged: boolean;
  crossOrigin: boolean;
  /** Names of headers not sent on (secrets across origins, body headers after a switch to GET). */
  droppedHeaders: string[];
}

export type RedirectPlan =
  | { type: 'follow'; request: SseRequest; info: RedirectInfo }
  | { type: 'refuse'; code: ConnectionErrorCode; message: string };

/**
 * What to send next for a redirect response.
 *
 * @param count how many redirects this attempt has followed before this one.
 */
export function planRedirect(
  request: SseRequest,
  status: number,
  location: string | null,
  count: number,
  maxRedirects: number,
): RedirectPlan {
  const from = displayUrl(request.url);
  if (location === null || location === '') {
    return {
      type: 'refuse',
      code: 'bad-redirect',
      message: `HTTP ${status} redirect from ${from} has no Location header`,
    };
  }
  let target: URL;
  try {
    target = new URL(location, request.url);
  } catch {
    return {
      type: 'refuse',
      code: 'bad-redirect',
      message: `HTTP ${status} redirect from ${from} to an invalid Location "${location}"`,
    };
  }
  // The Fetch standard's fragment rule: a Location without one keeps the request's fragment.
  const current = new URL(request.url);
  if (target.hash === '' && current.hash !== '') target.hash = current.hash;
  const to = target.href;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return {
      type: 'refuse',
      code: 'bad-redirect',
      message: `redirect from ${from} to a non-HTTP URL (${target.protocol}) refused`,
    };
  }
  if (current.protocol === 'https:' && target.protocol === 'http:') {
    // Stricter than Fetch: a downgrade would send the stream (and maybe its body) in clear text.
    return {
      type: 'refuse',
      code: 'bad-redirect',
      message: `redirect from ${from} to insecure ${displayUrl(to)} (https → http) refused`,
    };
  }
  if (count >= maxRedirects) {
    return {
      type: 'refuse',
      code: 'too-many-redirects',
      message: `more than ${maxRedirects} redirects starting from ${from}`,
    };
  }

  const previousMethod = request.method;
  const methodChanged =
    ((status === 301 || status === 302) && previousMethod === 'POST') ||
    (status === 303 && previousMethod !== 'GET' && previousMethod !== 'HEAD');
  const crossOrigin = target.origin !== current.origin;
  const dropped: string[] = [];
  const headers: SseRequestHeader[] = [];
  for (const header of request.headers) {
    const lower = header.name.toLowerCase();
    const drop =
      (methodChanged && REQUEST_BODY_HEADERS.has(lower)) ||
      (crossOrigin && (header.secret === true || CROSS_ORIGIN_STRIPPED_HEADERS.has(lower)));
    if (drop) dropped.push(header.name);
    else headers.push(header);
  }
  const method = methodChanged ? 'GET' : previousMethod;
  const body = methodChanged ? null : hasBody(request.body) ? request.body : null;
  return {
    type: 'follow',
    request: { url: to, method, headers, body },
    info: {
      status,
      from,
      to: displayUrl(to),
      count: count + 1,
      previousMethod,
      method,
      methodChanged,
      crossOrigin,
      droppedHeaders: dropped,
    },
  };
}
