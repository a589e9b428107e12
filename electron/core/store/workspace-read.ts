import { readFile } from 'node:fs/promises';
import { writeBackup } from './backups';
import { errorCode } from './durable-write';
import { serializeWorkspaceFile } from './file-format';
import {
  migratedNotice,
  newerVersionNotice,
  reentryNotices,
  StoreError,
  type StoreNotice,
} from './notices';
import { decode, emit, hold, writeText, type StoreState } from './store-state';
import type { LoadedWorkspace } from './store-types';
import { recover } from './workspace-recovery';

/**
 * The first read of a workspace file in a session: validated, migrated after a backup of the
 * original bytes, held read-only when a newer Eventscope wrote it, recovered when damaged
 * (docs/architecture.md, the data directory).
 */
export async function readFromDisk(
  state: StoreState,
  id: string,
  scheduleIndex: () => void,
): Promise<LoadedWorkspace> {
  const file = state.paths.workspace(id);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new StoreError('not-found', `no workspace ${id}`);
    throw error;
  }
  const decoded = await decode(state, text, id);
  switch (decoded.type) {
    case 'corrupt':
      return recover(state, id, decoded.reason, scheduleIndex);
    case 'newer': {
      const notice = newerVersionNotice(
        id,
        decoded.workspace?.name ?? null,
        decoded.schemaVersion,
        state.schema.version,
      );
      if (!decoded.workspace) {
        emit(state, [notice]);
        throw new StoreError('read-only', notice.message);
      }
      hold(state, id, decoded.workspace, true, text);
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
        // The original bytes go to backups/ before the file is replaced.
        const backupFile = await writeBackup(state.paths, id, text, state.now());
        diskText = serializeWorkspaceFile(decoded.stored, state.schema.version);
        await writeText(state, file, diskText);
        notices.push(
          migratedNotice(
            id,
            decoded.workspace.name,
            decoded.migratedFrom,
            state.schema.version,
            backupFile,
            decoded.migrationNotes,
          ),
        );
      }
      hold(state, id, decoded.workspace, false, diskText);
      notices.push(...reentryNotices(id, decoded.reenter));
      return { workspace: structuredClone(decoded.workspace), readOnly: false, notices };
    }
  }
}
