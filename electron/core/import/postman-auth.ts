import { importNote, placeholderList, type ImportNote } from '../../../shared/import-notes';
import { placeholderPattern } from '../../../shared/model/placeholder';
import type { Header, Variable } from '../../../shared/model/workspace';
import { shown } from './postman-detect';
import type { PostmanAuth } from './postman-schema';
import {
  appendQuery,
  basicAuthorization,
  formEncodeKeepingPlaceholders,
  hasHeader,
  importedHeader,
  placeholdersIn,
} from './request-parts';

/**
 * Postman auth → what a workspace can send: bearer, basic, API-key and a saved OAuth 2.0 token
 * become secret headers (or a query parameter); the rest is a warning. Auth set on the
 * collection or a folder is inherited as in Postman.
 */

/** The auth in effect: a missing or null auth (and v2.1's "inherit") inherits the parent's. */
export function activeAuth(
  own: PostmanAuth | null | undefined,
  inherited: PostmanAuth | null,
): PostmanAuth | null {
  if (own === undefined || own === null || own.type === 'inherit') return inherited;
  return own;
}

export function attribute(list: PostmanAuth['basic'], key: string): string {
  const value = list?.find((a) => a.key === key)?.value;
  return value === undefined || value === null ? '' : String(value);
}

/** Adds the header (or query parameter) the auth stands for; returns the URL. */
export function applyAuth(
  auth: PostmanAuth,
  headers: Header[],
  url: string,
  variables: readonly Variable[],
  warn: (note: ImportNote) => void,
): string {
  const add = (name: string, value: string): void => {
    if (hasHeader(headers, name)) {
      warn(
        importNote(
          'postman-auth-header-exists',
          `the ${auth.type} auth was not applied: the request sets its own ${name} header`,
          { auth: shown(auth.type), name },
        ),
      );
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
      const resolved = resolveForBasic(user, password, variables, warn);
      if (resolved !== null) add('Authorization', basicAuthorization(resolved[0], resolved[1]));
      return url;
    }
    case 'apikey': {
      const key = attribute(auth.apikey, 'key');
      const value = attribute(auth.apikey, 'value');
      if (key === '') {
        warn(
          importNote(
            'postman-apikey-no-name',
            'the API key auth has no key name and was not applied',
          ),
        );
        return url;
      }
      if (attribute(auth.apikey, 'in') === 'query') {
        warn(
          importNote(
            'postman-apikey-in-query',
            'the API key goes in the query string, where it is not stored as a secret; prefer a secret variable for its value',
          ),
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
        warn(
          importNote(
            'postman-oauth2-token-as-is',
            'the OAuth 2.0 access token was imported as is; it will not be refreshed',
          ),
        );
      } else {
        warn(
          importNote(
            'postman-oauth2-not-imported',
            'OAuth 2.0 auth was not imported (no saved access token); add an Authorization header by hand',
          ),
        );
      }
      return url;
    }
    default:
      warn(
        importNote(
          'postman-auth-unsupported',
          `"${shown(auth.type)}" auth is not supported; add its header by hand`,
          { auth: shown(auth.type) },
        ),
      );
      return url;
  }
}

/**
 * Basic credentials are Base64 of `user:password`, so `{{placeholders}}` in them cannot be
 * filled in later; they are filled from the collection's variables now, or not imported.
 */
function resolveForBasic(
  user: string,
  password: string,
  variables: readonly Variable[],
  warn: (note: ImportNote) => void,
): [string, string] | null {
  const names = placeholdersIn([user, password]);
  if (names.length === 0) return [user, password];
  const values = new Map(variables.map((v) => [v.name, v.value]));
  const missing = names.filter((n) => !values.has(n));
  if (missing.length > 0) {
    const list = placeholderList(missing);
    warn(
      importNote(
        'postman-basic-undefined',
        `Basic auth uses ${list}, which the collection does not define; add "Authorization: Basic …" by hand`,
        { names: list },
      ),
    );
    return null;
  }
  const fill = (text: string): string =>
    text.replace(placeholderPattern(), (_, n: string) => values.get(n) ?? '');
  const list = placeholderList(names);
  warn(
    importNote(
      'postman-basic-encoded',
      `Basic auth was encoded from ${list} at import; update the Authorization header if they change`,
      { names: list },
    ),
  );
  return [fill(user), fill(password)];
}
