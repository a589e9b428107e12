import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storePaths } from './paths';
import {
  openTestStore,
  sampleWorkspace,
  tempDataDir,
} from '../../../tests/support/store/test-store';

/**
 * A real locked file, as Windows antivirus makes one: on Linux, root can mark a file immutable
 * (`chattr +i`), and renaming over it then fails with EPERM. Runs where that is possible.
 */
function chattr(flag: '+i' | '-i', path: string): boolean {
  return spawnSync('chattr', [flag, path], { stdio: 'ignore' }).status === 0;
}

function canLockFiles(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-chattr-'));
  const file = join(dir, 'probe');
  writeFileSync(file, '');
  const ok = chattr('+i', file);
  if (ok) chattr('-i', file);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

const LOCKABLE = canLockFiles();

let data: ReturnType<typeof tempDataDir>;
let locked: string[] = [];
beforeEach(() => {
  data = tempDataDir();
  locked = [];
});
afterEach(() => {
  locked.forEach((file) => chattr('-i', file));
  data.cleanup();
});

async function savedAndLocked(options: Parameters<typeof openTestStore>[1]) {
  const opened = await openTestStore(data.dir, options);
  await opened.store.save({ ...sampleWorkspace(), name: 'before' });
  await opened.store.flush();
  const file = storePaths(data.dir).workspace('id-1');
  expect(chattr('+i', file)).toBe(true);
  locked.push(file);
  await opened.store.save({ ...sampleWorkspace(), name: 'after' });
  return { ...opened, file };
}

const nameIn = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { workspace: { name: string } }).workspace.name;

describe.runIf(LOCKABLE)('writing a locked file', () => {
  it('retries with backoff until the lock is gone, then writes', async () => {
    const { store, file } = await savedAndLocked({
      lockRetryDelaysMs: [20, 50, 100, 200, 400, 800, 1600],
    });
    const flushed = store.flush('id-1');
    await sleep(150);
    expect(nameIn(file)).toBe('before');
    chattr('-i', file);
    await flushed;
    expect(nameIn(file)).toBe('after');
    await store.close();
  });

  it('gives up after the last retry, reports EPERM and keeps the change for later', async () => {
    const { store, file } = await savedAndLocked({ lockRetryDelaysMs: [1, 1] });
    await expect(store.flush('id-1')).rejects.toMatchObject({ code: 'EPERM' });
    expect(nameIn(file)).toBe('before');
    chattr('-i', file);
    await store.close();
    expect(nameIn(file)).toBe('after');
  });
});
