import { readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues } from '../../../shared/validation';
import { ID_PATTERN, isReservedWorkspaceId } from '../../../shared/model/workspace';
import { ensurePrivateDir, errorCode, retryOnLock } from './durable-write';
import { INDEX_SCHEMA_VERSION, IndexFileSchema, type IndexEntry } from './file-format';
import { indexRebuiltNotice, StoreError, type StoreNotice } from './notices';
import { fileStamp, STALE_TEMP_FILE, WORKSPACE_FILE, type StorePaths } from './paths';
import { upsertEntry, type StoreState } from './store-state';
import type { LoadedWorkspace } from './store-types';
import { writeIndex } from './workspace-writes';

/**
 * Opening a store (docs/architecture.md, the data directory): the directories, the leftovers
 * of writes cut off by a crash, and the index reconciled with the workspace files on disk.
 */
export async function openStoreFiles(
  state: StoreState,
  load: (id: string) => Promise<LoadedWorkspace>,
): Promise<StoreNotice[]> {
  const { paths } = state;
  await ensurePrivateDir(paths.dir);
  await ensurePrivateDir(paths.backupsDir);
  await sweepStaleTempFiles(paths);
  // Loads during open report through listeners like any other; collect them for the caller.
  const openNotices: StoreNotice[] = [];
  const collect = (notice: StoreNotice): void => void openNotices.push(notice);
  state.listeners.add(collect);
  const index = await readIndex(paths, state.now, state.retryDelaysMs);
  state.indexReadOnly = index.type === 'newer';
  if (index.type === 'ok' || index.type === 'newer') state.entries = index.entries;
  const files = await workspaceFileIds(paths);
  let indexChanged = index.type !== 'ok';
  const before = state.entries.length;
  state.entries = state.entries.filter((e) => files.has(e.id));
  if (state.entries.length !== before) indexChanged = true;
  for (const id of files) {
    if (state.entries.some((e) => e.id === id)) continue;
    indexChanged = true;
    try {
      upsertEntry(state, (await load(id)).workspace);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      // Reported through onNotice already; an unreadable newer file is still listed by id.
      if (error.code === 'read-only') state.entries.push({ id, name: id, updatedAt: '' });
    }
  }
  if (index.type === 'corrupt' || (index.type === 'missing' && files.size > 0)) {
    openNotices.push(indexRebuiltNotice(index.type === 'corrupt' ? index : null));
  }
  state.listeners.delete(collect);
  if (indexChanged && !state.indexReadOnly) await writeIndex(state);
  return openNotices;
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
