import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes: unguessable by other local users and by web pages probing ports. */
export const TOKEN_BYTES = 32;

export function createToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export interface AuthConfig {
  token: string;
  /** `Host` header values we answer to, e.g. `127.0.0.1:8845` and `localhost:8845`. */
  allowedHosts: ReadonlySet<string>;
}

/**
 * ok: the request may proceed, for `path` within the app (the token prefix removed).
 * redirect: an old-style `/?token=…` link, sent on to the app's real place.
 */
export type AuthOutcome =
  { ok: true; path: string } | { ok: false; redirect: string } | { ok: false; reason: string };

const LOOPBACK_ALIASES: Record<string, string[]> = {
  '127.0.0.1': ['127.0.0.1', 'localhost'],
  localhost: ['127.0.0.1', 'localhost'],
  '::1': ['[::1]', 'localhost'],
};

/**
 * The Host values that reach us legitimately. Anything else is DNS rebinding (a web page whose
 * own name now resolves to 127.0.0.1) and is refused even before the token is looked at.
 * A wildcard bind (0.0.0.0 / ::) is the user's explicit choice to be reachable by any name:
 * the set is empty and any Host passes (the token still guards it).
 */
export function allowedHostsFor(host: string, port: number): Set<string> {
  if (host === '0.0.0.0' || host === '::') return new Set();
  const names = LOOPBACK_ALIASES[host] ?? [host.includes(':') ? `[${host}]` : host];
  return new Set(names.map((name) => `${name}:${port}`));
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The app lives under `/<token>/`: the page, its assets and the API socket. */
export function appBasePath(token: string): string {
  return `/${token}/`;
}

/**
 * Checks one HTTP or WebSocket upgrade request: Host, Origin (when the browser sends one), then
 * the token, which is the first path segment. The token is in the path, not a cookie: cookies
 * are shared by every port of a host, so any other local server the browser visits would
 * receive it.
 */
export function authorize(req: IncomingMessage, config: AuthConfig): AuthOutcome {
  const host = req.headers.host ?? '';
  if (config.allowedHosts.size > 0 && !config.allowedHosts.has(host.toLowerCase())) {
    return { ok: false, reason: `foreign Host header ${JSON.stringify(host)}` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { ok: false, reason: `foreign Origin ${JSON.stringify(origin)}` };
  }
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const [, first = '', ...rest] = url.pathname.split('/');
  if (sameToken(first, config.token)) {
    // `/<token>` alone: the page's relative links need the trailing slash.
    if (rest.length === 0) return { ok: false, redirect: appBasePath(config.token) };
    return { ok: true, path: `/${rest.join('/')}` };
  }
  const fromQuery = url.searchParams.get('token');
  if (url.pathname === '/' && fromQuery !== null && sameToken(fromQuery, config.token)) {
    return { ok: false, redirect: appBasePath(config.token) };
  }
  return { ok: false, reason: 'missing or wrong access token' };
}
