/**
 * `-H 'Name: value'` as curl takes it. Error messages never repeat the value: a mistyped
 * `-H 'Bearer sk-…'` would otherwise print a token into a terminal log or CI output.
 */

export interface HeaderArg {
  name: string;
  value: string;
  /** Never echoed, never sent across origins on a redirect, redacted in summaries. */
  secret: boolean;
}

export type HeaderParse = { ok: true; header: HeaderArg } | { ok: false; message: string };

/** RFC 9110 §5.6.2 token: the characters a header name may use. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Header names whose values are credentials. They are sealed on disk and redacted whatever the
 * user's `secret` flag says, so an imported `Authorization` header never lands in plain text.
 */
const SENSITIVE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
]);
/** Name parts (split at `-`, `_`, `.`) that mark an `X-Api-Key`-like header. */
const SENSITIVE_NAME_PARTS: ReadonlySet<string> = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'apikey',
  'auth',
  'credential',
  'credentials',
  'session',
  'signature',
]);

/**
 * Any name containing token, secret, key or auth is a credential (`X-Client-Key`,
 * `X-Authtoken`, …) — except the word `Author` (a byline, not a credential) and counts of
 * tokens (`maxTokens`, `X-Tokenizer`), which LLM requests carry in plain sight.
 */
const SENSITIVE_NAME_FRAGMENT = /token(?!s|iz)|secret|key|auth(?!or(?:$|[-_.]))/;

/** A header whose value must never reach a log, an export or a terminal in plain text. */
export function isSecretHeader(header: { name: string; secret?: boolean }): boolean {
  return header.secret === true || isSecretHeaderName(header.name);
}

export function isSecretHeaderName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (SENSITIVE_HEADER_NAMES.has(lower)) return true;
  if (SENSITIVE_NAME_FRAGMENT.test(lower)) return true;
  if (/api[-_.]?key/.test(lower)) return true;
  return lower.split(/[-_.]/).some((part) => SENSITIVE_NAME_PARTS.has(part));
}

export function parseHeaderArg(text: string): HeaderParse {
  const colon = text.indexOf(':');
  if (colon === -1) {
    return {
      ok: false,
      message: 'a header must look like "Name: value" (the argument has no colon; not shown)',
    };
  }
  const name = text.slice(0, colon).trim();
  if (name === '') return { ok: false, message: 'a header must have a name before the colon' };
  if (!TOKEN.test(name)) {
    // The name is shown only when it cannot be a pasted secret (short and printable).
    const shown = name.length <= 40 && /^[\x20-\x7e]*$/.test(name) ? `"${name}"` : 'the name';
    return { ok: false, message: `${shown} is not a valid header name (RFC 9110 token)` };
  }
  // Like curl: spaces around the value are not part of it.
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) {
    return { ok: false, message: `the value of header ${name} contains a line break or NUL` };
  }
  return { ok: true, header: { name, value, secret: isSecretHeaderName(name) } };
}
