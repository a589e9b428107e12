import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, listBackups } from './backups';
import { retryOnLock, syncDir } from './durable-write';
import { serializeWorkspaceFile } from './file-format';
import {
  reentryNotices,
  restoredFromBackupNotice,
  StoreError,
  unrecoverableNotice,
  type StoreNotice,
} from './notices';
import { fileStamp } from './paths';
import {
  decode,
  dropEntry,
  emit,
  hold,
  upsertEntry,
  writeText,
  type StoreState,
} from './store-state';
import type { LoadedWorkspace } from './store-types';

/**
 * A damaged workspace file (docs/architecture.md, the data directory): it is set aside, never
 * deleted, and the newest backup that decodes cleanly takes its place — with a notice either way.
 */

/** Moves `path` to `<stem>.corrupt-<time>.json` beside it (a free name) and returns the target. */
async function moveAside(state: StoreState, path: string, stem: string): Promise<string> {
  let at = state.now();
  for (;;) {
    const target = join(state.paths.dir, `${stem}.corrupt-${fileStamp(at)}.json`);
    if (!(await exists(target))) {
      await retryOnLock(() => rename(path, target), state.retryDelaysMs);
      await syncDir(state.paths.dir);
      return target;
    }
    at += 1;
  }
}

/**
 * Sets the damaged file aside and restores the newest backup that decodes cleanly; with none,
 * drops it from the index and rejects with StoreError 'unrecoverable'.
 */
export async function recover(
  state: StoreState,
  id: string,
  reason: string,
  scheduleIndex: () => void,
): Promise<LoadedWorkspace> {
  const file = state.paths.workspace(id);
  const corruptFile = await moveAside(state, file, id);
  for (const backupFile of await listBackups(state.paths, id)) {
    const text = await readFile(backupFile, 'utf8').catch(() => null);
    if (text === null) continue;
    const decoded = await decode(state, text, id);
    if (decoded.type !== 'ok') continue;
    const restoredText =
      decoded.migratedFrom === null
        ? text
        : serializeWorkspaceFile(decoded.stored, state.schema.version);
    await writeText(state, file, restoredText);
    hold(state, id, decoded.workspace, false, restoredText);
    upsertEntry(state, decoded.workspace);
    scheduleIndex();
    const notices: StoreNotice[] = [
      restoredFromBackupNotice(id, decoded.workspace.name, reason, corruptFile, backupFile),
      ...reentryNotices(id, decoded.reenter),
    ];
    return { workspace: structuredClone(decoded.workspace), readOnly: false, notices };
  }
  // Its name in the list, kept for the notice: the damaged file no longer tells it.
  const workspaceName = state.entries.find((e) => e.id === id)?.name;
  dropEntry(state, id);
  const notice = unrecoverableNotice(id, reason, corruptFile, workspaceName);
  emit(state, [notice]);
  scheduleIndex();
  throw new StoreError('unrecoverable', notice.message);
}
