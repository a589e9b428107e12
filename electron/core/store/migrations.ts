import { CURRENT_SCHEMA_VERSION } from './file-format';
import { inlineCaFiles } from './migrations/v1-inline-ca-files';
import { readRegularFile } from './safe-file-read';
import type { MigrationNote } from '../../../shared/migration-notes';

/**
 * Numbered migrations of the workspace file (README.md beside this file). Each one takes the `workspace`
 * object of a file at `from` and returns it at `from + 1`. They run on plain JSON, before
 * validation, because an old file does not match today's schema.
 *
 * Adding one: bump CURRENT_SCHEMA_VERSION, append here, and add `fixtures/v<from>.json` — a real
 * file of the old version. migrations.test.ts fails until that fixture exists and migrates to
 * a workspace today's schema accepts. The store backs the original file up before migrating.
 *
 * A step that must read a file does so only through `context.readFile` (a regular file, capped:
 * safe-file-read.ts), and says what it changed or dropped through `context.note`.
 */
export interface MigrationContext {
  readFile(path: string, maxBytes: number): Promise<Buffer>;
  /** What changed or was dropped, added to the "migrated" notice (a code the page words). */
  note(note: MigrationNote): void;
}

export interface Migration {
  from: number;
  /** One line, shown in the "migrated" notice and the log. */
  description: string;
  migrate(workspace: unknown, context: MigrationContext): unknown;
}

/**
 * 2 → 3: environments. A workspace holds named variable sets and one active environment; the
 * variables a version-1 workspace had stay where they were, as its workspace-level variables
 * (they apply whatever environment is active), and no environment is active.
 */
const addEnvironments: Migration = {
  from: 2,
  description: 'workspaces gain environments; existing variables stay workspace-wide',
  migrate(workspace) {
    if (typeof workspace !== 'object' || workspace === null || Array.isArray(workspace)) {
      throw new Error('the workspace is not an object');
    }
    return { ...workspace, environments: [], activeEnvironmentId: null };
  },
};

export const MIGRATIONS: readonly Migration[] = [inlineCaFiles, addEnvironments];

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies `from` → `target`, one step at a time; rejects when a step is missing or fails. */
export async function migrateWorkspace(
  workspace: unknown,
  from: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
  context: MigrationContext = { readFile: readRegularFile, note: () => undefined },
): Promise<unknown> {
  let current = workspace;
  for (let version = from; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new MigrationError(`no migration from schema version ${version}`);
    try {
      current = await step.migrate(current, context);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`migration from schema version ${version} failed: ${why}`);
    }
  }
  return current;
}
