import { pruneBackups, writeBackup } from './backups';
import { errorCode } from './durable-write';
import { serializeIndexFile, serializeWorkspaceFile } from './file-format';
import { secretsNotSavedNotice, writeFailedNotice } from './notices';
import { sealWorkspace } from './sealing';
import { emit, INDEX_KEY, writeText, type StoreState } from './store-state';
import { createWriteScheduler, type WriteScheduler } from './write-scheduler';

/**
 * Writes of one store: every workspace and the index through one scheduler (debounced,
 * serialized per file), a backup of what was on disk at most once per interval, failures of
 * background writes reported as notices (docs/architecture.md, the data directory).
 */

export interface WriteSettings {
  debounceMs: number;
  maxDelayMs: number;
  backupIntervalMs: number;
  backupsKept: number;
}

async function writeWorkspace(
  state: StoreState,
  id: string,
  settings: WriteSettings,
): Promise<void> {
  const current = state.held.get(id);
  if (!current || current.readOnly) return;
  const { stored, report } = await sealWorkspace(
    current.workspace,
    { cipher: state.cipher, allowUnprotected: state.allowUnprotected },
    state.memory,
  );
  const text = serializeWorkspaceFile(stored, state.schema.version);
  if (text === current.diskText) return;
  const at = state.now();
  if (
    current.diskText !== null &&
    (current.lastBackupAt === null || at - current.lastBackupAt >= settings.backupIntervalMs)
  ) {
    await writeBackup(state.paths, id, current.diskText, at);
    await pruneBackups(state.paths, id, settings.backupsKept);
    current.lastBackupAt = at;
  }
  await writeText(state, state.paths.workspace(id), text);
  current.diskText = text;
  const notSaved = report.notSaved.join('\n');
  if (notSaved !== '' && notSaved !== current.notSavedReported) {
    emit(state, [secretsNotSavedNotice(id, current.workspace.name, report.notSaved)]);
  }
  current.notSavedReported = notSaved;
}

/** Writes the index as it is in memory, unless a newer Eventscope wrote the one on disk. */
export async function writeIndex(state: StoreState): Promise<void> {
  if (state.indexReadOnly) return;
  await writeText(state, state.paths.index, serializeIndexFile(state.entries));
}

/** The scheduler behind saves: key INDEX_KEY writes the index, any other key that workspace. */
export function createStoreWrites(state: StoreState, settings: WriteSettings): WriteScheduler {
  return createWriteScheduler({
    debounceMs: settings.debounceMs,
    maxDelayMs: settings.maxDelayMs,
    now: state.now,
    run: (key) => (key === INDEX_KEY ? writeIndex(state) : writeWorkspace(state, key, settings)),
    onBackgroundError: (key, error) => {
      const workspaceId = key === INDEX_KEY ? null : key;
      emit(state, [writeFailedNotice(workspaceId, errorCode(error), error)]);
    },
  });
}
