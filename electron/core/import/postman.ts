import { describeIssues } from '../../../shared/validation';
import { isSecretHeaderName } from '../../../shared/model/headers';
import type { Endpoint, Header, RequestBody, Variable } from '../../../shared/model/workspace';
import { VARIABLE_NAME_PATTERN, createEndpoint } from '../../../shared/model/workspace';
import {
  MAX_IMPORTED_ENDPOINTS,
  finishImport,
  type ImportOptions,
  type ImportResult,
} from './import-result';
import {
  PostmanCollectionSchema,
  type PostmanAuth,
  type PostmanBody,
  type PostmanCollection,
  type PostmanDescription,
  type PostmanEvent,
  type PostmanItem,
  type PostmanRequest,
  type PostmanUrl,
} from './postman-schema';
import {
  appendQuery,
  basicAuthorization,
  clipName,
  droppedHeaderReason,
  formEncodeKeepingPlaceholders,
  hasHeader,
  importedHeader,
  isFormContentType,
  isJsonContentType,
  parsesAsJson,
  placeholdersIn,
  takeContentType,
} from './request-parts';

/**
 * Imports the requests of a Postman Collection v2.1 file. Folders become name
 * prefixes ("Folder / Request"), collection variables become workspace variables (Postman's
 * `{{name}}` is our syntax too), bearer/basic/API-key auth — set on the collection, a folder or
 * the request, and inherited as in Postman — becomes secret headers. What has no equivalent
 * (scripts, other auth types, file uploads) is reported in `warnings`.
 */
export function importPostmanCollection(text: string, options: ImportOptions = {}): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the file, which may hold tokens: say only what is wrong.
    return { ok: false, message: 'the file is not valid JSON, so it is not a Postman collection' };
  }
  return importPostmanJson(json, options);
}

/** The same, for a caller that has parsed the file already (to tell formats apart). */
export function importPostmanJson(input: unknown, options: ImportOptions = {}): ImportResult {
  let json = input;
  // The Postman API wraps exports as { "collection": { … } }.
  if (isRecord(json) && isRecord(json['collection']) && !('info' in json))
    json = json['collection'];

  const refused = refuseOtherFormats(json);
  if (refused !== null) return { ok: false, message: refused };
  try {
    const parsed = PostmanCollectionSchema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        message: `the Postman collection is not valid v2.1: ${describeIssues(parsed.error)}`,
      };
    }
    return new CollectionImport(parsed.data, options).run();
  } catch (error) {
    // Folders nested thousands deep exhaust the stack in validation or the walk.
    if (error instanceof RangeError) {
      return { ok: false, message: 'the Postman collection nests its folders too deeply' };
    }
    throw error;
  }
}

/**
 * Whether parsed JSON came from Postman — any collection version or an environment — so a
 * caller can route it here and get this importer's specific message for the wrong kind.
 */
export function looksLikePostman(json: unknown): boolean {
  if (!isRecord(json)) return false;
  if (isRecord(json['collection'])) return looksLikePostman(json['collection']);
  const info = json['info'];
  if (isRecord(info)) {
    const schema = info['schema'];
    return (
      (typeof schema === 'string' && schema.includes('getpostman.com')) || '_postman_id' in info
    );
  }
  return (
    '_postman_variable_scope' in json ||
    (Array.isArray(json['requests']) && Array.isArray(json['order']))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Clear errors for the files people most often pick by mistake. */
function refuseOtherFormats(json: unknown): string | null {
  if (!isRecord(json)) return 'the file is not a Postman collection (it is not a JSON object)';
  if (
    json['_postman_variable_scope'] === 'environment' ||
    json['_postman_variable_scope'] === 'globals'
  ) {
    return 'this is a Postman environment, not a collection; export the collection (Collection v2.1)';
  }
  const info = json['info'];
  const schema = isRecord(info) ? info['schema'] : undefined;
  if (typeof schema !== 'string') {
    if (Array.isArray(json['requests'])) {
      return 'this is a Postman Collection v1 file; in Postman, export the collection again as "Collection v2.1"';
    }
    return 'the file is not a Postman collection (it has no info.schema)';
  }
  if (schema.includes('v2.1')) return null;
  if (schema.includes('v2.0')) {
    return 'this is a Postman Collection v2.0 file; in Postman, export the collection again as "Collection v2.1"';
  }
  return 'the file is not a Postman Collection v2.1 (its info.schema names another format)';
}

/** Postman's `raw.language` → the Content-Type Postman adds for it. */
const RAW_CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  javascript: 'application/javascript',
  html: 'text/html',
  xml: 'application/xml',
  text: 'text/plain',
};

/** `{{$guid}}`, `{{$timestamp}}`: Postman's dynamic variables, which the workspace does not have. */
const DYNAMIC_VARIABLE = /\{\{\s*\$([A-Za-z]+)\s*\}\}/g;

class CollectionImport {
  private readonly endpoints: Endpoint[] = [];
  private readonly warnings: string[] = [];
  private readonly variables: Variable[];

  constructor(
    private readonly collection: PostmanCollection,
    private readonly options: ImportOptions,
  ) {
    this.variables = this.readVariables();
  }

  run(): ImportResult {
    const { collection } = this;
    this.noteScripts(collection.event, 'the collection');
    this.walk(collection.item, [], activeAuth(collection.auth, null));

    if (this.endpoints.length > MAX_IMPORTED_ENDPOINTS) {
      this.warnings.push(
        `the collection has ${this.endpoints.length} requests; only the first ${MAX_IMPORTED_ENDPOINTS} were imported`,
      );
      this.endpoints.length = MAX_IMPORTED_ENDPOINTS;
    }
    if (this.endpoints.length === 0) this.warnings.push('the collection has no requests');
    this.markVariablesInSecretHeaders();
    this.noteVariableUse();
    return finishImport(this.endpoints, this.variables, this.warnings);
  }

  private readVariables(): Variable[] {
    const variables = new Map<string, Variable>();
    for (const v of this.collection.variable ?? []) {
      const name = v.key ?? v.id ?? '';
      if (v.disabled === true) {
        this.warnings.push(`the disabled collection variable "${shown(name)}" was not imported`);
        continue;
      }
      if (!VARIABLE_NAME_PATTERN.test(name)) {
        this.warnings.push(
          `the collection variable "${shown(name)}" was not imported: workspace variable names use letters, digits, _ . -`,
        );
        continue;
      }
      if (variables.has(name)) {
        this.warnings.push(
          `the collection variable "${name}" is defined twice; the last one was kept`,
        );
      }
      const value = v.value === undefined || v.value === null ? '' : String(v.value);
      // Name parts, not fragments: `maxTokens` is an LLM setting, not a credential. Variables
      // used in secret headers are marked later (markVariablesInSecretHeaders).
      const secret = v.type === 'secret' || isSecretHeaderName(name);
      variables.set(name, { name, value, secret });
    }
    return [...variables.values()];
  }

  private walk(
    items: readonly PostmanItem[],
    path: readonly string[],
    auth: PostmanAuth | null,
  ): void {
    for (const item of items) {
      const name = item.name?.trim() || 'Untitled';
      const here = [...path, name];
      const itemAuth = activeAuth(item.auth, auth);
      if (item.item !== undefined) {
        this.noteScripts(item.event, `folder "${here.join(' / ')}"`);
        if (item.variable !== undefined && item.variable.length > 0) {
          this.warnings.push(
            `${here.join(' / ')}: folder variables were not imported; only collection variables are`,
          );
        }
        this.walk(item.item, here, itemAuth);
      } else if (item.request !== undefined) {
        this.noteScripts(item.event, clipName(here.join(' / ')));
        this.endpoints.push(this.endpoint(item, here, item.request, itemAuth));
      } else {
        this.warnings.push(`${here.join(' / ')}: has neither a request nor items and was skipped`);
      }
    }
  }

  private endpoint(
    item: PostmanItem,
    path: readonly string[],
    source: PostmanRequest | string,
    inherited: PostmanAuth | null,
  ): Endpoint {
    const request: PostmanRequest = typeof source === 'string' ? { url: source } : source;
    const name = clipName(path.join(' / '));
    const warn = (note: string): void => {
      this.warnings.push(`${name}: ${note}`);
    };
    const method = (request.method ?? 'GET').trim().toUpperCase() || 'GET';
    let url = requestUrl(request.url, warn);
    let headers = requestHeaders(request.header, warn);

    const body = requestBody(request.body ?? undefined, headers, warn);
    if (body.kind !== 'none') {
      const taken = takeContentType(headers);
      headers = taken.headers;
      if (taken.contentType !== '') body.contentType = taken.contentType;
      if (/^(GET|HEAD)$/.test(method)) {
        warn(
          `a ${method} request cannot carry a body with fetch; change the method or clear the body`,
        );
      }
    }

    const auth = activeAuth(request.auth, inherited);
    if (auth !== null) url = this.applyAuth(auth, headers, url, warn);

    const endpoint = createEndpoint({ name, url, method }, this.options.newId);
    endpoint.headers = headers;
    endpoint.body = body;
    endpoint.notes = descriptionText(request.description ?? item.description);
    return endpoint;
  }

  /** Adds the header (or query parameter) the auth stands for; returns the URL. */
  private applyAuth(
    auth: PostmanAuth,
    headers: Header[],
    url: string,
    warn: (note: string) => void,
  ): string {
    const add = (name: string, value: string): void => {
      if (hasHeader(headers, name)) {
        warn(`the ${auth.type} auth was not applied: the request sets its own ${name} header`);
        return;
      }
      // Whatever the name, a header made from auth is a credential.
      headers.push({ ...importedHeader(name, value), secret: true });
    };
    switch (auth.type) {
      case 'noauth':
        return url;
      case 'bearer': {
        add('Authorization', `Bearer ${attribute(auth.bearer, 'token')}`);
        return url;
      }
      case 'basic': {
        const user = attribute(auth.basic, 'username');
        const password = attribute(auth.basic, 'password');
        const resolved = this.resolveForBasic(user, password, warn);
        if (resolved !== null) add('Authorization', basicAuthorization(resolved[0], resolved[1]));
        return url;
      }
      case 'apikey': {
        const key = attribute(auth.apikey, 'key');
        const value = attribute(auth.apikey, 'value');
        if (key === '') {
          warn('the API key auth has no key name and was not applied');
          return url;
        }
        if (attribute(auth.apikey, 'in') === 'query') {
          warn(
            'the API key goes in the query string, where it is not stored as a secret; prefer a secret variable for its value',
          );
          return appendQuery(
            url,
            `${formEncodeKeepingPlaceholders(key)}=${formEncodeKeepingPlaceholders(value)}`,
          );
        }
        add(key, value);
        return url;
      }
      case 'oauth2': {
        // The token Postman last fetched can be used as is; fetching new ones is not imported.
        const token = attribute(auth.oauth2, 'accessToken');
        if (token !== '' && attribute(auth.oauth2, 'addTokenTo') !== 'queryParams') {
          const prefix = attribute(auth.oauth2, 'headerPrefix') || 'Bearer';
          add('Authorization', `${prefix} ${token}`);
          warn('the OAuth 2.0 access token was imported as is; it will not be refreshed');
        } else {
          warn(
            'OAuth 2.0 auth was not imported (no saved access token); add an Authorization header by hand',
          );
        }
        return url;
      }
      default:
        warn(`"${shown(auth.type)}" auth is not supported; add its header by hand`);
        return url;
    }
  }

  /**
   * Basic credentials are Base64 of `user:password`, so `{{placeholders}}` in them cannot be
   * filled in later; they are filled from the collection's variables now, or not imported.
   */
  private resolveForBasic(
    user: string,
    password: string,
    warn: (note: string) => void,
  ): [string, string] | null {
    const names = placeholdersIn([user, password]);
    if (names.length === 0) return [user, password];
    const values = new Map(this.variables.map((v) => [v.name, v.value]));
    const missing = names.filter((n) => !values.has(n));
    if (missing.length > 0) {
      warn(
        `Basic auth uses ${missing.map((n) => `{{${n}}}`).join(', ')}, which the collection does not define; add "Authorization: Basic …" by hand`,
      );
      return null;
    }
    const fill = (text: string): string =>
      text.replace(
        /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g,
        (_, n: string) => values.get(n) ?? '',
      );
    warn(
      `Basic auth was encoded from ${names.map((n) => `{{${n}}}`).join(', ')} at import; update the Authorization header if they change`,
    );
    return [fill(user), fill(password)];
  }

  private noteScripts(events: readonly PostmanEvent[] | undefined, where: string): void {
    for (const event of events ?? []) {
      const exec = event.script?.exec;
      const code = Array.isArray(exec) ? exec.join('\n') : (exec ?? '');
      if (code.trim() === '' || event.disabled === true) continue;
      const kind =
        event.listen === 'prerequest'
          ? 'pre-request script'
          : event.listen === 'test'
            ? 'test script'
            : `"${shown(event.listen)}" script`;
      this.warnings.push(
        `${where}: the ${kind} was not imported (scripts do not run in Eventscope)`,
      );
    }
  }

  /** A variable a secret header uses is a credential too (its value is sealed on disk). */
  private markVariablesInSecretHeaders(): void {
    const secretTexts = this.endpoints.flatMap((e) =>
      e.headers.filter((h) => h.secret).map((h) => h.value),
    );
    const names = new Set(placeholdersIn(secretTexts));
    for (const variable of this.variables) if (names.has(variable.name)) variable.secret = true;
  }

  private noteVariableUse(): void {
    const texts = this.endpoints.flatMap((e) => [
      e.url,
      e.body.text,
      ...e.headers.map((h) => h.value),
    ]);
    const defined = new Set(this.variables.map((v) => v.name));
    const undefinedNames = placeholdersIn(texts).filter((n) => !defined.has(n));
    if (undefinedNames.length > 0) {
      this.warnings.push(
        `the requests use ${undefinedNames.map((n) => `{{${n}}}`).join(', ')}, which the collection does not define (Postman keeps environments in separate files); add them to the workspace's variables`,
      );
    }
    const dynamic = new Set<string>();
    for (const text of texts)
      for (const match of text.matchAll(DYNAMIC_VARIABLE)) dynamic.add(match[1] as string);
    if (dynamic.size > 0) {
      this.warnings.push(
        `Postman's dynamic variables ${[...dynamic].map((n) => `{{$${n}}}`).join(', ')} have no equivalent and are sent as written`,
      );
    }
  }
}

/** The auth in effect: a missing or null auth (and v2.1's "inherit") inherits the parent's. */
function activeAuth(
  own: PostmanAuth | null | undefined,
  inherited: PostmanAuth | null,
): PostmanAuth | null {
  if (own === undefined || own === null || own.type === 'inherit') return inherited;
  return own;
}

function attribute(list: PostmanAuth['basic'], key: string): string {
  const value = list?.find((a) => a.key === key)?.value;
  return value === undefined || value === null ? '' : String(value);
}

function requestUrl(url: string | PostmanUrl | undefined, warn: (note: string) => void): string {
  if (url === undefined) {
    warn('has no URL');
    return '';
  }
  let raw = typeof url === 'string' ? url : (url.raw ?? assembleUrl(url));
  raw = raw.trim();
  if (typeof url !== 'string' && url.variable !== undefined)
    raw = fillPathVariables(raw, url, warn);
  if (raw !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) && !raw.startsWith('{{')) {
    // Postman sends a scheme-less URL over HTTP.
    warn('the URL has no scheme; http:// was assumed, as Postman does');
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
function fillPathVariables(raw: string, url: PostmanUrl, warn: (note: string) => void): string {
  const values = new Map((url.variable ?? []).map((v) => [v.key ?? '', v.value]));
  return raw.replace(/\/:([A-Za-z0-9_.-]+)(?=[/?#]|$)/g, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === null || String(value) === '') {
      warn(`the path variable :${name} has no value and was kept as written`);
      return whole;
    }
    return `/${String(value)}`;
  });
}

function requestHeaders(header: PostmanRequest['header'], warn: (note: string) => void): Header[] {
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
function requestBody(
  body: PostmanBody | undefined,
  headers: readonly Header[],
  warn: (note: string) => void,
): RequestBody {
  if (body === undefined || body.mode === undefined) return { ...NO_BODY };
  if (body.disabled === true) {
    warn('the body is disabled in Postman and was not imported');
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
        if (!parsesAsJson(text)) warn('the JSON body does not parse; it was imported as written');
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
        warn(`${files.length} file field(s) of the form data were not imported`);
      const text = formFields(
        fields.filter((f) => f.type !== 'file'),
        warn,
      );
      if (text !== '') {
        warn('multipart form data is sent as application/x-www-form-urlencoded');
        return { kind: 'form', text, contentType: '' };
      }
      return { ...NO_BODY };
    }
    case 'graphql':
      return graphqlBody(body.graphql ?? {}, warn);
    case 'file':
      warn('the body is a file, which cannot be read here; add the body by hand');
      return { ...NO_BODY };
    default:
      warn(`the body mode "${shown(body.mode)}" is not supported and was not imported`);
      return { ...NO_BODY };
  }
}

function formFields(
  fields: ReadonlyArray<{
    key?: string | null | undefined;
    value?: string | null | undefined;
    disabled?: boolean | undefined;
  }>,
  warn: (note: string) => void,
): string {
  const enabled = fields.filter(
    (f) => f.disabled !== true && f.key !== null && f.key !== undefined,
  );
  const disabled = fields.length - enabled.length;
  if (disabled > 0) warn(`${disabled} disabled form field(s) were left out`);
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
  warn: (note: string) => void,
): RequestBody {
  let variables = (graphql.variables ?? '').trim();
  if (variables !== '' && !parsesAsJson(variables)) {
    warn('the GraphQL variables are not valid JSON and were left out');
    variables = '';
  }
  const text = `{\n  "query": ${JSON.stringify(graphql.query ?? '')},\n  "variables": ${variables === '' ? '{}' : variables}\n}`;
  return { kind: 'json', text, contentType: '' };
}

function descriptionText(description: PostmanDescription | undefined): string {
  const text = typeof description === 'string' ? description : (description?.content ?? '');
  return text.slice(0, 100_000);
}

/** A name from the file, shown only when short and printable (it could be anything). */
function shown(name: string): string {
  return name.length <= 64 && /^[\x20-\x7e]*$/.test(name) ? name : '…';
}
