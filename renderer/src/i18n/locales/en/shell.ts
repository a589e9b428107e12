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
