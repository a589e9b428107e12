import { importNote, type ImportNote } from '../../../shared/import-notes';
import type { Endpoint, Header } from '../../../shared/model/workspace';
import type { CurlArgs } from './curl-args';
import { joinData } from './curl-request';
import {
  appendQuery,
  basicAuthorization,
  formEncode,
  hasHeader,
  importedHeader,
  noScheme,
} from './request-parts';

/** The URL (and proxy) of each endpoint a curl command makes, ready for fetch. */

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
export function prepareUrl(
  raw: string,
  args: CurlArgs,
  shared: readonly Header[],
  warnings: ImportNote[],
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
        importNote(
          'url-glob',
          'the URL has a curl glob ({a,b} or [1-9]), which makes several requests in curl; it was imported literally',
        ),
      );
    }
    url = url.replace(/\\([[\]{}])/g, '$1');
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !url.startsWith('{{')) {
    // curl(1) "URL": without a scheme, curl guesses, defaulting to HTTP.
    url = `http://${url}`;
    warnings.push(noScheme('curl'));
  } else if (!/^(https?:\/\/|\{\{)/i.test(url)) {
    warnings.push(
      importNote('url-scheme-unsupported', 'only http:// and https:// URLs can be watched'),
    );
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
        importNote(
          'url-credentials-moved',
          'the credentials in the URL were moved to an Authorization header (stored as a secret)',
        ),
      );
    } else {
      warnings.push(
        importNote(
          'url-credentials-dropped',
          'the credentials in the URL were dropped: an Authorization header is already set',
        ),
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
export function proxySettings(proxy: string): Endpoint['proxy'] {
  if (proxy.trim() === '') return { mode: 'none', url: '' };
  const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(proxy) ? proxy : `http://${proxy}`;
  return { mode: 'manual', url };
}
