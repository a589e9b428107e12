/** English texts of the shell area. Keys are nested by component; zh-CN mirrors every key. */
export const shell = {
  brand: 'Eventscope',
  tagline: 'Server-Sent Events monitor',
  settings: 'Settings',
  sidebar: 'Workspaces and quick open',
  workspaces: 'Workspaces',
  quickOpen: 'Quick open',
  // Notices from the Node side, by their code (shared/api/notifications.ts); `name` labels the list.
  notices: {
    name: 'Notices',
    store: {
      'restored-from-backup':
        'Workspace “{workspace}” was damaged. It was moved to {corruptFile} and the backup {backupFile} was restored; changes made after that backup are lost.',
      unrecoverable:
        'Workspace “{workspace}” was damaged and no good backup exists. It was moved to {corruptFile} and kept for manual repair.',
      migrated:
        'Workspace “{workspace}” was updated from format {fromVersion} to {toVersion}; the original is kept as {backupFile}. {details}',
      'newer-version':
        'Workspace “{workspace}” was written by a newer Eventscope (format {fileVersion}; this version reads up to {supportedVersion}). It is read-only here.',
      'secrets-need-reentry': 'Re-enter the secrets of workspace “{workspace}”: {fields}.',
      'secrets-not-saved':
        'This system offers no protected storage for secrets, so {fields} in workspace “{workspace}” will be kept until Eventscope quits. Allow unprotected storage in the settings to keep them.',
      'index-rebuilt': 'The list of workspaces was rebuilt from the files on disk ({reason}).',
      'write-failed': 'A workspace could not be saved; your changes are kept in memory.',
    },
    settings: {
      damaged:
        'The settings file was damaged ({reason}) and moved aside as {file}. No setting was lost.',
      reset:
        'The settings file was damaged ({reason}) and moved aside as {file}. These settings were reset to their defaults: {settings}.',
    },
    feed: {
      'session-log-stopped':
        'The session log of “{name}” stopped: {error}. Live events continue; free disk space and reopen the feed to log again.',
    },
    import: {
      failed: 'Could not import {path}: {error}',
      done: 'Imported “{name}” from {path}',
      'done-with-warnings': 'Imported “{name}” from {path} ({warnings})',
    },
  },
  // Why a file was found damaged, by the `reasonCode` of a notice (electron/core/store/damage-reason.ts).
  reasons: {
    empty: 'the file is empty',
    'not-json': 'not valid JSON (truncated or damaged)',
    schema: 'its content does not match the expected format',
    'not-workspace': 'not an Eventscope workspace file',
    'id-mismatch': 'the workspace id inside does not match the file name',
    'migration-failed': 'it could not be updated to the current format',
    'newer-version': 'saved by a newer Eventscope',
    'index-missing': 'the list was missing',
    'invalid-values': 'some settings had invalid values',
    'too-large': 'the file is too large',
    'not-regular-file': 'not a regular file',
    unreadable: 'the file cannot be read',
  },
  // What a workspace-file migration changed (shared/migration-notes.ts), in the migrated notice.
  migrationNotes: {
    'ca-file-inlined':
      'Endpoint “{endpoint}”: the CA certificates of {file} are now kept in the workspace.',
    'ca-file-removed':
      'Endpoint “{endpoint}”: the CA file setting was removed ({cause}); attach the certificate again.',
    causes: {
      'not-found': 'the file does not exist',
      'not-regular-file': 'not a regular file',
      'too-large': 'the file is larger than 1 MiB',
      unreadable: 'the file cannot be read',
      'no-certificate': 'the file holds no certificate',
    },
  },
  secretLabels: { header: 'header', proxy: 'proxy' },
  listSeparator: ', ',
  // Headlines of the error codes of failed commands (shared/result.ts); the server's message
  // follows as the detail.
  errors: {
    withDetail: '{headline}: {detail}',
    'invalid-input': 'Invalid input',
    forbidden: 'Not allowed',
    'not-found': 'Not found',
    'unknown-channel': 'Unknown command',
    unavailable: 'Not available right now',
    internal: 'Something went wrong',
    'invalid-certificate': 'Not a certificate file',
    'dialog-unavailable': 'No file dialog here',
    reasons: {
      'store-not-found': 'that workspace no longer exists',
      'store-read-only': 'the workspace was saved by a newer Eventscope and is read-only here',
      'store-unrecoverable':
        'the workspace file was damaged and no good backup exists; it was set aside for manual repair',
      'store-closed': 'Eventscope is shutting down',
      'store-io': 'the workspace file could not be read or written',
      'connection-lost': 'lost the connection to Eventscope; retrying',
      'api-disposed': 'this page is no longer connected to Eventscope',
      'message-too-large': 'the request is {bytes}; the limit is {limit}',
      'request-invalid': 'the request to {channel} has invalid fields: {paths}',
      'workspace-invalid': 'the workspace does not fit the workspace format',
      'export-no-log': 'this feed has no session log to export',
      'export-filter-invalid': 'the filter is not valid',
      'export-no-sessions': 'this endpoint has no recorded sessions',
      'export-running': 'an export with this id is already running',
      'session-gone': 'that session is no longer on disk',
      'session-recording': 'this session is still being recorded: close its feed first',
      'session-no-store': 'replay needs a workspace store',
      'endpoint-not-found': 'that endpoint is no longer in the workspace “{workspace}”',
      'variables-unknown':
        'the endpoint uses {names}, which no variable defines; define them in the workspace or its environment',
      'secrets-reenter': 'these secrets must be entered again before connecting: {names}',
      'import-empty': 'there is nothing to import',
      'import-unrecognised':
        'expected an Eventscope workspace export, a Postman v2.1 collection (JSON) or a curl command line',
      'import-json-unrecognised':
        'this JSON file is neither an Eventscope workspace export, a Postman v2.1 collection nor a Postman environment',
      'import-json-invalid': 'the file is not valid JSON (line {line}, column {column})',
      'import-copy-as-fetch': 'this is “Copy as fetch”; use “Copy as cURL” instead',
      'import-copy-as-powershell':
        'this is PowerShell (“Copy as PowerShell”); use “Copy as cURL (bash)” or “Copy as cURL (cmd)” instead',
      'import-powershell-continuation':
        'this curl command uses PowerShell line continuations (`); use “Copy as cURL (bash)” or “Copy as cURL (cmd)” instead',
      'import-unterminated':
        'the command line could not be read as {shell}: the {symbol} at line {line}, column {column} is never closed',
      'import-not-curl': 'this is not a curl command (it must start with curl)',
      'import-curl-no-url': 'the curl command has no URL',
      'import-request-invalid': 'the imported request “{name}” is not valid (fields: {paths})',
      'import-variable-invalid': 'the imported variable “{name}” is not valid (fields: {paths})',
      'import-postman-not-json': 'the file is not valid JSON, so it is not a Postman collection',
      'import-postman-not-object': 'the file is not a Postman collection (it is not a JSON object)',
      'import-postman-environment':
        'this is a Postman environment, not a collection; export the collection (Collection v2.1)',
      'import-postman-v1':
        'this is a Postman Collection v1 file; in Postman, export the collection again as “Collection v2.1”',
      'import-postman-no-schema': 'the file is not a Postman collection (it has no info.schema)',
      'import-postman-v20':
        'this is a Postman Collection v2.0 file; in Postman, export the collection again as “Collection v2.1”',
      'import-postman-other-schema':
        'the file is not a Postman Collection v2.1 (its info.schema names another format)',
      'import-postman-invalid': 'the Postman collection is not valid v2.1 (fields: {paths})',
      'import-postman-too-deep': 'the Postman collection nests its folders too deeply',
      'import-postman-environment-invalid':
        'the Postman environment could not be read (fields: {paths})',
      'import-export-invalid': 'not an Eventscope export (fields: {paths})',
      'import-export-newer':
        'this export was made by a newer Eventscope (format version {version}); update Eventscope to import it',
      'import-export-workspace-invalid': 'the exported workspace is invalid (fields: {paths})',
      'ca-dialog-unavailable': 'choose the certificate file in the page instead',
      'ca-too-large': '{fileName} is larger than {limit}; a CA certificate file is a few kilobytes',
      'ca-no-certificate':
        '{fileName} holds no certificate (expected PEM “-----BEGIN CERTIFICATE-----” or DER)',
      'ca-certificate-invalid': 'certificate {index} in {fileName} is not valid',
      'ca-unreadable': '{fileName} cannot be read',
    },
  },
  liveFeeds: 'Live feeds',
  emptyTitle: 'No feeds open',
  emptyText:
    'Open a saved endpoint with ▶, or enter any SSE endpoint under Quick open — any method, headers and body — or start one of the built-in demo streams. Feeds open side by side; every event is also written to a session log on disk.',
  status: {
    link: {
      connecting: 'connecting…',
      open: 'connected',
      closed: 'disconnected — retrying',
    },
    web: 'web mode',
    desktop: 'desktop',
    dataDir: 'data: {dir}',
  },
} as const;
