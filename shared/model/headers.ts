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

const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-csrf-token',
]);
/** Custom credentials rarely use the exact names above; these fragments catch most of them. */
const SECRET_NAME_FRAGMENT = /token|secret|passw|api[-_]?key|auth|session|credential|signature/i;

export function isSecretHeaderName(name: string): boolean {
  return SECRET_HEADER_NAMES.has(name.toLowerCase()) || SECRET_NAME_FRAGMENT.test(name);
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
