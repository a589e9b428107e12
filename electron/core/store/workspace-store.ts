import { describeIssues } from '../../../shared/validation';
import { readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Workspace } from '../../../shared/model/workspace';
import {
  ID_PATTERN,
  isReservedWorkspaceId,
  WorkspaceSchema,
} from '../../../shared/model/workspace';
import { exists, listBackups, pruneBackups, writeBackup } from './backups';
import {
  ensurePrivateDir,
  errorCode,
  retryOnLock,
  syncDir,
  writeFileDurable,
  LOCK_RETRY_DELAYS_MS,
} from './durable-write';
import {
  CURRENT_SCHEMA_VERSION,
  INDEX_SCHEMA_VERSION,
  IndexFileSchema,
  serializeIndexFile,
  serializeWorkspaceFile,
  type IndexEntry,
} from './file-format';
import { MIGRATIONS } from './migrations';
import { StoreError, type StoreNotice } from './notices';
import { fileStamp, storePaths, STALE_TEMP_FILE, WORKSPACE_FILE, type StorePaths } from './paths';
import { SecretMemory, sealWorkspace, slotKeys } from './sealing';
import type { Cipher } from './secrets';
import { decodeWorkspaceText, type Decoded, type SchemaSettings } from './workspace-decode';
import { createWriteScheduler, type WriteScheduler } from './write-scheduler';

/**
 * Workspaces on disk (issue #5 §2-3, DESIGN.md §5): one file per workspace plus an index, every
 * read validated, writes atomic + durable + debounced + serialized, damage set aside and
 * restored from a backup with a notice, newer files read-only, secrets sealed by a Cipher.
 * Main owns the disk: one store per data directory per process.
 */

/** Quiet time before a save reaches the disk: typing in a field is one write, not dozens. */
export const SAVE_DEBOUNCE_MS = 300;
/** A steady stream of edits is still written at least this often. */
export const SAVE_MAX_DELAY_MS = 2_000;
/** At most one backup per workspace per this interval (and one at the first save of a session). */
export const BACKUP_INTERVAL_MS = 10 * 60_000;
export const BACKUPS_KEPT = 10;

const INDEX_KEY = '\0index';

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

interface Held {
  workspace: Workspace;
  readOnly: boolean;
  /** The bytes on disk as last read or written: the content a backup preserves. */
  diskText: string | null;
  lastBackupAt: number | null;
  notSavedReported: string;
}

export async function openWorkspaceStore(
  options: WorkspaceStoreOptions,
): Promise<{ store: WorkspaceStore; notices: StoreNotice[] }> {
  const paths = storePaths(options.dataDir);
  const now = options.now ?? Date.now;
  const schema = options.schema ?? { version: CURRENT_SCHEMA_VERSION, migrations: MIGRATIONS };
  const backupIntervalMs = options.backupIntervalMs ?? BACKUP_INTERVAL_MS;
  const backupsKept = options.backupsKept ?? BACKUPS_KEPT;
  const retryDelaysMs = options.lockRetryDelaysMs ?? LOCK_RETRY_DELAYS_MS;
  const memory = new SecretMemory();
  const held = new Map<string, Held>();
  const loading = new Map<string, Promise<LoadedWorkspace>>();
  const listeners = new Set<(notice: StoreNotice) => void>();
  let allowUnprotected = options.allowUnprotectedSecrets ?? false;
  let entries: IndexEntry[] = [];
  /** An index written by a newer Eventscope is left as it is. */
  let indexReadOnly = false;
  let closed = false;

  const emit = (notices: StoreNotice[]): StoreNotice[] => {
    for (const notice of notices) for (const listener of listeners) listener(notice);
    return notices;
  };

  const write = (path: string, text: string) => writeFileDurable(path, text, { retryDelaysMs });

  const assertOpen = (): void => {
    if (closed) throw new StoreError('closed', 'the workspace store is closed');
  };

  const assertId = (id: string): void => {
    // The id becomes a file name: nothing else may reach the path.
    if (!ID_PATTERN.test(id)) throw new StoreError('invalid', 'not a valid workspace id');
  };

  const decode = (text: string, id: string | null): Promise<Decoded> =>
    decodeWorkspaceText(text, id, options.cipher, memory, schema);

  const upsertEntry = (workspace: Workspace): void => {
    const entry = { id: workspace.id, name: workspace.name, updatedAt: workspace.updatedAt };
    const index = entries.findIndex((e) => e.id === workspace.id);
    if (index === -1) entries.push(entry);
    else entries[index] = entry;
  };

  const dropEntry = (id: string): void => {
    entries = entries.filter((e) => e.id !== id);
  };

  async function moveAside(path: string, stem: string): Promise<string> {
    let at = now();
    for (;;) {
      const target = join(paths.dir, `${stem}.corrupt-${fileStamp(at)}.json`);
      if (!(await exists(target))) {
        await retryOnLock(() => rename(path, target), retryDelaysMs);
        await syncDir(paths.dir);
        return target;
      }
      at += 1;
    }
  }

  /** Sets the damaged file aside and restores the newest backup that decodes cleanly. */
  async function recover(id: string, reason: string): Promise<LoadedWorkspace> {
    const file = paths.workspace(id);
    const corruptFile = await moveAside(file, id);
    for (const backupFile of await listBackups(paths, id)) {
      const text = await readFile(backupFile, 'utf8').catch(() => null);
      if (text === null) continue;
      const decoded = await decode(text, id);
      if (decoded.type !== 'ok') continue;
      const restoredText =
        decoded.migratedFrom === null
          ? text
          : serializeWorkspaceFile(decoded.stored, schema.version);
      await write(file, restoredText);
      held.set(id, {
        workspace: decoded.workspace,
        readOnly: false,
        diskText: restoredText,
        lastBackupAt: null,
        notSavedReported: '',
      });
      upsertEntry(decoded.workspace);
      scheduler.schedule(INDEX_KEY);
      const notices: StoreNotice[] = [
        {
          type: 'restored-from-backup',
          workspaceId: id,
          corruptFile,
          backupFile,
          message: `Workspace "${decoded.workspace.name}" was damaged (${reason}). It was moved to ${basename(corruptFile)} and the backup ${basename(backupFile)} was restored; changes made after that backup are lost.`,
        },
        ...reentryNotices(id, decoded.reenter),
      ];
      return { workspace: structuredClone(decoded.workspace), readOnly: false, notices };
    }
    const workspaceName = entries.find((e) => e.id === id)?.name;
    dropEntry(id);
    const notice: StoreNotice = {
      type: 'unrecoverable',
      workspaceId: id,
      ...(workspaceName === undefined ? {} : { workspaceName }),
      corruptFile,
      message: `Workspace file ${id}.json was damaged (${reason}) and no good backup exists. It was moved to ${basename(corruptFile)} and kept for manual repair.`,
    };
    emit([notice]);
    scheduler.schedule(INDEX_KEY);
    throw new StoreError('unrecoverable', notice.message);
  }

  async function readFromDisk(id: string): Promise<LoadedWorkspace> {
    const file = paths.workspace(id);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new StoreError('not-found', `no workspace ${id}`);
      throw error;
    }
    const decoded = await decode(text, id);
    switch (decoded.type) {
      case 'corrupt':
        return recover(id, decoded.reason);
      case 'newer': {
        const notice: StoreNotice = {
          type: 'newer-version',
          workspaceId: id,
          fileVersion: decoded.schemaVersion,
          supportedVersion: schema.version,
          readable: decoded.workspace !== null,
          message: decoded.workspace
            ? `Workspace "${decoded.workspace.name}" was saved by a newer Eventscope (format ${decoded.schemaVersion}; this version reads up to ${schema.version}). It is open read-only and will not be changed; update Eventscope to edit it.`
            : `Workspace file ${id}.json was saved by a newer Eventscope (format ${decoded.schemaVersion}) and cannot be read by this version. It was left untouched; update Eventscope to open it.`,
        };
        if (!decoded.workspace) {
          emit([notice]);
          throw new StoreError('read-only', notice.message);
        }
        held.set(id, {
          workspace: decoded.workspace,
          readOnly: true,
          diskText: text,
          lastBackupAt: null,
          notSavedReported: '',
        });
        return {
          workspace: structuredClone(decoded.workspace),
          readOnly: true,
          notices: [notice, ...reentryNotices(id, decoded.reenter)],
        };
      }
      case 'ok': {
        const notices: StoreNotice[] = [];
        let diskText = text;
        if (decoded.migratedFrom !== null) {
          // The original bytes go to backups/ before the file is replaced (issue #5 §2).
          const backupFile = await writeBackup(paths, id, text, now());
          diskText = serializeWorkspaceFile(decoded.stored, schema.version);
          await write(file, diskText);
          notices.push({
            type: 'migrated',
            workspaceId: id,
            fromVersion: decoded.migratedFrom,
            toVersion: schema.version,
            backupFile,
            details: decoded.migrationNotes,
            message: [
              `Workspace "${decoded.workspace.name}" was updated from format ${decoded.migratedFrom} to ${schema.version}; the original is kept as ${basename(backupFile)}.`,
              ...decoded.migrationNotes,
            ].join(' '),
          });
        }
        held.set(id, {
          workspace: decoded.workspace,
          readOnly: false,
          diskText,
          lastBackupAt: null,
          notSavedReported: '',
        });
        notices.push(...reentryNotices(id, decoded.reenter));
        return { workspace: structuredClone(decoded.workspace), readOnly: false, notices };
      }
    }
  }

  async function writeWorkspace(id: string): Promise<void> {
    const current = held.get(id);
    if (!current || current.readOnly) return;
    const { stored, report } = await sealWorkspace(
      current.workspace,
      { cipher: options.cipher, allowUnprotected },
      memory,
    );
    const text = serializeWorkspaceFile(stored, schema.version);
    if (text === current.diskText) return;
    const at = now();
    if (
      current.diskText !== null &&
      (current.lastBackupAt === null || at - current.lastBackupAt >= backupIntervalMs)
    ) {
      await writeBackup(paths, id, current.diskText, at);
      await pruneBackups(paths, id, backupsKept);
      current.lastBackupAt = at;
    }
    await write(paths.workspace(id), text);
    current.diskText = text;
    const notSaved = report.notSaved.join('\n');
    if (notSaved !== '' && notSaved !== current.notSavedReported) {
      emit([
        {
          type: 'secrets-not-saved',
          workspaceId: id,
          fields: report.notSaved,
          message: `This system offers no protected storage for secrets, so ${report.notSaved.join(', ')} in "${current.workspace.name}" will be kept until Eventscope quits. Allow unprotected storage in the settings to keep them.`,
        },
      ]);
    }
    current.notSavedReported = notSaved;
  }

  async function writeIndex(): Promise<void> {
    if (indexReadOnly) return;
    await write(paths.index, serializeIndexFile(entries));
  }

  const scheduler: WriteScheduler = createWriteScheduler({
    debounceMs: options.saveDebounceMs ?? SAVE_DEBOUNCE_MS,
    maxDelayMs: options.saveMaxDelayMs ?? SAVE_MAX_DELAY_MS,
    now,
    run: (key) => (key === INDEX_KEY ? writeIndex() : writeWorkspace(key)),
    onBackgroundError: (key, error) => {
      const workspaceId = key === INDEX_KEY ? null : key;
      emit([{ type: 'write-failed', workspaceId, message: describeWriteError(key, error) }]);
    },
  });

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
      pending = readFromDisk(id)
        .then((result) => {
          emit(result.notices);
          return result;
        })
        .finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  }

  // --- open: directories, leftovers of crashed writes, the index --------------------------
  await ensurePrivateDir(paths.dir);
  await ensurePrivateDir(paths.backupsDir);
  await sweepStaleTempFiles(paths);
  // Loads during open report through listeners like any other; collect them for the caller.
  const openNotices: StoreNotice[] = [];
  const collect = (notice: StoreNotice): void => void openNotices.push(notice);
  listeners.add(collect);
  const index = await readIndex(paths, now, retryDelaysMs);
  indexReadOnly = index.type === 'newer';
  if (index.type === 'ok' || index.type === 'newer') entries = index.entries;
  const files = await workspaceFileIds(paths);
  let indexChanged = index.type !== 'ok';
  const before = entries.length;
  entries = entries.filter((e) => files.has(e.id));
  if (entries.length !== before) indexChanged = true;
  for (const id of files) {
    if (entries.some((e) => e.id === id)) continue;
    indexChanged = true;
    try {
      upsertEntry((await load(id)).workspace);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      // Reported through onNotice already; an unreadable newer file is still listed by id.
      if (error.code === 'read-only') entries.push({ id, name: id, updatedAt: '' });
    }
  }
  if (index.type === 'corrupt' || (index.type === 'missing' && files.size > 0)) {
    openNotices.push({
      type: 'index-rebuilt',
      reason: index.type === 'corrupt' ? index.reason : 'the index was missing',
      message:
        index.type === 'corrupt'
          ? `The workspace list was damaged (${index.reason}); it was moved to ${basename(index.movedTo)} and rebuilt from the workspace files.`
          : 'The workspace list was missing; it was rebuilt from the workspace files.',
    });
  }
  listeners.delete(collect);
  if (indexChanged && !indexReadOnly) await writeIndex();

  const store: WorkspaceStore = {
    dir: paths.dir,
    list: () => entries.map((e) => ({ ...e })),
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
      else {
        held.set(id, {
          workspace: saved,
          readOnly: false,
          diskText: null,
          lastBackupAt: null,
          notSavedReported: '',
        });
      }
      upsertEntry(saved);
      scheduler.schedule(id);
      scheduler.schedule(INDEX_KEY);
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
        await retryOnLock(() => rename(file, target), retryDelaysMs);
        await syncDir(paths.dir);
      }
      held.delete(id);
      memory.forget(slotKeys.workspace(id));
      dropEntry(id);
      scheduler.schedule(INDEX_KEY);
    },
    async flush(id) {
      if (id === undefined) return scheduler.flushAll();
      await scheduler.flush(id);
      await scheduler.flush(INDEX_KEY);
    },
    setAllowUnprotectedSecrets(allowed) {
      allowUnprotected = allowed;
      // Secrets kept for the session only can now be stored: write them.
      for (const [id, entry] of held) if (!entry.readOnly) scheduler.schedule(id);
    },
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
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

function reentryNotices(
  workspaceId: string,
  fields: Array<{ label: string; issue: 'decrypt-failed' | 'not-saved' }>,
): StoreNotice[] {
  if (fields.length === 0) return [];
  const labels = fields.map((f) => f.label).join(', ');
  return [
    {
      type: 'secrets-need-reentry',
      workspaceId,
      fields,
      message: fields.every((f) => f.issue === 'not-saved')
        ? `Secrets kept for the last session only must be entered again: ${labels}.`
        : `Some secrets could not be decrypted (the system keyring may have changed) and must be entered again: ${labels}. The encrypted values are kept until you do.`,
    },
  ];
}

function describeWriteError(key: string, error: unknown): string {
  const what = key === INDEX_KEY ? 'the workspace list' : `workspace ${key}`;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return `Saving ${what} failed${code ? ` (${code})` : ''}: ${detail}. Your changes are kept in memory and will be written on the next save.`;
}

type IndexRead =
  | { type: 'ok'; entries: IndexEntry[] }
  | { type: 'newer'; entries: IndexEntry[] }
  | { type: 'missing' }
  | { type: 'corrupt'; reason: string; movedTo: string };

async function readIndex(
  paths: StorePaths,
  now: () => number,
  retryDelaysMs: readonly number[],
): Promise<IndexRead> {
  let text: string;
  try {
    text = await readFile(paths.index, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { type: 'missing' };
    throw error;
  }
  let reason: string;
  try {
    const parsed = IndexFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const unique = parsed.data.workspaces.filter(
        (e, i, all) => all.findIndex((o) => o.id === e.id) === i,
      );
      return parsed.data.schemaVersion > INDEX_SCHEMA_VERSION
        ? { type: 'newer', entries: unique }
        : { type: 'ok', entries: unique };
    }
    reason = `schema check failed: ${describeIssues(parsed.error)}`;
  } catch {
    reason = text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON';
  }
  const movedTo = join(paths.dir, `index.corrupt-${fileStamp(now())}.json`);
  await retryOnLock(() => rename(paths.index, movedTo), retryDelaysMs);
  return { type: 'corrupt', reason, movedTo };
}

async function workspaceFileIds(paths: StorePaths): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of await readdir(paths.dir)) {
    const match = WORKSPACE_FILE.exec(name);
    // A reserved name (`INDEX.json` on a case-sensitive disk) is never a workspace: left alone.
    const id = match?.[1];
    if (id !== undefined && ID_PATTERN.test(id) && !isReservedWorkspaceId(id)) {
      ids.add(id);
    }
  }
  return ids;
}

/** Temp files of writes cut off by a crash (write-file-atomic names them `<file>.<number>`). */
async function sweepStaleTempFiles(paths: StorePaths): Promise<void> {
  for (const dir of [paths.dir, paths.backupsDir]) {
    for (const name of await readdir(dir)) {
      if (!STALE_TEMP_FILE.test(name)) continue;
      const path = join(dir, name);
      // Only files: a directory of that shape is not ours to delete.
      if ((await stat(path)).isFile()) await rm(path, { force: true });
    }
  }
}
