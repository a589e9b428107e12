import { parseHeaderArg } from '../../../shared/model/headers';
import type { Endpoint, Header, RequestBody, Variable } from '../../../shared/model/workspace';
import { isSecretHeaderName } from '../../../shared/model/headers';
import { createEndpoint } from '../../../shared/model/workspace';
import { normalizeMethod } from '../sse/request';
import { splitBashWords } from './bash-words';
import { splitCmdWords } from './cmd-words';
import { readCurlArgs, type CurlArgs } from './curl-args';
import { finishImport, type ImportOptions, type ImportResult } from './import-result';
import {
  appendQuery,
  basicAuthorization,
  bodyFor,
  droppedHeaderReason,
  endpointName,
  formEncode,
  hasHeader,
  importedHeader,
  parsesAsJson,
  placeholdersIn,
  takeContentType,
} from './request-parts';

/**
 * Imports a curl command line as browsers copy it: Chrome's "Copy as cURL (bash)"
 * and "(cmd)", Firefox's and Safari's "Copy as cURL", and hand-written ones from API docs.
 * The shell's quoting is undone first (bash-words.ts, cmd-words.ts), then curl's options are
 * read (curl-args.ts) and mapped onto an Endpoint here. Nothing is read from disk or run.
 */

export type CurlShell = 'bash' | 'cmd';

export interface CurlImportOptions extends ImportOptions {
  /** Which shell's quoting the text uses; 'auto' (the default) looks at the text. */
  shell?: CurlShell | 'auto';
}

export function importCurl(commandLine: string, options: CurlImportOptions = {}): ImportResult {
  const text = commandLine.trim();
  if (text === '') return { ok: false, message: 'the curl command is empty' };
  const other = otherFormat(text);
  if (other !== null) return { ok: false, message: other };

  const shell =
    options.shell === undefined || options.shell === 'auto' ? detectCurlShell(text) : options.shell;
  const split =
    shell === 'cmd'
      ? splitCmdWords(text, { placeholders: true })
      : splitBashWords(text, { placeholders: true });
  if (!split.ok) {
    return { ok: false, message: `could not read the command line as ${shell}: ${split.message}` };
  }
  const warnings = [...split.warnings];
  const words = skipPrompt(split.words, warnings);
  const program = words[0];
  if (program === undefined || !isCurl(program)) {
    // The first word is not shown: a pasted token would land in an error message.
    return { ok: false, message: 'this is not a curl command (it must start with curl)' };
  }

  const args = readCurlArgs(words.slice(1), warnings);
  if (args.urls.length === 0) return { ok: false, message: 'the curl command has no URL' };

  const request = buildRequest(args, warnings);
  const endpoints: Endpoint[] = args.urls.map((raw) => {
    const url = prepareUrl(raw, args, request.headers, warnings);
    const endpoint = createEndpoint(
      { name: endpointName(request.method, url.url), url: url.url, method: request.method },
      options.newId,
    );
    endpoint.headers = url.headers;
    endpoint.body = { ...request.body };
    endpoint.tls = { allowInvalidCertificates: args.insecure };
    if (args.proxy !== null) endpoint.proxy = proxySettings(args.proxy);
    if (args.connectTimeoutMs !== null) endpoint.connectTimeoutMs = args.connectTimeoutMs;
    return endpoint;
  });
  if (args.cacert !== null) {
    // An import never names a file the Node side would read (README, "Security"): the user
    // attaches the certificate's content in the endpoint editor.
    warnings.push(
      `--cacert ${args.cacert}: the CA certificate was not imported; attach it to the endpoint with "Attach CA certificate…"`,
    );
  }
  if (args.urls.length > 1) {
    warnings.push(
      `the command has ${args.urls.length} URLs; each became an endpoint with the same options`,
    );
  }
  if (args.insecure) {
    warnings.push('-k/--insecure: certificate checks are off for this endpoint, as with curl');
  }

  const variables = shellVariables(split.variables, endpoints, warnings);
  noteLiteralPlaceholders(endpoints, split.variables, warnings);
  return finishImport(endpoints, variables.length > 0 ? variables : undefined, warnings);
}

/** Whether pasted text is meant as a curl command (maybe after a `$ ` prompt). */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(\$\s+)?(\S*[\\/])?curl(\.exe)?(\s|$)/i.test(text);
}

/**
 * Chrome's cmd form starts `curl ^"https://…^"` and ends its lines with ` ^`; a bash command
 * (Chrome's, Firefox's, Safari's) has neither. `^"` alone is not enough: a quoted regex in a
 * bash body may contain it.
 */
export function detectCurlShell(text: string): CurlShell {
  return /^(\S*[\\/])?curl(\.exe)?[ \t]+\^"/i.test(text) || /[ \t]\^\r?\n/.test(text)
    ? 'cmd'
    : 'bash';
}

/** The other "Copy as …" entries of the browsers' menus, named so the user can pick the right one. */
function otherFormat(text: string): string | null {
  if (/^(await\s+)?fetch\s*\(/.test(text)) {
    return 'this is "Copy as fetch"; use "Copy as cURL" instead';
  }
  if (/Invoke-(WebRequest|RestMethod)\b/i.test(text) || /^\$session\s*=/i.test(text)) {
    return 'this is PowerShell ("Copy as PowerShell"); use "Copy as cURL (bash)" or "Copy as cURL (cmd)" instead';
  }
  if (/^curl(\.exe)?\b/i.test(text) && /`\r?\n/.test(text)) {
    return 'this curl command uses PowerShell line continuations (`); use "Copy as cURL (bash)" or "Copy as cURL (cmd)" instead';
  }
  return null;
}

/** A pasted shell prompt (`$ curl …`) or environment assignments (`NO_COLOR=1 curl …`). */
function skipPrompt(words: readonly string[], warnings: string[]): string[] {
  let start = 0;
  if (words[0] === '$' || words[0] === '>') start = 1;
  while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start] as string)) {
    const name = (words[start] as string).split('=')[0];
    warnings.push(`the environment assignment ${name}=… before curl was ignored`);
    start++;
  }
  return words.slice(start);
}

function isCurl(word: string): boolean {
  const base = word.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  return base === 'curl' || base === 'curl.exe';
}

interface BuiltRequest {
  method: string;
  headers: Header[];
  body: RequestBody;
}

/** Headers, method and body, shared by every URL of the command. */
function buildRequest(args: CurlArgs, warnings: string[]): BuiltRequest {
  let headers = readHeaders(args.headers, warnings);

  // curl(1) -A, -e, -b: curl's own headers, which a -H of the same name replaces.
  if (args.userAgent !== null && !hasHeader(headers, 'User-Agent')) {
    headers.push(importedHeader('User-Agent', args.userAgent));
  }
  if (args.referer !== null && !hasHeader(headers, 'Referer')) {
    headers.push(importedHeader('Referer', args.referer.replace(/;auto$/, '')));
  }
  addCookies(headers, args.cookies, warnings);
  addAuthorization(headers, args, warnings);
  if (args.compressed) {
    warnings.push(
      '--compressed was not needed: fetch asks for and decompresses gzip, deflate and br itself',
    );
  }

  const data = joinData(args.data, warnings);
  const json = args.data.some((d) => d.flag === 'json');
  if (json) {
    // curl(1) --json: "--data-binary … plus Content-Type and Accept: application/json".
    if (!hasHeader(headers, 'Content-Type'))
      headers.push(importedHeader('Content-Type', 'application/json'));
    if (!hasHeader(headers, 'Accept')) {
      headers.push(importedHeader('Accept', 'application/json'));
      warnings.push(
        '--json also sends "Accept: application/json", as curl does; remove that header if the server should choose text/event-stream',
      );
    }
  }

  const method = requestMethod(args, data !== null);
  let body: RequestBody = { kind: 'none', text: '', contentType: '' };
  if (data !== null && !args.get) {
    const taken = takeContentType(headers);
    headers = taken.headers;
    body = bodyFor(data, taken.contentType);
    noteBodyKind(body, taken.contentType, warnings);
  }
  if (body.kind !== 'none' && /^(GET|HEAD)$/i.test(method)) {
    warnings.push(
      `a ${method.toUpperCase()} request cannot carry a body with fetch; change the method or clear the body`,
    );
  }
  return { method, headers, body };
}

/** curl(1): -X wins; otherwise -I is HEAD, -G is GET, data makes a POST and -T a PUT. */
function requestMethod(args: CurlArgs, hasData: boolean): string {
  // curl sends `-X post` as written; the engine upper-cases the standard methods anyway.
  if (args.method !== null) return normalizeMethod(args.method);
  if (args.head) return 'HEAD';
  if (args.get) return 'GET';
  if (hasData) return 'POST';
  return args.uploadFile ? 'PUT' : 'GET';
}

function noteBodyKind(body: RequestBody, declared: string, warnings: string[]): void {
  if (
    body.kind === 'form' &&
    declared === '' &&
    body.text.trim() !== '' &&
    /^\s*[[{]/.test(body.text) &&
    parsesAsJson(body.text)
  ) {
    warnings.push(
      'the body looks like JSON but is sent as application/x-www-form-urlencoded, as curl -d does; set the content type to application/json if the server expects JSON',
    );
  }
  if (body.kind === 'text' && declared !== '' && /json/i.test(declared)) {
    warnings.push(
      'the body is not valid JSON although its Content-Type says JSON; it was imported as text',
    );
  }
}

function readHeaders(args: readonly string[], warnings: string[]): Header[] {
  const headers: Header[] = [];
  for (const arg of args) {
    if (arg.startsWith('@')) {
      warnings.push('-H @file: headers from a file cannot be read here; add them by hand');
      continue;
    }
    // curl(1) -H: "Name;" sends the header with an empty value.
    const empty = /^([^:;\s]+);\s*$/.exec(arg);
    if (empty !== null) {
      headers.push(importedHeader(empty[1] as string, ''));
      continue;
    }
    const parsed = parseHeaderArg(arg);
    if (!parsed.ok) {
      warnings.push(`a -H header was skipped: ${parsed.message}`);
      continue;
    }
    const { name, value } = parsed.header;
    if (value === '') {
      // curl(1) -H: "Name:" with no value removes curl's own header of that name.
      warnings.push(
        `-H "${name}:" only stops curl sending its own ${name} header; nothing was imported for it`,
      );
      continue;
    }
    const dropped = droppedHeaderReason(name, value);
    if (dropped !== null) {
      warnings.push(dropped);
      continue;
    }
    headers.push(importedHeader(name, value));
  }
  return headers;
}

/** curl(1) -b: "name=value; …" is sent as is; without `=` it names a cookie file. */
function addCookies(headers: Header[], cookies: readonly string[], warnings: string[]): void {
  const sent: string[] = [];
  for (const cookie of cookies) {
    if (cookie.includes('=')) sent.push(cookie.trim().replace(/;\s*$/, ''));
    else
      warnings.push(
        '-b without "=" names a cookie file, which cannot be read here; add the cookies by hand',
      );
  }
  if (sent.length === 0) return;
  const existing = headers.find((h) => h.enabled && h.name.toLowerCase() === 'cookie');
  // Two Cookie headers would reach the server joined by ", ", which is not a cookie separator.
  if (existing !== undefined) existing.value = [existing.value, ...sent].join('; ');
  else headers.push(importedHeader('Cookie', sent.join('; ')));
}

/** curl(1) -u and --oauth2-bearer; a -H Authorization replaces either, as in curl. */
function addAuthorization(headers: Header[], args: CurlArgs, warnings: string[]): void {
  if (args.user === null && args.oauth2Bearer === null) return;
  if (hasHeader(headers, 'Authorization')) {
    warnings.push(
      '-u/--oauth2-bearer were not imported: the Authorization header given with -H replaces them, as in curl',
    );
    return;
  }
  if (args.oauth2Bearer !== null) {
    headers.push(importedHeader('Authorization', `Bearer ${args.oauth2Bearer}`));
    return;
  }
  const user = args.user as string;
  if (args.nonBasicAuth) return;
  if (/\{\{/.test(user)) {
    warnings.push(
      '-u uses shell variables, which cannot be Base64-encoded now; add "Authorization: Basic …" by hand',
    );
    return;
  }
  const colon = user.indexOf(':');
  if (colon === -1) {
    warnings.push('-u has no password (curl would prompt for one); an empty password was used');
  }
  headers.push(
    importedHeader(
      'Authorization',
      colon === -1
        ? basicAuthorization(user, '')
        : basicAuthorization(user.slice(0, colon), user.slice(colon + 1)),
    ),
  );
}

/** -d pieces joined as curl joins them: `&` between, none between --json pieces. */
function joinData(pieces: CurlArgs['data'], warnings: string[]): string | null {
  if (pieces.length === 0) return null;
  let text = '';
  let first = true;
  for (const piece of pieces) {
    const value = dataValue(piece, warnings);
    if (value === null) continue;
    if (!first && piece.flag !== 'json') text += '&';
    text += value;
    first = false;
  }
  return text;
}

function dataValue(piece: CurlArgs['data'][number], warnings: string[]): string | null {
  const { flag, value } = piece;
  const fileNote = `--${flag} @file: the file cannot be read here; add that part of the body by hand`;
  if (flag === 'data-raw') return value;
  if (flag !== 'data-urlencode') {
    if (value.startsWith('@')) {
      warnings.push(fileNote);
      return null;
    }
    return value;
  }
  // curl(1) --data-urlencode: "content", "=content", "name=content", "@file", "name@file".
  const equals = value.indexOf('=');
  if (equals === -1) {
    if (value.includes('@')) {
      warnings.push(fileNote);
      return null;
    }
    return formEncode(value);
  }
  const name = value.slice(0, equals);
  const content = formEncode(value.slice(equals + 1));
  return name === '' ? content : `${name}=${content}`;
}

/** curl(1) --url-query: like --data-urlencode, but `+content` is added without encoding. */
function urlQuery(value: string): string {
  if (value.startsWith('+')) return value.slice(1);
  const equals = value.indexOf('=');
  if (equals === -1) return formEncode(value);
  const name = value.slice(0, equals);
  const content = formEncode(value.slice(equals + 1));
  return name === '' ? content : `${name}=${content}`;
}

/** A URL made ready for fetch: globs unescaped, scheme added, credentials moved to a header. */
function prepareUrl(
  raw: string,
  args: CurlArgs,
  shared: readonly Header[],
  warnings: string[],
): { url: string; headers: Header[] } {
  const headers = shared.map((h) => ({ ...h }));
  let url = raw.trim();
  if (!args.globoff) {
    // curl(1) "URL globbing": {a,b} and [1-9] make several requests; `\[` is a literal `[`.
    if (
      /(^|[^\\])\{[^}]*,[^}]*\}/.test(url) ||
      /(^|[^\\])\[[0-9a-z]+-[0-9a-z]+(:\d+)?\]/i.test(url)
    ) {
      warnings.push(
        'the URL has a curl glob ({a,b} or [1-9]), which makes several requests in curl; it was imported literally',
      );
    }
    url = url.replace(/\\([[\]{}])/g, '$1');
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !url.startsWith('{{')) {
    // curl(1) "URL": without a scheme, curl guesses, defaulting to HTTP.
    url = `http://${url}`;
    warnings.push('the URL has no scheme; http:// was assumed, as curl does');
  } else if (!/^(https?:\/\/|\{\{)/i.test(url)) {
    warnings.push('only http:// and https:// URLs can be watched');
  }

  // fetch refuses URLs with credentials (electron/core/sse/request.ts); curl sends them as Basic.
  const userinfo = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*)@/.exec(url);
  if (userinfo !== null) {
    url = `${userinfo[1]}${url.slice(userinfo[0].length)}`;
    if (!hasHeader(headers, 'Authorization')) {
      const [user = '', password = ''] = (userinfo[2] as string).split(/:(.*)/s);
      headers.push(
        importedHeader('Authorization', basicAuthorization(safeDecode(user), safeDecode(password))),
      );
      warnings.push(
        'the credentials in the URL were moved to an Authorization header (stored as a secret)',
      );
    } else {
      warnings.push(
        'the credentials in the URL were dropped: an Authorization header is already set',
      );
    }
  }

  const query: string[] = [];
  if (args.get) {
    const data = joinData(args.data, []);
    if (data !== null && data !== '') query.push(data);
  }
  query.push(...args.urlQueries.map(urlQuery));
  return { url: appendQuery(url, query.join('&')), headers };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** curl(1) -x: `[scheme://][user:password@]host[:port]`, HTTP when no scheme is given. */
function proxySettings(proxy: string): Endpoint['proxy'] {
  if (proxy.trim() === '') return { mode: 'none', url: '' };
  const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(proxy) ? proxy : `http://${proxy}`;
  return { mode: 'manual', url };
}

/**
 * `$NAME` (bash) or `%NAME%` (cmd) became `{{NAME}}`; each becomes an empty workspace variable,
 * secret when its name looks like a credential or it is used in a secret header.
 */
function shellVariables(
  names: readonly string[],
  endpoints: readonly Endpoint[],
  warnings: string[],
): Variable[] {
  if (names.length === 0) return [];
  const variables = names.map((name) => {
    const inSecretHeader = endpoints.some((e) =>
      e.headers.some((h) => h.secret && h.value.includes(`{{${name}}}`)),
    );
    return {
      name,
      value: '',
      secret: inSecretHeader || isSecretHeaderName(name),
    };
  });
  const list = names.map((n) => `{{${n}}}`).join(', ');
  warnings.push(
    `the command uses environment variables; fill in ${list} in the workspace's variables`,
  );
  return variables;
}

/** A literal `{{x}}` would be read as a workspace variable at connect time: say so. */
function noteLiteralPlaceholders(
  endpoints: readonly Endpoint[],
  fromShell: readonly string[],
  warnings: string[],
): void {
  const texts = endpoints.flatMap((e) => [e.url, e.body.text, ...e.headers.map((h) => h.value)]);
  const literal = placeholdersIn(texts).filter((name) => !fromShell.includes(name));
  if (literal.length > 0) {
    const list = literal.map((n) => `{{${n}}}`).join(', ');
    warnings.push(
      `the request contains ${list}, which Eventscope fills in from workspace variables`,
    );
  }
}
