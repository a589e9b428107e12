/** The workspace store's public surface (README.md beside it); the rest of the folder is its parts. */
export {
  openWorkspaceStore,
  SAVE_DEBOUNCE_MS,
  SAVE_MAX_DELAY_MS,
  BACKUP_INTERVAL_MS,
  BACKUPS_KEPT,
  type WorkspaceStore,
  type WorkspaceStoreOptions,
  type WorkspaceSummary,
  type LoadedWorkspace,
} from './workspace-store';
export { StoreError, storeNoticeCode, type StoreErrorCode, type StoreNotice } from './notices';
export { createAesGcmCipher, type Cipher } from './secrets';
export { readWorkspaceFile, type ReadWorkspaceResult } from './workspace-decode';
export { CURRENT_SCHEMA_VERSION, WORKSPACE_FORMAT } from './file-format';
export { WORKSPACES_DIR } from './paths';
