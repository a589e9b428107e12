import { describeIssues, issuePaths } from '../../../shared/validation';
import { importNote, noteAt, placeholderList, type ImportNote } from '../../../shared/import-notes';
import { isSecretHeaderName } from '../../../shared/model/headers';
import type { Endpoint, Variable } from '../../../shared/model/workspace';
import { VARIABLE_NAME_PATTERN, createEndpoint } from '../../../shared/model/workspace';
import {
  MAX_IMPORTED_ENDPOINTS,
  finishImport,
  importFailure,
  type ImportOptions,
  type ImportResult,
} from './import-result';
import { activeAuth, applyAuth } from './postman-auth';
import { isRecord, refuseOtherFormats, shown } from './postman-detect';
import { descriptionText, requestBody, requestHeaders, requestUrl } from './postman-requests';
import {
  PostmanCollectionSchema,
  type PostmanAuth,
  type PostmanCollection,
  type PostmanEvent,
  type PostmanItem,
  type PostmanRequest,
} from './postman-schema';
import { bodyOnGet, clipName, placeholdersIn, takeContentType } from './request-parts';

export { looksLikePostman } from './postman-detect';

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
    return importFailure(
      'import-postman-not-json',
      'the file is not valid JSON, so it is not a Postman collection',
    );
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
  if (refused !== null) return refused;
  try {
    const parsed = PostmanCollectionSchema.safeParse(json);
    if (!parsed.success) {
      return importFailure(
        'import-postman-invalid',
        `the Postman collection is not valid v2.1: ${describeIssues(parsed.error)}`,
        { paths: issuePaths(parsed.error) },
      );
    }
    return new CollectionImport(parsed.data, options).run();
  } catch (error) {
    // Folders nested thousands deep exhaust the stack in validation or the walk.
    if (error instanceof RangeError) {
      return importFailure(
        'import-postman-too-deep',
        'the Postman collection nests its folders too deeply',
      );
    }
    throw error;
  }
}

/** `{{$guid}}`, `{{$timestamp}}`: Postman's dynamic variables, which the workspace does not have. */
const DYNAMIC_VARIABLE = /\{\{\s*\$([A-Za-z]+)\s*\}\}/g;

class CollectionImport {
  private readonly endpoints: Endpoint[] = [];
  private readonly warnings: ImportNote[] = [];
  private readonly variables: Variable[];

  constructor(
    private readonly collection: PostmanCollection,
    private readonly options: ImportOptions,
  ) {
    this.variables = this.readVariables();
  }

  run(): ImportResult {
    const { collection } = this;
    this.noteScripts(collection.event, null);
    this.walk(collection.item, [], activeAuth(collection.auth, null));

    if (this.endpoints.length > MAX_IMPORTED_ENDPOINTS) {
      this.warnings.push(
        importNote(
          'postman-too-many-requests',
          `the collection has ${this.endpoints.length} requests; only the first ${MAX_IMPORTED_ENDPOINTS} were imported`,
          { count: this.endpoints.length, limit: MAX_IMPORTED_ENDPOINTS },
        ),
      );
      this.endpoints.length = MAX_IMPORTED_ENDPOINTS;
    }
    if (this.endpoints.length === 0) {
      this.warnings.push(importNote('postman-no-requests', 'the collection has no requests'));
    }
    this.markVariablesInSecretHeaders();
    this.noteVariableUse();
    return finishImport(this.endpoints, this.variables, this.warnings);
  }

  private readVariables(): Variable[] {
    const variables = new Map<string, Variable>();
    for (const v of this.collection.variable ?? []) {
      const name = v.key ?? v.id ?? '';
      if (v.disabled === true) {
        this.warnings.push(
          importNote(
            'postman-variable-disabled',
            `the disabled collection variable "${shown(name)}" was not imported`,
            { name: shown(name) },
          ),
        );
        continue;
      }
      if (!VARIABLE_NAME_PATTERN.test(name)) {
        this.warnings.push(
          importNote(
            'postman-variable-bad-name',
            `the collection variable "${shown(name)}" was not imported: workspace variable names use letters, digits, _ . -`,
            { name: shown(name) },
          ),
        );
        continue;
      }
      if (variables.has(name)) {
        this.warnings.push(
          importNote(
            'postman-variable-twice',
            `the collection variable "${name}" is defined twice; the last one was kept`,
            { name },
          ),
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
        this.noteScripts(item.event, here.join(' / '), 'folder');
        if (item.variable !== undefined && item.variable.length > 0) {
          this.warnings.push(
            noteAt(
              here.join(' / '),
              importNote(
                'postman-folder-variables',
                'folder variables were not imported; only collection variables are',
              ),
            ),
          );
        }
        this.walk(item.item, here, itemAuth);
      } else if (item.request !== undefined) {
        this.noteScripts(item.event, clipName(here.join(' / ')));
        this.endpoints.push(this.endpoint(item, here, item.request, itemAuth));
      } else {
        this.warnings.push(
          noteAt(
            here.join(' / '),
            importNote('postman-item-empty', 'has neither a request nor items and was skipped'),
          ),
        );
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
    const warn = (note: ImportNote): void => {
      this.warnings.push(noteAt(name, note));
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
        warn(bodyOnGet(method));
      }
    }

    const auth = activeAuth(request.auth, inherited);
    if (auth !== null) url = applyAuth(auth, headers, url, this.variables, warn);

    const endpoint = createEndpoint({ name, url, method }, this.options.newId);
    endpoint.headers = headers;
    endpoint.body = body;
    endpoint.notes = descriptionText(request.description ?? item.description);
    return endpoint;
  }

  /** `where` is a folder's or request's path; none for the collection's own scripts. */
  private noteScripts(
    events: readonly PostmanEvent[] | undefined,
    where: string | null,
    kind: 'folder' | 'request' = 'request',
  ): void {
    for (const event of events ?? []) {
      const exec = event.script?.exec;
      const code = Array.isArray(exec) ? exec.join('\n') : (exec ?? '');
      if (code.trim() === '' || event.disabled === true) continue;
      const script =
        event.listen === 'prerequest'
          ? 'pre-request script'
          : event.listen === 'test'
            ? 'test script'
            : `"${shown(event.listen)}" script`;
      const noteCode =
        event.listen === 'prerequest'
          ? 'postman-script-prerequest'
          : event.listen === 'test'
            ? 'postman-script-test'
            : 'postman-script-other';
      const note = importNote(
        noteCode,
        `the ${script} was not imported (scripts do not run in Eventscope)`,
        { listen: shown(event.listen) },
      );
      if (where === null) {
        this.warnings.push({ ...note, message: `the collection: ${note.message}` });
      } else {
        const noted = noteAt(where, note);
        this.warnings.push(
          kind === 'folder' ? { ...noted, message: `folder "${where}": ${note.message}` } : noted,
        );
      }
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
      const list = placeholderList(undefinedNames);
      this.warnings.push(
        importNote(
          'postman-undefined-variables',
          `the requests use ${list}, which the collection does not define (Postman keeps environments in separate files); add them to the workspace's variables`,
          { names: list },
        ),
      );
    }
    const dynamic = new Set<string>();
    for (const text of texts)
      for (const match of text.matchAll(DYNAMIC_VARIABLE)) dynamic.add(match[1] as string);
    if (dynamic.size > 0) {
      const list = placeholderList([...dynamic].map((n) => `$${n}`));
      this.warnings.push(
        importNote(
          'postman-dynamic-variables',
          `Postman's dynamic variables ${list} have no equivalent and are sent as written`,
          { names: list },
        ),
      );
    }
  }
}
