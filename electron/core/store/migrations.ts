import { CURRENT_SCHEMA_VERSION } from './file-format';

/**
 * Numbered migrations of the workspace file (issue #5 §2). Each one takes the `workspace`
 * object of a file at `from` and returns it at `from + 1`. They run on plain JSON, before
 * validation, because an old file does not match today's schema.
 *
 * Adding one: bump CURRENT_SCHEMA_VERSION, append here, and add `fixtures/v<from>.json` — a real
 * file of the old version. migrations.test.ts fails until that fixture exists and migrates to
 * a workspace today's schema accepts. The store backs the original file up before migrating.
 *
 * Version 1 is the first released format.
 */
export interface Migration {
  from: number;
  /** One line, shown in the "migrated" notice and the log. */
  description: string;
  migrate(workspace: unknown): unknown;
}

/**
 * 1 → 2: environments. A workspace holds named variable sets and one active environment; the
 * variables a version-1 workspace had stay where they were, as its workspace-level variables
 * (they apply whatever environment is active), and no environment is active.
 */
const addEnvironments: Migration = {
  from: 1,
  description: 'workspaces gain environments; existing variables stay workspace-wide',
  migrate(workspace) {
    if (typeof workspace !== 'object' || workspace === null || Array.isArray(workspace)) {
      throw new Error('the workspace is not an object');
    }
    return { ...workspace, environments: [], activeEnvironmentId: null };
  },
};

export const MIGRATIONS: readonly Migration[] = [addEnvironments];

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies `from` → `target`, one step at a time; throws when a step is missing or fails. */
export function migrateWorkspace(
  workspace: unknown,
  from: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): unknown {
  let current = workspace;
  for (let version = from; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new MigrationError(`no migration from schema version ${version}`);
    try {
      current = step.migrate(current);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`migration from schema version ${version} failed: ${why}`);
    }
  }
  return current;
}
