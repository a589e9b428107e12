import { describeIssues } from '../../../shared/validation';
import { readFile } from 'node:fs/promises';
import type { SecretIssue, Workspace } from '../../../shared/model/workspace';
import { WorkspaceSchema } from '../../../shared/model/workspace';
import {
  CURRENT_SCHEMA_VERSION,
  classifyWorkspaceText,
  validateStored,
  type StoredWorkspace,
} from './file-format';
import { MIGRATIONS, MigrationError, migrateWorkspace, type Migration } from './migrations';
import { SecretMemory, unsealWorkspace } from './sealing';
import { readRegularFile } from './safe-file-read';
import type { Cipher } from './secrets';
import type { MigrationNote } from '../../../shared/migration-notes';

/**
 * Bytes of a workspace file → a validated Workspace, or why not. Shared by the store (for the
 * main file and each backup) and by read-only readers such as the CLI. Writes nothing.
 */

export interface SchemaSettings {
  version: number;
  migrations: readonly Migration[];
}

export type Decoded =
  | {
      type: 'ok';
      workspace: Workspace;
      stored: StoredWorkspace;
      reenter: Array<{ label: string; issue: SecretIssue }>;
      /** The file's version when it was older and has been migrated in memory; else null. */
      migratedFrom: number | null;
      /** What the migrations changed or dropped, for the user (empty when not migrated). */
      migrationNotes: MigrationNote[];
    }
  | {
      type: 'newer';
      schemaVersion: number;
      /** What could be read of it with today's schema, or null. */
      workspace: Workspace | null;
      reenter: Array<{ label: string; issue: SecretIssue }>;
    }
  | { type: 'corrupt'; reason: string };

export async function decodeWorkspaceText(
  text: string,
  expectedId: string | null,
  cipher: Cipher,
  memory: SecretMemory,
  schema: SchemaSettings,
): Promise<Decoded> {
  const classified = classifyWorkspaceText(text, schema.version);
  switch (classified.type) {
    case 'corrupt':
      return classified;
    case 'newer': {
      if (!classified.workspace) {
        return {
          type: 'newer',
          schemaVersion: classified.schemaVersion,
          workspace: null,
          reenter: [],
        };
      }
      const opened = await openStored(classified.workspace, expectedId, cipher, memory);
      return opened.type === 'ok'
        ? {
            type: 'newer',
            schemaVersion: classified.schemaVersion,
            workspace: opened.workspace,
            reenter: opened.reenter,
          }
        : { type: 'newer', schemaVersion: classified.schemaVersion, workspace: null, reenter: [] };
    }
    case 'older': {
      let migrated: unknown;
      const migrationNotes: MigrationNote[] = [];
      try {
        migrated = await migrateWorkspace(
          classified.raw,
          classified.schemaVersion,
          schema.migrations,
          schema.version,
          { readFile: readRegularFile, note: (note) => migrationNotes.push(note) },
        );
      } catch (error) {
        if (error instanceof MigrationError) return { type: 'corrupt', reason: error.message };
        throw error;
      }
      const valid = validateStored(migrated);
      if (valid.type !== 'current') {
        return valid.type === 'corrupt'
          ? {
              type: 'corrupt',
              reason: `after migrating from version ${classified.schemaVersion}: ${valid.reason}`,
            }
          : { type: 'corrupt', reason: 'migration produced an unexpected result' };
      }
      const opened = await openStored(valid.workspace, expectedId, cipher, memory);
      return opened.type === 'ok'
        ? { ...opened, migratedFrom: classified.schemaVersion, migrationNotes }
        : opened;
    }
    case 'current': {
      const opened = await openStored(classified.workspace, expectedId, cipher, memory);
      return opened.type === 'ok' ? { ...opened, migratedFrom: null, migrationNotes: [] } : opened;
    }
  }
}

async function openStored(
  stored: StoredWorkspace,
  expectedId: string | null,
  cipher: Cipher,
  memory: SecretMemory,
): Promise<
  | {
      type: 'ok';
      workspace: Workspace;
      stored: StoredWorkspace;
      reenter: Array<{ label: string; issue: SecretIssue }>;
    }
  | { type: 'corrupt'; reason: string }
> {
  if (expectedId !== null && stored.id !== expectedId) {
    return { type: 'corrupt', reason: 'the workspace id inside does not match the file name' };
  }
  const { workspace, report } = await unsealWorkspace(stored, cipher, memory);
  const valid = WorkspaceSchema.safeParse(workspace);
  if (!valid.success) {
    return { type: 'corrupt', reason: `schema check failed: ${describeIssues(valid.error)}` };
  }
  return { type: 'ok', workspace: valid.data, stored, reenter: report.reenter };
}

export type ReadWorkspaceResult =
  | {
      type: 'ok';
      workspace: Workspace;
      readOnly: boolean;
      reenter: Array<{ label: string; issue: SecretIssue }>;
    }
  | { type: 'unreadable'; reason: string };

/**
 * Reads a workspace file anywhere (the CLI's `--workspace FILE`) without changing anything on
 * disk: an older file is migrated in memory only, a damaged one is reported, not repaired —
 * repair and backups belong to the store that owns the data directory.
 */
export async function readWorkspaceFile(
  path: string,
  cipher: Cipher,
  schema: SchemaSettings = { version: CURRENT_SCHEMA_VERSION, migrations: MIGRATIONS },
): Promise<ReadWorkspaceResult> {
  const text = await readFile(path, 'utf8');
  const decoded = await decodeWorkspaceText(text, null, cipher, new SecretMemory(), schema);
  switch (decoded.type) {
    case 'ok':
      return {
        type: 'ok',
        workspace: decoded.workspace,
        readOnly: false,
        reenter: decoded.reenter,
      };
    case 'newer':
      return decoded.workspace
        ? { type: 'ok', workspace: decoded.workspace, readOnly: true, reenter: decoded.reenter }
        : {
            type: 'unreadable',
            reason: `saved by a newer Eventscope (format ${decoded.schemaVersion})`,
          };
    case 'corrupt':
      return { type: 'unreadable', reason: decoded.reason };
  }
}
