import { openWorkspaceStore, StoreError } from '../../../electron/core/store';
import { createTestCipher } from './test-cipher';
import { CRASH_WORKSPACE_ID, crashVersion, versionOf } from './test-store';

/**
 * The child process of electron/core/store/crash.test.ts: saves one workspace in a loop as fast as it can, printing
 * `saved <n>` after each write is durable, until the parent kills it with SIGKILL.
 * Run as: node --import tsx crash-writer.ts <dataDir>
 */

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-writer.ts <dataDir>');
  const { store } = await openWorkspaceStore({
    dataDir,
    cipher: createTestCipher(),
    saveDebounceMs: 0,
    saveMaxDelayMs: 0,
    // A backup on every write, so kills also land in backup writes and pruning.
    backupIntervalMs: 0,
    backupsKept: 3,
  });
  let version = 0;
  try {
    version = versionOf((await store.load(CRASH_WORKSPACE_ID)).workspace);
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'not-found')) throw error;
  }
  process.stdout.write(`ready ${version}\n`);
  for (;;) {
    version += 1;
    await store.save(crashVersion(version));
    await store.flush(CRASH_WORKSPACE_ID);
    process.stdout.write(`saved ${version}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
