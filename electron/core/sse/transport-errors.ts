import { isIP } from 'node:net';
import { statusLabel } from './format';
import type { ProxyTarget } from './proxy-target';

/**
 * Transport failures explained in one sentence that says what to do: untrusted
 * certificates, proxy credentials, an unreachable proxy, unusable settings.
 */

export type TransportErrorKind =
  | 'ca-file'
  | 'invalid-proxy'
  | 'tls-untrusted'
  | 'tls-expired'
  | 'tls-hostname'
  | 'proxy-auth'
  | 'proxy-refused'
  | 'proxy-unreachable'
  | 'closed';

/**
 * A transport failure in one sentence that says what to do. The undici error it explains is
 * kept as `original`, deliberately not as `cause`: the engine's `networkError` prints the whole
 * cause chain, which would repeat the sentence's own detail.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly original?: unknown,
  ) {
    super(message);
  }

  /**
   * True when retrying cannot help until the user changes a setting (an untrusted certificate,
   * wrong proxy credentials): the connection fails instead of backing off forever.
   */
  get permanent(): boolean {
    return PERMANENT_KINDS.has(this.kind);
  }
}

const PERMANENT_KINDS: ReadonlySet<TransportErrorKind> = new Set([
  'ca-file',
  'invalid-proxy',
  'tls-untrusted',
  'tls-expired',
  'tls-hostname',
  'proxy-auth',
  'closed',
]);

const TLS_UNTRUSTED_CODES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);
const TLS_EXPIRED_CODES: ReadonlySet<string> = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const CONNECT_FAILURE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** undici's wording when a CONNECT is answered with another status (proxy-agent.js). */
const TUNNEL_STATUS = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;
/** undici's wording for a 407 to an absolute-URL request (proxy-agent.js, Http1ProxyWrapper). */
const PROXY_AUTH_REQUIRED = 'Proxy Authentication Required (407)';

interface NodeErrorFields {
  code?: unknown;
  port?: unknown;
  address?: unknown;
  hostname?: unknown;
}

/** undici wraps the useful error: "fetch failed" → cause. */
function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 6 && !chain.includes(current)) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

/**
 * The error to report for a failed fetch of `input`: a TransportError when we can say more,
 * else `error` as it was. `proxy` is the one the request would go through, if any.
 */
export function explainFetchError(
  error: unknown,
  input: string,
  proxy: ProxyTarget | null,
): unknown {
  const chain = causeChain(error);
  for (const link of chain) {
    const code = (link as NodeErrorFields).code;
    if (typeof code === 'string') {
      if (TLS_UNTRUSTED_CODES.has(code)) {
        return new TransportError(
          'tls-untrusted',
          `certificate not trusted: ${link.message} — add its CA file or allow invalid certificates for this endpoint`,
          error,
        );
      }
      if (TLS_EXPIRED_CODES.has(code)) {
        return new TransportError(
          'tls-expired',
          `certificate not valid: ${link.message} — renew it on the server or allow invalid certificates for this endpoint`,
          error,
        );
      }
      if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return new TransportError(
          'tls-hostname',
          `certificate does not match the host: ${link.message} — use a host name it lists or allow invalid certificates for this endpoint`,
          error,
        );
      }
    }
    const tunnel = TUNNEL_STATUS.exec(link.message);
    const status =
      tunnel !== null ? Number(tunnel[1]) : link.message === PROXY_AUTH_REQUIRED ? 407 : 0;
    if (status !== 0) return proxyStatusError(status, input, proxy, error);
    if (proxy !== null && isProxyConnectFailure(link, proxy)) {
      return new TransportError(
        'proxy-unreachable',
        `could not reach the proxy ${proxy.origin} (from ${proxy.source}): ${link.message}`,
        error,
      );
    }
  }
  return error;
}

function proxyStatusError(
  status: number,
  input: string,
  proxy: ProxyTarget | null,
  error: unknown,
): Error {
  const name = proxy === null ? 'the proxy' : `the proxy ${proxy.origin}`;
  if (status === 407) {
    const hint =
      proxy?.token === undefined
        ? 'add user:password@ to the proxy URL'
        : 'check the user and password in the proxy URL';
    return new TransportError(
      'proxy-auth',
      `${name} asks for credentials (${statusLabel(407)}) — ${hint}`,
      error,
    );
  }
  let host = input;
  try {
    host = new URL(input).host;
  } catch {
    // Keep the input as given; fetch would have failed before reaching a proxy anyway.
  }
  return new TransportError(
    'proxy-refused',
    `${name} did not open a tunnel to ${host} (${statusLabel(status)})`,
    error,
  );
}

/**
 * Whether a connect-level error is about the proxy rather than the endpoint. Through a proxy,
 * the endpoint's own connect failures come back as a status (502) from the proxy, so a refused
 * or unresolvable address with the proxy's port or host name is the proxy's.
 */
function isProxyConnectFailure(link: Error, proxy: ProxyTarget): boolean {
  const fields = link as NodeErrorFields;
  if (typeof fields.code !== 'string' || !CONNECT_FAILURE_CODES.has(fields.code)) return false;
  if (fields.hostname === proxy.hostname) return true;
  if (fields.port !== proxy.port) return false;
  const host = proxy.hostname.replace(/^\[|\]$/g, '');
  // A proxy given by name connects to whatever address it resolved to.
  return isIP(host) === 0 || fields.address === host;
}
