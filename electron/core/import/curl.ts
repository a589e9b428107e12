import type { Endpoint, Variable } from '../../../shared/model/workspace';
import { isSecretHeaderName } from '../../../shared/model/headers';
import { createEndpoint } from '../../../shared/model/workspace';
import { splitBashWords } from './bash-words';
import { splitCmdWords } from './cmd-words';
import { readCurlArgs } from './curl-args';
import { detectCurlShell, isCurl, otherFormat, skipPrompt, type CurlShell } from './curl-detect';
import { buildRequest } from './curl-request';
import { prepareUrl, proxySettings } from './curl-url';
import {
  finishImport,
  importFailure,
  type ImportOptions,
  type ImportResult,
} from './import-result';
import { importNote, placeholderList, type ImportNote } from '../../../shared/import-notes';
import { endpointName, placeholdersIn } from './request-parts';

export { detectCurlShell, looksLikeCurl, type CurlShell } from './curl-detect';

/**
 * Imports a curl command line as browsers copy it: Chrome's "Copy as cURL (bash)"
 * and "(cmd)", Firefox's and Safari's "Copy as cURL", and hand-written ones from API docs.
 * The shell's quoting is undone first (bash-words.ts, cmd-words.ts), then curl's options are
 * read (curl-args.ts) and mapped onto an Endpoint (curl-request.ts, curl-url.ts). Nothing is
 * read from disk or run.
 */

export interface CurlImportOptions extends ImportOptions {
  /** Which shell's quoting the text uses; 'auto' (the default) looks at the text. */
  shell?: CurlShell | 'auto';
}

export function importCurl(commandLine: string, options: CurlImportOptions = {}): ImportResult {
  const text = commandLine.trim();
  if (text === '') return importFailure('import-empty', 'the curl command is empty');
  const other = otherFormat(text);
  if (other !== null) return other;

  const shell =
    options.shell === undefined || options.shell === 'auto' ? detectCurlShell(text) : options.shell;
  const split =
    shell === 'cmd'
      ? splitCmdWords(text, { placeholders: true })
      : splitBashWords(text, { placeholders: true });
  if (!split.ok) {
    return importFailure(
      'import-unterminated',
      `could not read the command line as ${shell}: ${split.message}`,
      { shell, ...split.params },
    );
  }
  const warnings = [...split.warnings];
  const words = skipPrompt(split.words, warnings);
  const program = words[0];
  if (program === undefined || !isCurl(program)) {
    // The first word is not shown: a pasted token would land in an error message.
    return importFailure('import-not-curl', 'this is not a curl command (it must start with curl)');
  }

  const args = readCurlArgs(words.slice(1), warnings);
  if (args.urls.length === 0) {
    return importFailure('import-curl-no-url', 'the curl command has no URL');
  }

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
      importNote(
        'curl-cacert-not-imported',
        `--cacert ${args.cacert}: the CA certificate was not imported; attach it to the endpoint with "Attach CA certificate…"`,
        { file: args.cacert },
      ),
    );
  }
  if (args.urls.length > 1) {
    warnings.push(
      importNote(
        'curl-several-urls',
        `the command has ${args.urls.length} URLs; each became an endpoint with the same options`,
        { count: args.urls.length },
      ),
    );
  }
  if (args.insecure) {
    warnings.push(
      importNote(
        'curl-insecure',
        '-k/--insecure: certificate checks are off for this endpoint, as with curl',
      ),
    );
  }

  const variables = shellVariables(split.variables, endpoints, warnings);
  noteLiteralPlaceholders(endpoints, split.variables, warnings);
  return finishImport(endpoints, variables.length > 0 ? variables : undefined, warnings);
}

/**
 * `$NAME` (bash) or `%NAME%` (cmd) became `{{NAME}}`; each becomes an empty workspace variable,
 * secret when its name looks like a credential or it is used in a secret header.
 */
function shellVariables(
  names: readonly string[],
  endpoints: readonly Endpoint[],
  warnings: ImportNote[],
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
  const list = placeholderList(names);
  warnings.push(
    importNote(
      'shell-variables-to-fill',
      `the command uses environment variables; fill in ${list} in the workspace's variables`,
      { names: list },
    ),
  );
  return variables;
}

/** A literal `{{x}}` would be read as a workspace variable at connect time: say so. */
function noteLiteralPlaceholders(
  endpoints: readonly Endpoint[],
  fromShell: readonly string[],
  warnings: ImportNote[],
): void {
  const texts = endpoints.flatMap((e) => [e.url, e.body.text, ...e.headers.map((h) => h.value)]);
  const literal = placeholdersIn(texts).filter((name) => !fromShell.includes(name));
  if (literal.length > 0) {
    const list = placeholderList(literal);
    warnings.push(
      importNote(
        'literal-placeholders',
        `the request contains ${list}, which Eventscope fills in from workspace variables`,
        { names: list },
      ),
    );
  }
}
