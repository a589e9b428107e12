import { importNote, type ImportNote } from '../../../shared/import-notes';
import { parseHeaderArg } from '../../../shared/model/headers';
import type { Header, RequestBody } from '../../../shared/model/workspace';
import { normalizeMethod } from '../sse/request';
import type { CurlArgs } from './curl-args';
import {
  basicAuthorization,
  bodyOnGet,
  bodyFor,
  droppedHeaderReason,
  formEncode,
  hasHeader,
  importedHeader,
  parsesAsJson,
  takeContentType,
} from './request-parts';

/**
 * curl's options → the method, headers and body every URL of the command shares, as curl(1)
 * would send them. What cannot be imported (files, prompts) is a warning.
 */

export interface BuiltRequest {
  method: string;
  headers: Header[];
  body: RequestBody;
}

/** Headers, method and body, shared by every URL of the command. */
export function buildRequest(args: CurlArgs, warnings: ImportNote[]): BuiltRequest {
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
      importNote(
        'curl-compressed-unneeded',
        '--compressed was not needed: fetch asks for and decompresses gzip, deflate and br itself',
      ),
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
        importNote(
          'curl-json-accept',
          '--json also sends "Accept: application/json", as curl does; remove that header if the server should choose text/event-stream',
        ),
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
    warnings.push(bodyOnGet(method.toUpperCase()));
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

function noteBodyKind(body: RequestBody, declared: string, warnings: ImportNote[]): void {
  if (
    body.kind === 'form' &&
    declared === '' &&
    body.text.trim() !== '' &&
    /^\s*[[{]/.test(body.text) &&
    parsesAsJson(body.text)
  ) {
    warnings.push(
      importNote(
        'body-json-as-form',
        'the body looks like JSON but is sent as application/x-www-form-urlencoded, as curl -d does; set the content type to application/json if the server expects JSON',
      ),
    );
  }
  if (body.kind === 'text' && declared !== '' && /json/i.test(declared)) {
    warnings.push(
      importNote(
        'body-not-json-despite-type',
        'the body is not valid JSON although its Content-Type says JSON; it was imported as text',
      ),
    );
  }
}

function readHeaders(args: readonly string[], warnings: ImportNote[]): Header[] {
  const headers: Header[] = [];
  for (const arg of args) {
    if (arg.startsWith('@')) {
      warnings.push(
        importNote(
          'curl-header-file',
          '-H @file: headers from a file cannot be read here; add them by hand',
        ),
      );
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
      // The parser's reason is English; the page says only that the header was skipped.
      warnings.push(
        importNote('curl-header-skipped', `a -H header was skipped: ${parsed.message}`),
      );
      continue;
    }
    const { name, value } = parsed.header;
    if (value === '') {
      // curl(1) -H: "Name:" with no value removes curl's own header of that name.
      warnings.push(
        importNote(
          'curl-header-removal',
          `-H "${name}:" only stops curl sending its own ${name} header; nothing was imported for it`,
          { name },
        ),
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
function addCookies(headers: Header[], cookies: readonly string[], warnings: ImportNote[]): void {
  const sent: string[] = [];
  for (const cookie of cookies) {
    if (cookie.includes('=')) sent.push(cookie.trim().replace(/;\s*$/, ''));
    else
      warnings.push(
        importNote(
          'curl-cookie-file',
          '-b without "=" names a cookie file, which cannot be read here; add the cookies by hand',
        ),
      );
  }
  if (sent.length === 0) return;
  const existing = headers.find((h) => h.enabled && h.name.toLowerCase() === 'cookie');
  // Two Cookie headers would reach the server joined by ", ", which is not a cookie separator.
  if (existing !== undefined) existing.value = [existing.value, ...sent].join('; ');
  else headers.push(importedHeader('Cookie', sent.join('; ')));
}

/** curl(1) -u and --oauth2-bearer; a -H Authorization replaces either, as in curl. */
function addAuthorization(headers: Header[], args: CurlArgs, warnings: ImportNote[]): void {
  if (args.user === null && args.oauth2Bearer === null) return;
  if (hasHeader(headers, 'Authorization')) {
    warnings.push(
      importNote(
        'curl-auth-replaced-by-header',
        '-u/--oauth2-bearer were not imported: the Authorization header given with -H replaces them, as in curl',
      ),
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
      importNote(
        'curl-user-has-variables',
        '-u uses shell variables, which cannot be Base64-encoded now; add "Authorization: Basic …" by hand',
      ),
    );
    return;
  }
  const colon = user.indexOf(':');
  if (colon === -1) {
    warnings.push(
      importNote(
        'curl-user-no-password',
        '-u has no password (curl would prompt for one); an empty password was used',
      ),
    );
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
export function joinData(pieces: CurlArgs['data'], warnings: ImportNote[]): string | null {
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

function dataValue(piece: CurlArgs['data'][number], warnings: ImportNote[]): string | null {
  const { flag, value } = piece;
  const fileNote = importNote(
    'curl-data-file',
    `--${flag} @file: the file cannot be read here; add that part of the body by hand`,
    { option: `--${flag}` },
  );
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
