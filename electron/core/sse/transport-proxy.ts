import { Buffer } from 'node:buffer';
import type { ProxySettings } from '../../../shared/model/workspace';
import type { ProxyTarget } from './proxy-target';
import { TransportError } from './transport-errors';
import { REDACTED } from '../redact';
import { assertNever } from '../../../shared/assert-never';

export type { ProxyTarget };

/**
 * Which proxy a transport uses: the endpoint's manual proxy URL, none, or the
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY variables as curl reads them. Proxy credentials are kept
 * apart from everything that is shown.
 */

export type ProxyRoute =
  | { type: 'none' }
  | { type: 'manual'; proxy: ProxyTarget }
  | {
      type: 'environment';
      http: ProxyTarget | null;
      https: ProxyTarget | null;
      noProxy: string;
    };

export function resolveProxyRoute(
  settings: ProxySettings,
  env: NodeJS.ProcessEnv = process.env,
): ProxyRoute {
  switch (settings.mode) {
    case 'none':
      return { type: 'none' };
    case 'manual':
      if (settings.url.trim() === '') {
        throw new TransportError('invalid-proxy', 'the proxy is set to manual but has no URL');
      }
      return { type: 'manual', proxy: parseProxyUrl(settings.url, 'proxy URL') };
    case 'environment': {
      const http = readEnv(env, 'http_proxy');
      const https = readEnv(env, 'https_proxy');
      return {
        type: 'environment',
        http: http === null ? null : parseProxyUrl(http.value, http.name),
        https: https === null ? null : parseProxyUrl(https.value, https.name),
        noProxy: readEnv(env, 'no_proxy')?.value ?? '',
      };
    }
    default:
      return assertNever(settings.mode);
  }
}

/** Lower case first, as curl reads them; an empty value counts as unset. */
function readEnv(env: NodeJS.ProcessEnv, lower: string): { name: string; value: string } | null {
  for (const name of [lower, lower.toUpperCase()]) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') return { name, value };
  }
  return null;
}

function parseProxyUrl(raw: string, source: string): ProxyTarget {
  const text = raw.trim();
  // `HTTPS_PROXY=proxy.corp:3128` is common; curl reads a URL without a scheme as http://.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TransportError(
      'invalid-proxy',
      `invalid proxy URL in ${source}: "${redactCredentials(text)}" (expected http://host:port)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TransportError(
      'invalid-proxy',
      `invalid proxy URL in ${source}: only http:// and https:// proxies are supported, not ${url.protocol}//`,
    );
  }
  if (url.hostname === '') {
    throw new TransportError('invalid-proxy', `invalid proxy URL in ${source}: no host`);
  }
  let token: string | undefined;
  if (url.username !== '' || url.password !== '') {
    let user: string;
    let password: string;
    try {
      user = decodeURIComponent(url.username);
      password = decodeURIComponent(url.password);
    } catch {
      throw new TransportError(
        'invalid-proxy',
        `invalid proxy URL in ${source}: the user or password has a broken %-escape`,
      );
    }
    token = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
  }
  const href = url.href;
  url.username = '';
  url.password = '';
  return {
    origin: url.origin,
    hostname: url.hostname,
    port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    token,
    href,
    source,
  };
}

/** For a URL too broken to parse, still never show what looks like `user:pass@`. */
function redactCredentials(text: string): string {
  return text.replace(/\/\/[^/@]*@/, `//${REDACTED}@`).replace(/^[^/@:]*:[^/@]*@/, `${REDACTED}@`);
}

/** The proxy a request to `input` would use; for the environment, before NO_PROXY. */
export function proxyFor(input: string, route: ProxyRoute): ProxyTarget | null {
  switch (route.type) {
    case 'none':
      return null;
    case 'manual':
      return route.proxy;
    case 'environment':
      // undici's EnvHttpProxyAgent falls back to HTTP_PROXY for https targets.
      return input.startsWith('https:') ? (route.https ?? route.http) : route.http;
    default:
      return assertNever(route);
  }
}
