import type { Endpoint, Variable } from './workspace';
import { isSecretHeader } from './headers';
import { DEFAULT_CONTENT_TYPES, formEscape, jsonEscape, resolveTemplate } from './variables';

/**
 * "Copy as curl": a command line that sends the same request as the endpoint, for a terminal or
 * a bug report. Secret values (secret headers, sensitive header names, secret variables, proxy
 * credentials) are masked unless the user asks for them, so a pasted command leaks nothing.
 */

export const MASKED_SECRET = '<secret>';

export interface CurlOptions {
  /** Put the real secret values in the command (the user asked for it explicitly). */
  revealSecrets: boolean;
}

/** POSIX shell single quoting: everything literal, a quote written as '\'' . */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

export function curlCommand(
  endpoint: Endpoint,
  variables: readonly Variable[],
  options: CurlOptions,
): string {
  const values = new Map(variables.map((v) => [v.name, v.value]));
  const secrets = new Set<string>();
  const resolve = (template: string, escape?: Parameters<typeof resolveTemplate>[2]) => {
    const result = resolveTemplate(template, values, escape);
    for (const name of result.used) {
      const variable = variables.find((v) => v.name === name);
      if (variable?.secret && variable.value !== '') secrets.add(variable.value);
    }
    return result.text;
  };

  // -N: no output buffering, so events show as they arrive (curl(1) --no-buffer).
  const args: string[] = ['curl', '-N'];
  const method = endpoint.method.trim() || 'GET';
  const sendsBody = endpoint.body.kind !== 'none' && method.toUpperCase() !== 'GET';
  if (method !== 'GET' || sendsBody) args.push('-X', method);
  const headerNames = new Set<string>();
  for (const header of endpoint.headers) {
    if (!header.enabled || header.name.trim() === '') continue;
    const value = resolve(header.value);
    if (isSecretHeader(header) && value !== '') secrets.add(value);
    headerNames.add(header.name.trim().toLowerCase());
    args.push('-H', `${header.name.trim()}: ${value}`);
  }
  if (endpoint.lastEventId !== '' && !headerNames.has('last-event-id')) {
    args.push('-H', `Last-Event-ID: ${endpoint.lastEventId}`);
  }
  if (sendsBody) {
    const kind = endpoint.body.kind as Exclude<typeof endpoint.body.kind, 'none'>;
    if (!headerNames.has('content-type')) {
      args.push('-H', `Content-Type: ${endpoint.body.contentType || DEFAULT_CONTENT_TYPES[kind]}`);
    }
    const escape =
      kind === 'json' ? jsonEscape(endpoint.body.text) : kind === 'form' ? formEscape : undefined;
    args.push('--data-raw', resolve(endpoint.body.text, escape));
  }
  if (endpoint.tls.allowInvalidCertificates) args.push('--insecure');
  if (endpoint.proxy.mode === 'none') args.push('--noproxy', '*');
  if (endpoint.proxy.mode === 'manual' && endpoint.proxy.url !== '') {
    const proxy = endpoint.proxy.url;
    const credentials = /^[a-z][a-z0-9+.-]*:\/\/([^@/]*)@/i.exec(proxy)?.[1];
    if (credentials) secrets.add(credentials);
    args.push('--proxy', proxy);
  }
  if (endpoint.connectTimeoutMs > 0) {
    args.push('--connect-timeout', String(endpoint.connectTimeoutMs / 1000));
  }
  args.push(resolve(endpoint.url));

  const masked = options.revealSecrets ? args : args.map((arg) => mask(arg, secrets));
  return masked.map((arg, i) => (i === 0 ? arg : shellQuote(arg))).join(' ');
}

/** Longest secrets first, so a secret that contains another is masked whole. */
function mask(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.replaceAll(secret, MASKED_SECRET);
  }
  return out;
}
