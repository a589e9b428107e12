import { importNote, type ImportNote } from '../../../shared/import-notes';
import type { Header, RequestBody } from '../../../shared/model/workspace';
import { shown } from './postman-detect';
import type { PostmanBody, PostmanDescription, PostmanRequest, PostmanUrl } from './postman-schema';
import {
  droppedHeaderReason,
  formEncodeKeepingPlaceholders,
  importedHeader,
  isFormContentType,
  isJsonContentType,
  noScheme,
  parsesAsJson,
} from './request-parts';

/**
 * The parts of one Postman request → the endpoint's URL, headers, body and notes. What has no
 * equivalent (file bodies, disabled parts, path variables without a value) is a warning.
 */

/** Postman's `raw.language` → the Content-Type Postman adds for it. */
const RAW_CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  javascript: 'application/javascript',
  html: 'text/html',
  xml: 'application/xml',
  text: 'text/plain',
};

export function requestUrl(
  url: string | PostmanUrl | undefined,
  warn: (note: ImportNote) => void,
): string {
  if (url === undefined) {
    warn(importNote('postman-request-no-url', 'has no URL'));
    return '';
  }
  let raw = typeof url === 'string' ? url : (url.raw ?? assembleUrl(url));
  raw = raw.trim();
  if (typeof url !== 'string' && url.variable !== undefined)
    raw = fillPathVariables(raw, url, warn);
  if (raw !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) && !raw.startsWith('{{')) {
    // Postman sends a scheme-less URL over HTTP.
    warn(noScheme('Postman'));
    raw = `http://${raw}`;
  }
  return raw;
}

function assembleUrl(url: PostmanUrl): string {
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
  const segments =
    typeof url.path === 'string'
      ? [url.path.replace(/^\//, '')]
      : (url.path ?? []).map((s) => (typeof s === 'string' ? s : (s.value ?? '')));
  const path = segments.length > 0 ? `/${segments.join('/')}` : '';
  const query = (url.query ?? [])
    .filter((q) => q.disabled !== true && q.key !== null && q.key !== undefined)
    .map((q) => (q.value === null || q.value === undefined ? `${q.key}` : `${q.key}=${q.value}`))
    .join('&');
  const scheme = url.protocol !== undefined ? `${url.protocol}://` : '';
  const port = url.port !== undefined ? `:${url.port}` : '';
  return `${scheme}${host}${port}${path}${query !== '' ? `?${query}` : ''}${url.hash !== undefined ? `#${url.hash}` : ''}`;
}

/** Postman's path variables: `/users/:id` with `url.variable: [{ key: "id", value: "42" }]`. */
function fillPathVariables(raw: string, url: PostmanUrl, warn: (note: ImportNote) => void): string {
  const values = new Map((url.variable ?? []).map((v) => [v.key ?? '', v.value]));
  return raw.replace(/\/:([A-Za-z0-9_.-]+)(?=[/?#]|$)/g, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === null || String(value) === '') {
      warn(
        importNote(
          'postman-path-variable-empty',
          `the path variable :${name} has no value and was kept as written`,
          { name },
        ),
      );
      return whole;
    }
    return `/${String(value)}`;
  });
}

export function requestHeaders(
  header: PostmanRequest['header'],
  warn: (note: ImportNote) => void,
): Header[] {
  const list =
    typeof header === 'string'
      ? header
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '')
          .map((line) => {
            const colon = line.indexOf(':');
            return colon === -1
              ? { key: line.trim(), value: '' }
              : { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
          })
      : (header ?? []);
  const headers: Header[] = [];
  for (const h of list) {
    const name = h.key.trim();
    const value = h.value ?? '';
    if (name === '') continue;
    const dropped = droppedHeaderReason(name, value);
    if (dropped !== null) {
      warn(dropped);
      continue;
    }
    headers.push(importedHeader(name, value, !('disabled' in h && h.disabled === true)));
  }
  return headers;
}

const NO_BODY: RequestBody = { kind: 'none', text: '', contentType: '' };

/** The body per Postman's `mode`; `headers` tells whether a Content-Type was set by hand. */
export function requestBody(
  body: PostmanBody | undefined,
  headers: readonly Header[],
  warn: (note: ImportNote) => void,
): RequestBody {
  if (body === undefined || body.mode === undefined) return { ...NO_BODY };
  if (body.disabled === true) {
    warn(
      importNote('postman-body-disabled', 'the body is disabled in Postman and was not imported'),
    );
    return { ...NO_BODY };
  }
  const explicitType =
    headers.find((h) => h.enabled && h.name.toLowerCase() === 'content-type')?.value ?? '';
  switch (body.mode) {
    case 'raw': {
      const text = body.raw ?? '';
      if (text === '') return { ...NO_BODY };
      const language = body.options?.raw?.language ?? 'text';
      const declared = explicitType || RAW_CONTENT_TYPES[language] || 'text/plain';
      if (isJsonContentType(declared)) {
        if (!parsesAsJson(text)) {
          warn(
            importNote(
              'postman-json-body-invalid',
              'the JSON body does not parse; it was imported as written',
            ),
          );
        }
        return { kind: 'json', text, contentType: explicitType };
      }
      if (isFormContentType(declared)) return { kind: 'form', text, contentType: explicitType };
      return { kind: 'text', text, contentType: declared === 'text/plain' ? '' : declared };
    }
    case 'urlencoded':
      return { kind: 'form', text: formFields(body.urlencoded ?? [], warn), contentType: '' };
    case 'formdata': {
      const fields = body.formdata ?? [];
      const files = fields.filter((f) => f.type === 'file' && f.disabled !== true);
      if (files.length > 0)
        warn(
          importNote(
            'postman-form-files',
            `${files.length} file field(s) of the form data were not imported`,
            { count: files.length },
          ),
        );
      const text = formFields(
        fields.filter((f) => f.type !== 'file'),
        warn,
      );
      if (text !== '') {
        warn(
          importNote(
            'postman-multipart-as-form',
            'multipart form data is sent as application/x-www-form-urlencoded',
          ),
        );
        return { kind: 'form', text, contentType: '' };
      }
      return { ...NO_BODY };
    }
    case 'graphql':
      return graphqlBody(body.graphql ?? {}, warn);
    case 'file':
      warn(
        importNote(
          'postman-body-file',
          'the body is a file, which cannot be read here; add the body by hand',
        ),
      );
      return { ...NO_BODY };
    default:
      warn(
        importNote(
          'postman-body-mode-unsupported',
          `the body mode "${shown(body.mode)}" is not supported and was not imported`,
          { mode: shown(body.mode) },
        ),
      );
      return { ...NO_BODY };
  }
}

function formFields(
  fields: ReadonlyArray<{
    key?: string | null | undefined;
    value?: string | null | undefined;
    disabled?: boolean | undefined;
  }>,
  warn: (note: ImportNote) => void,
): string {
  const enabled = fields.filter(
    (f) => f.disabled !== true && f.key !== null && f.key !== undefined,
  );
  const disabled = fields.length - enabled.length;
  if (disabled > 0) {
    warn(
      importNote(
        'postman-form-fields-disabled',
        `${disabled} disabled form field(s) were left out`,
        { count: disabled },
      ),
    );
  }
  return enabled
    .map(
      (f) =>
        `${formEncodeKeepingPlaceholders(f.key ?? '')}=${formEncodeKeepingPlaceholders(f.value ?? '')}`,
    )
    .join('&');
}

/** GraphQL over HTTP: a JSON object with `query` and `variables` (POST, application/json). */
function graphqlBody(
  graphql: { query?: string | undefined; variables?: string | undefined },
  warn: (note: ImportNote) => void,
): RequestBody {
  let variables = (graphql.variables ?? '').trim();
  if (variables !== '' && !parsesAsJson(variables)) {
    warn(
      importNote(
        'postman-graphql-variables-invalid',
        'the GraphQL variables are not valid JSON and were left out',
      ),
    );
    variables = '';
  }
  const text = `{\n  "query": ${JSON.stringify(graphql.query ?? '')},\n  "variables": ${variables === '' ? '{}' : variables}\n}`;
  return { kind: 'json', text, contentType: '' };
}

export function descriptionText(description: PostmanDescription | undefined): string {
  const text = typeof description === 'string' ? description : (description?.content ?? '');
  return text.slice(0, 100_000);
}
