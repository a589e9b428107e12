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
  /** Cookie that carries the token after the first visit, so assets and the socket need no query. */
  cookieName: string;
}

export type AuthOutcome = { ok: true; viaQuery: boolean } | { ok: false; reason: string };

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

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Checks one HTTP or WebSocket upgrade request: Host, Origin (when the browser sends one), then
 * the token from `?token=` or our cookie.
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
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && sameToken(fromQuery, config.token)) return { ok: true, viaQuery: true };
  const fromCookie = cookieValue(req.headers.cookie, config.cookieName);
  if (fromCookie !== undefined && sameToken(fromCookie, config.token)) {
    return { ok: true, viaQuery: false };
  }
  return { ok: false, reason: 'missing or wrong access token' };
}
