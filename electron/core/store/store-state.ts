import type { Workspace } from '../../../shared/model/workspace';
import { writeFileDurable } from './durable-write';
import type { IndexEntry } from './file-format';
import type { StoreNotice } from './notices';
import type { StorePaths } from './paths';
import type { SecretMemory } from './sealing';
import type { Cipher } from './secrets';
import { decodeWorkspaceText, type Decoded, type SchemaSettings } from './workspace-decode';

/**
 * What the parts of one open workspace store share (docs/architecture.md, the data directory):
 * the paths, the workspaces held in memory, the index entries and the notice listeners.
 */

/** The scheduler key of the index file; workspace ids never contain NUL. */
export const INDEX_KEY = '\0index';

export interface Held {
  workspace: Workspace;
  readOnly: boolean;
  /** The bytes on disk as last read or written: the content a backup preserves. */
  diskText: string | null;
  lastBackupAt: number | null;
  notSavedReported: string;
}

export interface StoreState {
  readonly paths: StorePaths;
  readonly cipher: Cipher;
  readonly schema: SchemaSettings;
  readonly now: () => number;
  readonly retryDelaysMs: readonly number[];
  readonly memory: SecretMemory;
  readonly held: Map<string, Held>;
  readonly listeners: Set<(notice: StoreNotice) => void>;
  entries: IndexEntry[];
  /** An index written by a newer Eventscope is left as it is. */
  indexReadOnly: boolean;
  allowUnprotected: boolean;
}

export function emit(state: StoreState, notices: StoreNotice[]): StoreNotice[] {
  for (const notice of notices) for (const listener of state.listeners) listener(notice);
  return notices;
}

export function writeText(state: StoreState, path: string, text: string): Promise<void> {
  return writeFileDurable(path, text, { retryDelaysMs: state.retryDelaysMs });
}

export function decode(state: StoreState, text: string, id: string | null): Promise<Decoded> {
  return decodeWorkspaceText(text, id, state.cipher, state.memory, state.schema);
}

/** Keeps a workspace as read from (or about to be written to) disk. */
export function hold(
  state: StoreState,
  id: string,
  workspace: Workspace,
  readOnly: boolean,
  diskText: string | null,
): void {
  state.held.set(id, { workspace, readOnly, diskText, lastBackupAt: null, notSavedReported: '' });
}

export function upsertEntry(state: StoreState, workspace: Workspace): void {
  const entry = { id: workspace.id, name: workspace.name, updatedAt: workspace.updatedAt };
  const index = state.entries.findIndex((e) => e.id === workspace.id);
  if (index === -1) state.entries.push(entry);
  else state.entries[index] = entry;
}

export function dropEntry(state: StoreState, id: string): void {
  state.entries = state.entries.filter((e) => e.id !== id);
}
