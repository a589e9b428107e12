import type { Workspace } from '../../../shared/model/workspace';
import type { StoreNotice } from './notices';
import type { Cipher } from './secrets';
import type { SchemaSettings } from './workspace-decode';

/** The workspace store's public types; `openWorkspaceStore` (workspace-store.ts) makes one. */

export interface WorkspaceStoreOptions {
  dataDir: string;
  cipher: Cipher;
  /** The user agreed to store secrets though `cipher.protection` is 'none' (an explicit choice). */
  allowUnprotectedSecrets?: boolean;
  saveDebounceMs?: number;
  saveMaxDelayMs?: number;
  backupIntervalMs?: number;
  backupsKept?: number;
  lockRetryDelaysMs?: readonly number[];
  now?: () => number;
  /** Tests only: a schema version and migrations other than the shipped ones. */
  schema?: SchemaSettings;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  updatedAt: string;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  /** From a newer Eventscope: shown, never saved over. */
  readOnly: boolean;
  notices: StoreNotice[];
}

export interface WorkspaceStore {
  readonly dir: string;
  /** Workspaces in the user's order, from the index (no file is read). */
  list(): WorkspaceSummary[];
  /** Reads and validates the file once per session (recovering it if damaged), then from memory. */
  load(id: string): Promise<LoadedWorkspace>;
  /** Validates and keeps it; the write follows after the debounce. Returns it as saved. */
  save(workspace: Workspace): Promise<Workspace>;
  /** Moves the file into backups/ (restorable by hand) and drops it from the index. */
  remove(id: string): Promise<void>;
  /** Writes what is pending now (one workspace, or all); rejects when a write fails. */
  flush(id?: string): Promise<void>;
  setAllowUnprotectedSecrets(allowed: boolean): void;
  onNotice(listener: (notice: StoreNotice) => void): () => void;
  /** Flushes and stops; later calls fail with StoreError 'closed'. */
  close(): Promise<void>;
}
