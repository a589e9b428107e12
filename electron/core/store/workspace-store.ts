import { describeIssues } from '../../../shared/validation';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workspace } from '../../../shared/model/workspace';
import { ID_PATTERN, WorkspaceSchema } from '../../../shared/model/workspace';
import { exists } from './backups';
import { retryOnLock, syncDir, LOCK_RETRY_DELAYS_MS } from './durable-write';
import { CURRENT_SCHEMA_VERSION } from './file-format';
import { MIGRATIONS } from './migrations';
import { StoreError, type StoreNotice } from './notices';
import { fileStamp, storePaths } from './paths';
import { SecretMemory, slotKeys } from './sealing';
import { dropEntry, emit, hold, INDEX_KEY, upsertEntry, type StoreState } from './store-state';
import type { LoadedWorkspace, WorkspaceStore, WorkspaceStoreOptions } from './store-types';
import { openStoreFiles } from './workspace-open';
import { readFromDisk } from './workspace-read';
import { createStoreWrites } from './workspace-writes';

export type {
  LoadedWorkspace,
  WorkspaceStore,
  WorkspaceStoreOptions,
  WorkspaceSummary,
} from './store-types';

/**
 * Workspaces on disk (docs/architecture.md, the data directory): one file per workspace plus an
 * index, every read validated, writes atomic + durable + debounced + serialized, damage set
 * aside and restored from a backup with a notice, newer files read-only, secrets sealed by a
 * Cipher. Main owns the disk: one store per data directory per process. This module holds the
 * public operations; opening, reading, recovery, writes and notices are its sibling modules.
 */

/** Quiet time before a save reaches the disk: typing in a field is one write, not dozens. */
export const SAVE_DEBOUNCE_MS = 300;
/** A steady stream of edits is still written at least this often. */
export const SAVE_MAX_DELAY_MS = 2_000;
/** At most one backup per workspace per this interval (and one at the first save of a session). */
export const BACKUP_INTERVAL_MS = 10 * 60_000;
export const BACKUPS_KEPT = 10;

export async function openWorkspaceStore(
  options: WorkspaceStoreOptions,
): Promise<{ store: WorkspaceStore; notices: StoreNotice[] }> {
  const state: StoreState = {
    paths: storePaths(options.dataDir),
    cipher: options.cipher,
    schema: options.schema ?? { version: CURRENT_SCHEMA_VERSION, migrations: MIGRATIONS },
    now: options.now ?? Date.now,
    retryDelaysMs: options.lockRetryDelaysMs ?? LOCK_RETRY_DELAYS_MS,
    memory: new SecretMemory(),
    held: new Map(),
    listeners: new Set(),
    entries: [],
    indexReadOnly: false,
    allowUnprotected: options.allowUnprotectedSecrets ?? false,
  };
  const { paths, held, now } = state;
  const loading = new Map<string, Promise<LoadedWorkspace>>();
  let closed = false;

  const scheduler = createStoreWrites(state, {
    debounceMs: options.saveDebounceMs ?? SAVE_DEBOUNCE_MS,
    maxDelayMs: options.saveMaxDelayMs ?? SAVE_MAX_DELAY_MS,
    backupIntervalMs: options.backupIntervalMs ?? BACKUP_INTERVAL_MS,
    backupsKept: options.backupsKept ?? BACKUPS_KEPT,
  });
  const scheduleIndex = (): void => scheduler.schedule(INDEX_KEY);

  const assertOpen = (): void => {
    if (closed) throw new StoreError('closed', 'the workspace store is closed');
  };

  const assertId = (id: string): void => {
    // The id becomes a file name: nothing else may reach the path.
    if (!ID_PATTERN.test(id)) throw new StoreError('invalid', 'not a valid workspace id');
  };

  async function load(id: string): Promise<LoadedWorkspace> {
    assertOpen();
    assertId(id);
    const current = held.get(id);
    if (current) {
      return {
        workspace: structuredClone(current.workspace),
        readOnly: current.readOnly,
        notices: [],
      };
    }
    let pending = loading.get(id);
    if (!pending) {
      pending = readFromDisk(state, id, scheduleIndex)
        .then((result) => {
          emit(state, result.notices);
          return result;
        })
        .finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  }

  const openNotices = await openStoreFiles(state, load);

  const store: WorkspaceStore = {
    dir: paths.dir,
    list: () => state.entries.map((e) => ({ ...e })),
    load,
    async save(workspace) {
      assertOpen();
      const parsed = WorkspaceSchema.safeParse(workspace);
      if (!parsed.success) {
        throw new StoreError('invalid', `invalid workspace: ${describeIssues(parsed.error)}`);
      }
      const id = parsed.data.id;
      if (!held.has(id) && (await exists(paths.workspace(id)))) {
        try {
          await load(id);
        } catch (error) {
          // A damaged file with no backup has been moved aside: saving anew is then fine.
          if (!(error instanceof StoreError && error.code === 'unrecoverable')) throw error;
        }
      }
      const current = held.get(id);
      if (current?.readOnly) {
        throw new StoreError(
          'read-only',
          `workspace "${current.workspace.name}" was saved by a newer Eventscope and is read-only`,
        );
      }
      const saved: Workspace = { ...parsed.data, updatedAt: new Date(now()).toISOString() };
      if (current) current.workspace = saved;
      else hold(state, id, saved, false, null);
      upsertEntry(state, saved);
      scheduler.schedule(id);
      scheduleIndex();
      return structuredClone(saved);
    },
    async remove(id) {
      assertOpen();
      assertId(id);
      const file = paths.workspace(id);
      if (!held.has(id) && (await exists(file))) await load(id).catch(() => undefined);
      if (held.get(id)?.readOnly) {
        throw new StoreError('read-only', 'a workspace saved by a newer Eventscope is not deleted');
      }
      await scheduler.cancel(id);
      if (await exists(file)) {
        const target = join(paths.backupsDir, `${id}.${fileStamp(now())}.json`);
        await retryOnLock(() => rename(file, target), state.retryDelaysMs);
        await syncDir(paths.dir);
      }
      held.delete(id);
      state.memory.forget(slotKeys.workspace(id));
      dropEntry(state, id);
      scheduleIndex();
    },
    async flush(id) {
      if (id === undefined) return scheduler.flushAll();
      await scheduler.flush(id);
      await scheduler.flush(INDEX_KEY);
    },
    setAllowUnprotectedSecrets(allowed) {
      state.allowUnprotected = allowed;
      // Secrets kept for the session only can now be stored: write them.
      for (const [id, entry] of held) if (!entry.readOnly) scheduler.schedule(id);
    },
    onNotice(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      try {
        await scheduler.close();
      } finally {
        closed = true;
      }
    },
  };
  return { store, notices: openNotices };
}
