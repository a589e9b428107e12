/**
 * What an import (curl, Postman, an Eventscope export) skipped or approximated, as a stable
 * code and its params, so the page words it in its own language; `message` is the Node side's
 * English for the CLI, logs and a page that does not know the code. Params never hold header,
 * cookie or body values (they may be secrets): only option names, header names, counts and
 * the names of requests and variables.
 */
export const IMPORT_NOTE_CODES = [
  // The shell's quoting (bash-words.ts, cmd-words.ts).
  'shell-expansion-kept',
  'shell-command-substitution',
  'shell-ends-at-newline',
  'shell-ends-at-operator',
  'shell-here-document',
  'shell-latin1-bytes',
  'shell-unicode-escape-too-large',
  'cmd-backslashes-halved',
  'env-assignment-ignored',
  // curl's options.
  'curl-option-no-value',
  'curl-expand-not-expanded',
  'curl-option-equals-form',
  'curl-option-unknown',
  'curl-option-unsupported',
  'curl-option-ignored',
  'curl-auth-unsupported',
  'curl-client-certificate',
  'curl-file-not-read',
  'curl-socks-proxy',
  'curl-multipart-form',
  'curl-connect-timeout-invalid',
  'curl-upload-file',
  'curl-next-ignored',
  'curl-compressed-unneeded',
  'curl-json-accept',
  'curl-header-file',
  'curl-header-skipped',
  'curl-header-removal',
  'curl-cookie-file',
  'curl-auth-replaced-by-header',
  'curl-user-has-variables',
  'curl-user-no-password',
  'curl-data-file',
  'curl-cacert-not-imported',
  'curl-several-urls',
  'curl-insecure',
  'shell-variables-to-fill',
  'literal-placeholders',
  // The request, whichever importer read it.
  'body-on-get',
  'body-json-as-form',
  'body-not-json-despite-type',
  'header-dropped-pseudo',
  'header-dropped-content-length',
  'header-dropped-accept-encoding',
  'header-dropped-managed',
  'url-glob',
  'url-no-scheme',
  'url-scheme-unsupported',
  'url-credentials-moved',
  'url-credentials-dropped',
  // Postman collections and environments.
  'postman-too-many-requests',
  'postman-no-requests',
  'postman-variable-disabled',
  'postman-variable-bad-name',
  'postman-variable-twice',
  'postman-folder-variables',
  'postman-item-empty',
  'postman-script-prerequest',
  'postman-script-test',
  'postman-script-other',
  'postman-undefined-variables',
  'postman-dynamic-variables',
  'postman-auth-header-exists',
  'postman-apikey-no-name',
  'postman-apikey-in-query',
  'postman-oauth2-token-as-is',
  'postman-oauth2-not-imported',
  'postman-auth-unsupported',
  'postman-basic-undefined',
  'postman-basic-encoded',
  'postman-request-no-url',
  'postman-path-variable-empty',
  'postman-body-disabled',
  'postman-json-body-invalid',
  'postman-form-files',
  'postman-multipart-as-form',
  'postman-body-file',
  'postman-body-mode-unsupported',
  'postman-form-fields-disabled',
  'postman-graphql-variables-invalid',
  'environment-variable-disabled',
  'environment-variable-bad-name',
  'environment-variable-twice',
  // Adding to a workspace.
  'variable-kept',
  'environment-renamed',
  'imported-as-copy',
] as const;
export type ImportNoteCode = (typeof IMPORT_NOTE_CODES)[number];

export type ImportNoteParams = Record<string, string | number>;

export interface ImportNote {
  code: ImportNoteCode;
  /**
   * The values the sentence needs. `where`, when present, names the request or folder the
   * note is about (Postman) and is said before the sentence.
   */
  params: ImportNoteParams;
  message: string;
}

export function importNote(
  code: ImportNoteCode,
  message: string,
  params: ImportNoteParams = {},
): ImportNote {
  return { code, params, message };
}

/** The same note about one request or folder of a collection. */
export function noteAt(where: string, note: ImportNote): ImportNote {
  return { ...note, params: { ...note.params, where }, message: `${where}: ${note.message}` };
}

/** `{{a}}, {{b}}`: variable names as the user writes them (names, not values). */
export function placeholderList(names: readonly string[]): string {
  return names.map((n) => `{{${n}}}`).join(', ');
}
