import type { Endpoint, Variable } from '../../../shared/model/workspace';
import { isSecretHeader } from '../../../shared/model/headers';
import { BUILT_IN_VARIABLE_NAMES } from '../../../shared/model/environments';
import { placeholderNames } from '../../../shared/model/variables';
import { parseTree, type ParseError } from 'jsonc-parser';
import { JsonPathError, parseJsonPath, type JsonPathProblem } from '../../../shared/llm/json-path';

/**
 * The editor's working copy and its checks, kept out of the component so they are tested on
 * their own.
 */

/**
 * A deep, plain copy of an endpoint. structuredClone throws DataCloneError on Vue's reactive
 * proxies (the store's objects are proxies at every depth), so the copy goes through JSON —
 * an Endpoint is plain JSON data by its schema.
 */
export function cloneEndpoint(endpoint: Endpoint): Endpoint {
  return JSON.parse(JSON.stringify(endpoint)) as Endpoint;
}

/** Methods offered in the Method box; any other RFC 9110 token may be typed. */
export const COMMON_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'REPORT'] as const;

/** Headers offered while typing a header name (users of SSE and LLM APIs need these most). */
export const COMMON_HEADERS = [
  'Accept',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Content-Type',
  'Cookie',
  'Last-Event-ID',
  'Origin',
  'User-Agent',
  'X-Api-Key',
  'X-Request-ID',
  'anthropic-version',
  'OpenAI-Organization',
] as const;

/** RFC 9110 §5.6.2 token: what a method and a header name may consist of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether a method sends a body: GET never does here (RFC 9110 §9.3.1 gives it no meaning). */
export function methodSendsBody(method: string): boolean {
  return method.trim().toUpperCase() !== 'GET' && method.trim().toUpperCase() !== 'HEAD';
}

/** One problem in the form, by field; `code` picks the translated message. */
export type DraftProblem =
  | { field: 'name'; code: 'required' }
  | { field: 'method'; code: 'invalid-method' }
  | { field: 'url'; code: 'required' | 'malformed-url' }
  | { field: 'url'; code: 'unknown-variables'; names: string[] }
  | { field: 'header'; index: number; code: 'empty-header-name' | 'invalid-header-name' }
  | { field: 'body'; code: 'invalid-json'; detail: JsonSyntaxProblem }
  | { field: 'body'; code: 'unknown-variables'; names: string[] }
  | { field: 'timeouts'; code: 'not-a-number' }
  | { field: 'proxy'; code: 'malformed-url' }
  | { field: 'llm'; code: 'required' }
  | {
      field: 'llm';
      code: 'invalid-json-path';
      problem: JsonPathProblem;
      /** 1-based character of the path where reading stopped. */
      column: number;
    };

/**
 * Where a JSON text stops parsing, 1-based, or `end` when it stops too early. The engine's own
 * message is English and differs between engines, so only the place is kept.
 */
export type JsonSyntaxProblem = { type: 'at'; line: number; column: number } | { type: 'end' };

/**
 * A URL checked as it will be once resolved: a leading `{{base}}` stands for a whole origin,
 * any other placeholder for a word.
 */
function isHttpUrl(template: string): boolean {
  const probe = template.replace(/^\{\{[^}]*\}\}/, 'http://x').replace(/\{\{[^}]*\}\}/g, 'x');
  if (!URL.canParse(probe)) return false;
  const scheme = new URL(probe).protocol;
  return scheme === 'http:' || scheme === 'https:';
}

/** Everything that must be fixed before Save; empty when the draft can be saved. */
export function checkDraft(
  draft: Endpoint,
  variables: readonly Pick<Variable, 'name'>[],
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const known = new Set([...variables.map((v) => v.name), ...BUILT_IN_VARIABLE_NAMES]);
  if (draft.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  if (!TOKEN.test(draft.method.trim())) problems.push({ field: 'method', code: 'invalid-method' });

  const url = draft.url.trim();
  if (url === '') problems.push({ field: 'url', code: 'required' });
  else if (!isHttpUrl(url)) {
    problems.push({ field: 'url', code: 'malformed-url' });
  }
  const unknownInUrl = placeholderNames(draft.url).filter((n) => !known.has(n));
  if (unknownInUrl.length > 0) {
    problems.push({ field: 'url', code: 'unknown-variables', names: unknownInUrl });
  }

  draft.headers.forEach((header, index) => {
    const name = header.name.trim();
    if (name === '') {
      // An empty row the user never filled is dropped on save, not an error.
      if (header.value !== '') problems.push({ field: 'header', index, code: 'empty-header-name' });
    } else if (!TOKEN.test(name)) {
      problems.push({ field: 'header', index, code: 'invalid-header-name' });
    }
  });

  if (methodSendsBody(draft.method) && draft.body.kind !== 'none') {
    if (draft.body.kind === 'json') {
      const detail = jsonProblem(draft.body.text);
      if (detail !== null) problems.push({ field: 'body', code: 'invalid-json', detail });
    }
    const unknownInBody = placeholderNames(draft.body.text).filter((n) => !known.has(n));
    if (unknownInBody.length > 0) {
      problems.push({ field: 'body', code: 'unknown-variables', names: unknownInBody });
    }
  }

  const numbers = [
    draft.connectTimeoutMs,
    draft.idleTimeoutMs,
    draft.retry.initialDelayMs,
    draft.retry.maxDelayMs,
    draft.retry.multiplier,
  ];
  if (numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n) || n < 0)) {
    problems.push({ field: 'timeouts', code: 'not-a-number' });
  }
  if (draft.proxy.mode === 'manual' && !URL.canParse(draft.proxy.url.trim())) {
    problems.push({ field: 'proxy', code: 'malformed-url' });
  }
  if (draft.llmProfile === 'custom') {
    const problem = jsonPathProblem(draft.llmCustom?.path ?? '');
    if (problem !== null) problems.push(problem);
  }
  return problems;
}

/**
 * Why the custom profile's JSON path cannot be used, or null. It is checked with the parser the
 * profile itself runs (shared/llm/json-path.ts), so a path accepted here is one the merged view
 * can read.
 */
function jsonPathProblem(path: string): DraftProblem | null {
  if (path.trim() === '') return { field: 'llm', code: 'required' };
  try {
    parseJsonPath(path);
    return null;
  } catch (error) {
    if (!(error instanceof JsonPathError)) throw error;
    return {
      field: 'llm',
      code: 'invalid-json-path',
      problem: error.problem,
      column: error.at + 1,
    };
  }
}

/**
 * Why a JSON body does not parse, or null when it does. Placeholders outside strings
 * (`{"n": {{count}}}`) stand for a value, so they are checked as one.
 */
export function jsonProblem(text: string): JsonSyntaxProblem | null {
  if (text.trim() === '') return null;
  const substituted = text.replace(/\{\{[^}]*\}\}/g, (whole, offset: number) =>
    insideJsonString(text, offset) ? whole : '0',
  );
  try {
    JSON.parse(substituted);
    return null;
  } catch {
    return whereJsonBreaks(substituted);
  }
}

/**
 * JSON.parse decides whether the body is valid; its message is English, differs between
 * engines and often names no position, so jsonc-parser (strict: no comments, no trailing
 * commas) finds the offset of the first error. A placeholder before it on the same line,
 * checked as `0`, shifts the column a little.
 */
function whereJsonBreaks(text: string): JsonSyntaxProblem {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first === undefined || first.offset >= text.trimEnd().length) return { type: 'end' };
  const lines = text.slice(0, first.offset).split('\n');
  return { type: 'at', line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function insideJsonString(text: string, offset: number): boolean {
  let inString = false;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\\' && inString) i++;
    else if (text[i] === '"') inString = !inString;
  }
  return inString;
}

/** Pretty-prints a JSON body (2 spaces); leaves text that does not parse as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * What Save hands to the store: blank rows dropped, sensitive names marked secret, no body for
 * a method that sends none.
 */
export function finishDraft(draft: Endpoint): Endpoint {
  const done = cloneEndpoint(draft);
  done.name = done.name.trim();
  done.method = done.method.trim();
  done.url = done.url.trim();
  done.headers = done.headers
    .filter((h) => h.name.trim() !== '')
    .map((h) => ({ ...h, name: h.name.trim(), secret: isSecretHeader(h) }));
  if (!methodSendsBody(done.method)) done.body = { ...done.body, kind: 'none' };
  finishLlmSettings(done);
  return done;
}

/**
 * The LLM profile and resume settings as the schema wants them: `auto` is written as absent (the
 * schema's default, so endpoints saved before these fields existed stay unchanged), and the custom
 * profile's path is trimmed and an empty terminator left out.
 */
function finishLlmSettings(done: Endpoint): void {
  if (done.llmProfile === 'auto') delete done.llmProfile;
  if (done.resume === 'auto') delete done.resume;
  const custom = done.llmCustom;
  if (custom === undefined) return;
  const path = custom.path.trim();
  const terminator = custom.terminator ?? '';
  // A path typed for another profile is kept (switching back to Custom finds it); an empty one
  // would not pass the schema.
  if (path === '') delete done.llmCustom;
  else done.llmCustom = terminator === '' ? { path } : { path, terminator };
}
