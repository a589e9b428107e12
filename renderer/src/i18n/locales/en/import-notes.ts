/**
 * English texts of import notes (shared/import-notes.ts), by code; `where` names a request.
 * Loaded when an import is worded, not with the page (renderer/src/i18n/import-notes.ts).
 */
export const importNotes = {
  withWhere: '{where}: {text}',
  separator: '; ',
  'shell-expansion-kept': 'the shell would expand {raw}; it was kept as written',
  'shell-command-substitution': 'a command substitution was not run; it was kept as written',
  'shell-ends-at-newline': 'the command ends at a new line; only the first command was imported',
  'shell-ends-at-operator': 'the command ends at “{operator}”; only the first command was imported',
  'shell-here-document': 'a here-document (<<) was not read; the command was imported up to it',
  'shell-latin1-bytes': 'bytes written as \\xHH that are not UTF-8 were read as Latin-1',
  'shell-unicode-escape-too-large': 'a \\U escape beyond U+10FFFF became U+FFFD',
  'cmd-backslashes-halved':
    "backslashes doubled by Chrome's cmd quoting were halved, as the browser sent them",
  'env-assignment-ignored': 'the environment assignment {name}=… before curl was ignored',
  'curl-option-no-value': '{option} has no value and was ignored',
  'curl-expand-not-expanded':
    '{option}: curl variables were not expanded; double-brace placeholders now refer to workspace variables',
  'curl-option-equals-form':
    'curl takes no {option}=value form (it would fail); the option was ignored',
  'curl-option-unknown': 'unknown curl option {option} was ignored',
  'curl-option-unsupported': 'curl option {option} is not supported here and was ignored',
  'curl-option-ignored': 'curl option {option} has no effect here and was ignored',
  'curl-auth-unsupported':
    '{option}: only Basic credentials are imported; this authentication was not imported',
  'curl-client-certificate':
    'client certificates ({option}) are not supported; the option was ignored',
  'curl-file-not-read':
    '{option} names a file that cannot be read here; what it holds was not imported',
  'curl-socks-proxy': 'SOCKS proxies ({option}) are not supported; the proxy was not imported',
  'curl-multipart-form': 'multipart forms ({option}) are not supported; add the body by hand',
  'curl-connect-timeout-invalid': '--connect-timeout is not a number of seconds and was ignored',
  'curl-upload-file': '-T uploads a file, which cannot be read here; add the body by hand',
  'curl-next-ignored': 'only the request before --next was imported',
  'curl-compressed-unneeded':
    '--compressed was not needed: fetch asks for and decompresses gzip, deflate and br itself',
  'curl-json-accept':
    '--json also sends “Accept: application/json”, as curl does; remove that header if the server should choose text/event-stream',
  'curl-header-file': '-H with a file: headers from a file cannot be read here; add them by hand',
  'curl-header-skipped': 'a -H header was skipped: it is not a valid “Name: value” header',
  'curl-header-removal':
    '-H “{name}:” only stops curl sending its own {name} header; nothing was imported for it',
  'curl-cookie-file':
    '-b without “=” names a cookie file, which cannot be read here; add the cookies by hand',
  'curl-auth-replaced-by-header':
    '-u/--oauth2-bearer were not imported: the Authorization header given with -H replaces them, as in curl',
  'curl-user-has-variables':
    '-u uses shell variables, which cannot be Base64-encoded now; add “Authorization: Basic …” by hand',
  'curl-user-no-password':
    '-u has no password (curl would prompt for one); an empty password was used',
  'curl-data-file':
    '{option} with a file: the file cannot be read here; add that part of the body by hand',
  'curl-cacert-not-imported':
    '--cacert {file}: the CA certificate was not imported; attach it to the endpoint with “Attach CA certificate…”',
  'curl-several-urls':
    'the command has {count} URLs; each became an endpoint with the same options',
  'curl-insecure': '-k/--insecure: certificate checks are off for this endpoint, as with curl',
  'shell-variables-to-fill':
    "the command uses environment variables; fill in {names} in the workspace's variables",
  'literal-placeholders':
    'the request contains {names}, which Eventscope fills in from workspace variables',
  'body-on-get':
    'a {method} request cannot carry a body with fetch; change the method or clear the body',
  'body-json-as-form':
    'the body looks like JSON but is sent as application/x-www-form-urlencoded, as curl -d does; set the content type to application/json if the server expects JSON',
  'body-not-json-despite-type':
    'the body is not valid JSON although its Content-Type says JSON; it was imported as text',
  'header-dropped-pseudo': 'the HTTP/2 pseudo-header {name} was left out',
  'header-dropped-content-length': 'Content-Length was left out: fetch computes it from the body',
  'header-dropped-accept-encoding':
    'Accept-Encoding was left out: fetch negotiates compression and decompresses itself',
  'header-dropped-managed': '{name} was left out: fetch manages it and refuses to send it',
  'url-glob':
    'the URL has a curl glob, which makes several requests in curl; it was imported literally',
  'url-no-scheme': 'the URL has no scheme; http:// was assumed, as {tool} does',
  'url-scheme-unsupported': 'only http:// and https:// URLs can be watched',
  'url-credentials-moved':
    'the credentials in the URL were moved to an Authorization header (stored as a secret)',
  'url-credentials-dropped':
    'the credentials in the URL were dropped: an Authorization header is already set',
  'postman-too-many-requests':
    'the collection has {count} requests; only the first {limit} were imported',
  'postman-no-requests': 'the collection has no requests',
  'postman-variable-disabled': 'the disabled collection variable “{name}” was not imported',
  'postman-variable-bad-name':
    'the collection variable “{name}” was not imported: workspace variable names use letters, digits, _ . -',
  'postman-variable-twice':
    'the collection variable “{name}” is defined twice; the last one was kept',
  'postman-folder-variables': 'folder variables were not imported; only collection variables are',
  'postman-item-empty': 'has neither a request nor items and was skipped',
  'postman-script-prerequest':
    'the pre-request script was not imported (scripts do not run in Eventscope)',
  'postman-script-test': 'the test script was not imported (scripts do not run in Eventscope)',
  'postman-script-other':
    'the “{listen}” script was not imported (scripts do not run in Eventscope)',
  'postman-undefined-variables':
    "the requests use {names}, which the collection does not define (Postman keeps environments in separate files); add them to the workspace's variables",
  'postman-dynamic-variables':
    "Postman's dynamic variables {names} have no equivalent and are sent as written",
  'postman-auth-header-exists':
    'the {auth} auth was not applied: the request sets its own {name} header',
  'postman-apikey-no-name': 'the API key auth has no key name and was not applied',
  'postman-apikey-in-query':
    'the API key goes in the query string, where it is not stored as a secret; prefer a secret variable for its value',
  'postman-oauth2-token-as-is':
    'the OAuth 2.0 access token was imported as is; it will not be refreshed',
  'postman-oauth2-not-imported':
    'OAuth 2.0 auth was not imported (no saved access token); add an Authorization header by hand',
  'postman-auth-unsupported': '“{auth}” auth is not supported; add its header by hand',
  'postman-basic-undefined':
    'Basic auth uses {names}, which the collection does not define; add “Authorization: Basic …” by hand',
  'postman-basic-encoded':
    'Basic auth was encoded from {names} at import; update the Authorization header if they change',
  'postman-request-no-url': 'has no URL',
  'postman-path-variable-empty': 'the path variable :{name} has no value and was kept as written',
  'postman-body-disabled': 'the body is disabled in Postman and was not imported',
  'postman-json-body-invalid': 'the JSON body does not parse; it was imported as written',
  'postman-form-files': '{count} file field(s) of the form data were not imported',
  'postman-multipart-as-form': 'multipart form data is sent as application/x-www-form-urlencoded',
  'postman-body-file': 'the body is a file, which cannot be read here; add the body by hand',
  'postman-body-mode-unsupported': 'the body mode “{mode}” is not supported and was not imported',
  'postman-form-fields-disabled': '{count} disabled form field(s) were left out',
  'postman-graphql-variables-invalid': 'the GraphQL variables are not valid JSON and were left out',
  'environment-variable-disabled': '“{name}” is disabled in Postman and was not imported',
  'environment-variable-bad-name':
    '“{name}” cannot be a variable name here (letters, digits, _ . - only)',
  'environment-variable-twice': '“{name}” appears twice; the first value was kept',
  'variable-kept': 'the workspace already has a variable “{name}”; it was kept as it is',
  'environment-renamed':
    'the workspace already has an environment with that name; this one is “{name}”',
  'imported-as-copy':
    'a workspace with the same id exists already, so this one was imported as a copy',
};
