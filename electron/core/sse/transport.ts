import * as nodeTls from 'node:tls';
import type * as UndiciModule from 'undici';
import type { Dispatcher, RequestInit as UndiciRequestInit } from 'undici';
import type { ProxySettings, TlsSettings } from '../../../shared/model/workspace';
import type { FetchFunction } from './connection';
import { loadTrustedCas, type TrustedCaSources } from './transport-cas';
import { explainFetchError, TransportError } from './transport-errors';
import { proxyFor, resolveProxyRoute, type ProxyRoute, type ProxyTarget } from './transport-proxy';
import { assertNever } from '../../../shared/assert-never';

export { loadTrustedCas } from './transport-cas';
export { TransportError, type TransportErrorKind } from './transport-errors';

/**
 * How an endpoint's requests reach the network: which CAs are trusted and which proxy is used
 * (an endpoint's `tls` and `proxy` settings are honoured by the engine). A transport owns one undici dispatcher
 * and hands out a `fetch` bound to it, for `createSseConnection({ fetch: transport.fetch })`.
 *
 * undici's own `fetch` is used, not Node's global one: Node bundles an older internal undici,
 * and a dispatcher from one copy given to the other's fetch fails in ways that depend on the
 * Node version. One package, one fetch, one dispatcher.
 *
 * ```ts
 * const transport = await createTransport({ tls: endpoint.tls, proxy: endpoint.proxy });
 * const conn = createSseConnection({ request, fetch: transport.fetch }, handlers);
 * conn.start();
 * …
 * await conn.done;
 * await transport.close(); // destroys the pool: no socket is left behind
 * ```
 */

export interface TransportTlsOptions extends TrustedCaSources {
  /**
   * UNSAFE: accept any certificate — self-signed, expired, for another host. Anyone on the path
   * can then read and change the stream. Meant for a development server on the user's own
   * machine; the UI warns while it is on. It applies to the endpoint, never to a proxy.
   */
  allowInvalidCertificates?: boolean;
}

export interface TransportOptions {
  /** The endpoint's `tls` settings (shared/model/workspace.ts) fit as they are. */
  tls?: TransportTlsOptions | TlsSettings;
  /**
   * The endpoint's `proxy` settings. Default `environment`: HTTPS_PROXY / HTTP_PROXY /
   * NO_PROXY, as curl and most command-line tools do.
   */
  proxy?: ProxySettings;
  /** Where the proxy variables are read; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface Transport {
  /** undici's fetch bound to this transport's dispatcher; errors explained (see TransportError). */
  readonly fetch: FetchFunction;
  /** How requests go, for the feed log; proxy credentials are never part of it. */
  readonly description: string;
  /**
   * Destroys the dispatcher and every socket it holds; later fetches fail. Idempotent. Close
   * the connections using it first: a live one would see its stream cut and try to reconnect.
   */
  close(): Promise<void>;
}

type Undici = typeof UndiciModule;

/**
 * Node's fetch keeps its own 300 s headers and body timeouts; a connection whose idle timeout is
 * this long or longer (or off) needs our dispatcher, which turns them off.
 */
export const BUILTIN_FETCH_MAX_IDLE_TIMEOUT_MS = 300_000;

/**
 * A transport over Node's built-in fetch, when `options` ask for nothing it cannot do: the
 * environment's route with no proxy variables set, the default trusted CAs, certificates
 * checked. null otherwise. It saves loading undici (~170 ms on our build machine), which is most
 * of what a one-shot `eventscope watch` would pay before its first request (docs/performance.md,
 * "CLI start-up"). The caller must keep its idle timeout under BUILTIN_FETCH_MAX_IDLE_TIMEOUT_MS.
 */
export function builtinFetchTransport(options: TransportOptions = {}): Transport | null {
  const proxy = options.proxy ?? { mode: 'environment', url: '' };
  const tls = options.tls ?? {};
  const extraCas =
    ('ca' in tls && tls.ca !== undefined && tls.ca !== '') ||
    (tls.caCertificates !== undefined && tls.caCertificates !== '');
  if (proxy.mode !== 'environment' || extraCas || tls.allowInvalidCertificates === true)
    return null;
  const route = resolveProxyRoute(proxy, options.env);
  if (route.type !== 'environment' || route.http !== null || route.https !== null) return null;
  let closed = false;
  return {
    fetch: async (input, init) => {
      if (closed) throw new TransportError('closed', 'the transport of this connection was closed');
      try {
        return await globalThis.fetch(input, init);
      } catch (error) {
        throw explainFetchError(error, input, null);
      }
    },
    description: describeRoute(route, false, true),
    close: async () => {
      closed = true;
    },
  };
}

export async function createTransport(options: TransportOptions = {}): Promise<Transport> {
  const route = resolveProxyRoute(options.proxy ?? { mode: 'environment', url: '' }, options.env);
  const tls = options.tls ?? {};
  const trustedCas = await loadTrustedCas(tls);
  const rejectUnauthorized = tls.allowInvalidCertificates !== true;
  // Loaded on first use: undici is the heaviest module a command line run would load.
  const undici: Undici = await import('undici');
  const undiciFetch = undici.fetch;
  const dispatcher = buildDispatcher(undici, route, trustedCas, rejectUnauthorized);
  let closed = false;

  const transportFetch: FetchFunction = async (input, init) => {
    if (closed) throw new TransportError('closed', 'the transport of this connection was closed');
    try {
      // The DOM and undici typings of RequestInit and Response describe the same objects
      // (undici implements the Fetch standard) but are declared separately.
      const response = await undiciFetch(input, {
        ...(init as UndiciRequestInit),
        dispatcher,
      });
      return response as unknown as Response;
    } catch (error) {
      throw explainFetchError(error, input, proxyFor(input, route));
    }
  };

  return {
    fetch: transportFetch,
    description: describeRoute(route, trustedCas !== null, rejectUnauthorized),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await dispatcher.destroy();
    },
  };
}

function buildDispatcher(
  { Agent, EnvHttpProxyAgent, ProxyAgent }: Undici,
  route: ProxyRoute,
  trustedCas: string[] | null,
  rejectUnauthorized: boolean,
): Dispatcher {
  // One context for every connection, instead of parsing ~150 roots on each TLS handshake.
  const secureContext =
    trustedCas === null ? null : nodeTls.createSecureContext({ ca: trustedCas });
  const trust: nodeTls.ConnectionOptions = secureContext === null ? {} : { secureContext };
  const endpointTls: nodeTls.ConnectionOptions = { ...trust, rejectUnauthorized };
  // http targets are sent to the proxy as absolute-URL requests, as curl does, instead of
  // through a CONNECT tunnel: many proxies only allow CONNECT to port 443.
  const proxyOptions = { requestTls: endpointTls, proxyTls: trust, proxyTunnel: false };
  switch (route.type) {
    case 'none':
      return withEngineTimeouts(new Agent({ connect: endpointTls }));
    case 'manual':
      return withEngineTimeouts(
        new ProxyAgent({ uri: route.proxy.origin, token: route.proxy.token, ...proxyOptions }),
      );
    case 'environment':
      // Values passed explicitly ('' = none), so undici never reads process.env itself.
      return withEngineTimeouts(
        new EnvHttpProxyAgent({
          httpProxy: route.http?.href ?? '',
          httpsProxy: route.https?.href ?? '',
          noProxy: route.noProxy,
          connect: endpointTls,
          ...proxyOptions,
        }),
      );
    default:
      return assertNever(route);
  }
}

/**
 * The engine owns the timeouts: connect/headers and idle (docs/architecture.md, "The engine"), where 0 disables one.
 * undici's own 300 s headers and body timeouts would otherwise end a quiet stream whose idle
 * timeout the user turned off. Set per request, because undici's proxy wrapper for http targets
 * builds its client without our agent options. The composed dispatcher closes the wrapped one.
 */
export function withEngineTimeouts(dispatcher: Dispatcher): Dispatcher {
  return dispatcher.compose(
    (dispatch) => (options, handler) =>
      dispatch({ ...options, headersTimeout: 0, bodyTimeout: 0 }, handler),
  );
}

function describeRoute(route: ProxyRoute, extraCas: boolean, rejectUnauthorized: boolean): string {
  const parts: string[] = [];
  switch (route.type) {
    case 'none':
      parts.push('direct (proxy variables ignored)');
      break;
    case 'manual':
      parts.push(`through proxy ${route.proxy.origin}`);
      break;
    case 'environment': {
      const proxies = [route.http, route.https]
        .filter((p): p is ProxyTarget => p !== null)
        .map((p) => `${p.source}=${p.origin}`);
      if (proxies.length === 0) parts.push('direct (no proxy variables set)');
      else {
        parts.push(`through ${proxies.join(', ')}`);
        if (route.noProxy !== '') parts.push(`except NO_PROXY=${route.noProxy}`);
      }
      break;
    }
    default:
      return assertNever(route);
  }
  if (extraCas) parts.push('with extra trusted CAs');
  if (!rejectUnauthorized) parts.push('accepting invalid certificates (unsafe)');
  return parts.join(', ');
}
