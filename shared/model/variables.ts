import type { BodyKind, Endpoint, Variable } from './workspace';
import { isSecretHeader } from './headers';
import { placeholderPattern } from './placeholder';

/**
 * `{{name}}` placeholders, resolved at connect time and again before every
 * reconnect attempt, so a rotated token is picked up. Pure: the engine calls
 * `resolveEndpointRequest` from its `resolveRequest(attempt)` hook.
 *
 * One pass only: a value that itself contains `{{x}}` is inserted literally, so variables can
 * never loop or expand into each other.
 */

const PLACEHOLDER = placeholderPattern();

export const DEFAULT_CONTENT_TYPES: Readonly<Record<Exclude<BodyKind, 'none'>, string>> = {
  text: 'text/plain;charset=UTF-8',
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
};

/** How an inserted value is escaped for where it lands. */
export type Escape = (value: string, offset: number) => string;

const RAW: Escape = (value) => value;

export interface TemplateResult {
  text: string;
  /** Names used in the template with no variable of that name, in order of first use. */
  unknown: string[];
  /** Names of the variables actually used. */
  used: string[];
}

/** Names referenced by a template, in order of first use, without duplicates. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

export function resolveTemplate(
  template: string,
  values: ReadonlyMap<string, string>,
  escape: Escape = RAW,
): TemplateResult {
  const unknown = new Set<string>();
  const used = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole: string, name: string, offset: number) => {
    const value = values.get(name);
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    used.add(name);
    return escape(value, offset);
  });
  return { text, unknown: [...unknown], used: [...used] };
}

/**
 * Escapes a value inserted inside a JSON string literal (`"Bearer {{token}}"`), so a quote or
 * backslash in it cannot break the document; outside strings (`{"n": {{count}}}`) it is raw.
 */
export function jsonEscape(template: string): Escape {
  const inString = jsonStringMask(template);
  return (value, offset) => (inString[offset] ? JSON.stringify(value).slice(1, -1) : value);
}

/** For each index of `text`: is it inside a JSON string literal? A tolerant scanner, not a parser. */
function jsonStringMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      mask[i] = true;
      if (ch === '\\') {
        i++;
        if (i < text.length) mask[i] = true;
      } else if (ch === '"') {
        inString = false;
      }
    } else if (ch === '"') {
      inString = true;
    }
  }
  return mask;
}

/**
 * Form bodies are `a=1&b={{token}}`: a value is urlencoded, because base64 tokens carry `+`,
 * `/` and `=`, and a raw `+` would arrive as a space.
 */
export const formEscape: Escape = (value) => new URLSearchParams({ v: value }).toString().slice(2);

/** The resolved request, shaped like the engine's `SseRequest` (electron/core/sse/request.ts). */
export interface ResolvedRequest {
  url: string;
  method: string;
  headers: Array<{ name: string; value: string; secret: boolean }>;
  body: string | null;
  /**
   * The plaintext of every secret variable or header value this request carries, so logs,
   * exports and error messages can redact them wherever they show up (docs/architecture.md, "Persistence and secrets").
   */
  secretValues: string[];
}

export type ResolveOutcome =
  | { ok: true; request: ResolvedRequest }
  | {
      ok: false;
      error: {
        type: 'unresolved-variables';
        /** Placeholders with no variable of that name. */
        unknown: string[];
        /** Secret variables or headers used here whose value must be typed again. */
        reenter: string[];
        message: string;
      };
    };

export function resolveEndpointRequest(
  endpoint: Pick<Endpoint, 'url' | 'method' | 'headers' | 'body'>,
  variables: readonly Variable[],
): ResolveOutcome {
  const values = new Map(variables.map((v) => [v.name, v.value]));
  const unknown = new Set<string>();
  const used = new Set<string>();
  const reenter = new Set<string>();
  const secretValues = new Set<string>();
  const take = (result: TemplateResult): string => {
    result.unknown.forEach((n) => unknown.add(n));
    result.used.forEach((n) => used.add(n));
    return result.text;
  };

  const url = take(resolveTemplate(endpoint.url, values));
  const headers: ResolvedRequest['headers'] = [];
  for (const header of endpoint.headers) {
    if (!header.enabled) continue;
    const value = take(resolveTemplate(header.value, values));
    const secret = isSecretHeader(header) || usesSecret(header.value, variables);
    if (header.reenter !== undefined) reenter.add(`header ${header.name}`);
    if (secret && value !== '') secretValues.add(value);
    headers.push({ name: header.name, value, secret });
  }

  let body: string | null = null;
  if (endpoint.body.kind !== 'none') {
    const escape =
      endpoint.body.kind === 'json'
        ? jsonEscape(endpoint.body.text)
        : endpoint.body.kind === 'form'
          ? formEscape
          : RAW;
    body = take(resolveTemplate(endpoint.body.text, values, escape));
    const hasContentType = headers.some((h) => h.name.trim().toLowerCase() === 'content-type');
    if (!hasContentType) {
      const contentType = endpoint.body.contentType || DEFAULT_CONTENT_TYPES[endpoint.body.kind];
      headers.push({ name: 'Content-Type', value: contentType, secret: false });
    }
  }

  for (const variable of variables) {
    if (!used.has(variable.name) || !variable.secret) continue;
    if (variable.reenter !== undefined) reenter.add(`{{${variable.name}}}`);
    if (variable.value !== '') secretValues.add(variable.value);
  }

  if (unknown.size > 0 || reenter.size > 0) {
    return {
      ok: false,
      error: {
        type: 'unresolved-variables',
        unknown: [...unknown],
        reenter: [...reenter],
        message: describeUnresolved([...unknown], [...reenter]),
      },
    };
  }
  return {
    ok: true,
    request: { url, method: endpoint.method, headers, body, secretValues: [...secretValues] },
  };
}

function usesSecret(template: string, variables: readonly Variable[]): boolean {
  const names = new Set(placeholderNames(template));
  return variables.some((v) => v.secret && names.has(v.name));
}

/** Names only, never values: this message is shown and logged. */
function describeUnresolved(unknown: string[], reenter: string[]): string {
  const parts: string[] = [];
  if (unknown.length > 0) {
    const list = unknown.map((n) => `{{${n}}}`).join(', ');
    parts.push(
      unknown.length === 1
        ? `unknown variable ${list}: define it in the workspace's variables`
        : `unknown variables ${list}: define them in the workspace's variables`,
    );
  }
  if (reenter.length > 0) {
    parts.push(`secret values to enter again before connecting: ${reenter.join(', ')}`);
  }
  return `Cannot connect: ${parts.join('; ')}.`;
}
