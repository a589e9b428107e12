import { basename } from 'node:path';
import type { NoticeParams } from '../../../shared/api/notifications';
import type { SecretIssue } from '../../../shared/model/workspace';
import { damageReasonCode } from './damage-reason';
import { encodeMigrationNotes, type MigrationNote } from '../../../shared/migration-notes';

/**
 * What the store tells the user: recoveries, migrations, read-only files and
 * secrets to re-enter are never silent. Returned by the call that caused them and emitted to
 * `onNotice` listeners (background writes have no caller). Messages name files and fields,
 * never secret values.
 */
export type StoreNotice =
  | {
      type: 'restored-from-backup';
      workspaceId: string;
      /** Where the damaged file was moved. */
      corruptFile: string;
      backupFile: string;
      message: string;
    }
  | {
      type: 'unrecoverable';
      workspaceId: string;
      /** Its name in the list before it was dropped from it (the file no longer tells). */
      workspaceName?: string;
      corruptFile: string;
      message: string;
    }
  | {
      type: 'migrated';
      workspaceId: string;
      fromVersion: number;
      toVersion: number;
      backupFile: string;
      /** What the migration changed or dropped (each also in `message`). */
      details: string[];
      /** The same as codes and params, for the page to word in its language. */
      notes?: MigrationNote[];
      message: string;
    }
  | {
      type: 'newer-version';
      workspaceId: string;
      fileVersion: number;
      supportedVersion: number;
      /** false: not even its known fields could be read; it is listed but cannot be opened. */
      readable: boolean;
      message: string;
    }
  | {
      type: 'secrets-need-reentry';
      workspaceId: string;
      fields: Array<{ label: string; issue: SecretIssue }>;
      message: string;
    }
  | { type: 'secrets-not-saved'; workspaceId: string; fields: string[]; message: string }
  | { type: 'index-rebuilt'; reason: string; message: string }
  | { type: 'write-failed'; workspaceId: string | null; message: string };

export type StoreErrorCode =
  'not-found' | 'invalid' | 'read-only' | 'unrecoverable' | 'closed' | 'io';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The name the user gave a workspace, looked up in the store's list by id. */
export type WorkspaceNameOf = (workspaceId: string) => string | undefined;

/**
 * The stable code and parameters of a store notice, so the page can say it in the user's
 * language (shared/api/notifications.ts); files are named by their base name, as in `message`.
 * A notice about one workspace also carries `workspace`: its name as the user knows it (the id
 * when the list has no name for it, e.g. a file too damaged to read one from).
 */
export function storeNoticeCode(
  notice: StoreNotice,
  nameOf: WorkspaceNameOf = () => undefined,
): { code: string; params: NoticeParams } {
  const { code, params } = storeNoticeParams(notice);
  const id = 'workspaceId' in notice ? notice.workspaceId : null;
  if (id === null || id === '') return { code, params };
  const known = 'workspaceName' in notice ? notice.workspaceName : undefined;
  return { code, params: { ...params, workspace: known ?? nameOf(id) ?? id } };
}

function storeNoticeParams(notice: StoreNotice): { code: string; params: NoticeParams } {
  const code = `store.${notice.type}`;
  switch (notice.type) {
    case 'restored-from-backup':
      return {
        code,
        params: {
          workspaceId: notice.workspaceId,
          corruptFile: basename(notice.corruptFile),
          backupFile: basename(notice.backupFile),
        },
      };
    case 'unrecoverable':
      return {
        code,
        params: { workspaceId: notice.workspaceId, corruptFile: basename(notice.corruptFile) },
      };
    case 'migrated':
      return {
        code,
        params: {
          workspaceId: notice.workspaceId,
          fromVersion: notice.fromVersion,
          toVersion: notice.toVersion,
          backupFile: basename(notice.backupFile),
          details: notice.details.join(' '),
          ...(notice.notes ? { detailCodes: encodeMigrationNotes(notice.notes) } : {}),
        },
      };
    case 'newer-version':
      return {
        code,
        params: {
          workspaceId: notice.workspaceId,
          fileVersion: notice.fileVersion,
          supportedVersion: notice.supportedVersion,
        },
      };
    case 'secrets-need-reentry':
      return {
        code,
        params: {
          workspaceId: notice.workspaceId,
          fields: notice.fields.map((field) => field.label).join(', '),
        },
      };
    case 'secrets-not-saved':
      return {
        code,
        params: { workspaceId: notice.workspaceId, fields: notice.fields.join(', ') },
      };
    case 'index-rebuilt':
      return {
        code,
        params: { reason: notice.reason, reasonCode: damageReasonCode(notice.reason) },
      };
    case 'write-failed':
      return { code, params: { workspaceId: notice.workspaceId ?? '' } };
  }
}

// --- The notices the store raises, with their English `message` -------------------------------

export function restoredFromBackupNotice(
  workspaceId: string,
  name: string,
  reason: string,
  corruptFile: string,
  backupFile: string,
): StoreNotice {
  return {
    type: 'restored-from-backup',
    workspaceId,
    corruptFile,
    backupFile,
    message: `Workspace "${name}" was damaged (${reason}). It was moved to ${basename(corruptFile)} and the backup ${basename(backupFile)} was restored; changes made after that backup are lost.`,
  };
}

export function unrecoverableNotice(
  workspaceId: string,
  reason: string,
  corruptFile: string,
  workspaceName?: string,
): StoreNotice {
  return {
    type: 'unrecoverable',
    workspaceId,
    ...(workspaceName === undefined ? {} : { workspaceName }),
    corruptFile,
    message: `Workspace file ${workspaceId}.json was damaged (${reason}) and no good backup exists. It was moved to ${basename(corruptFile)} and kept for manual repair.`,
  };
}

/** `name` is null when not even the known fields of the newer file could be read. */
export function newerVersionNotice(
  workspaceId: string,
  name: string | null,
  fileVersion: number,
  supportedVersion: number,
): StoreNotice {
  return {
    type: 'newer-version',
    workspaceId,
    fileVersion,
    supportedVersion,
    readable: name !== null,
    message:
      name !== null
        ? `Workspace "${name}" was saved by a newer Eventscope (format ${fileVersion}; this version reads up to ${supportedVersion}). It is open read-only and will not be changed; update Eventscope to edit it.`
        : `Workspace file ${workspaceId}.json was saved by a newer Eventscope (format ${fileVersion}) and cannot be read by this version. It was left untouched; update Eventscope to open it.`,
  };
}

export function migratedNotice(
  workspaceId: string,
  name: string,
  fromVersion: number,
  toVersion: number,
  backupFile: string,
  notes: MigrationNote[],
): StoreNotice {
  const details = notes.map((note) => note.message);
  return {
    type: 'migrated',
    workspaceId,
    fromVersion,
    toVersion,
    backupFile,
    details,
    notes,
    message: [
      `Workspace "${name}" was updated from format ${fromVersion} to ${toVersion}; the original is kept as ${basename(backupFile)}.`,
      ...details,
    ].join(' '),
  };
}

export function reentryNotices(
  workspaceId: string,
  fields: Array<{ label: string; issue: SecretIssue }>,
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

export function secretsNotSavedNotice(
  workspaceId: string,
  name: string,
  fields: string[],
): StoreNotice {
  return {
    type: 'secrets-not-saved',
    workspaceId,
    fields,
    message: `This system offers no protected storage for secrets, so ${fields.join(', ')} in "${name}" will be kept until Eventscope quits. Allow unprotected storage in the settings to keep them.`,
  };
}

/** `corrupt` names where the damaged index went; null when the index was missing. */
export function indexRebuiltNotice(
  corrupt: { reason: string; movedTo: string } | null,
): StoreNotice {
  return {
    type: 'index-rebuilt',
    reason: corrupt === null ? 'the index was missing' : corrupt.reason,
    message:
      corrupt !== null
        ? `The workspace list was damaged (${corrupt.reason}); it was moved to ${basename(corrupt.movedTo)} and rebuilt from the workspace files.`
        : 'The workspace list was missing; it was rebuilt from the workspace files.',
  };
}

/** `workspaceId` null: the index failed to write. */
export function writeFailedNotice(
  workspaceId: string | null,
  errorCode: string | undefined,
  error: unknown,
): StoreNotice {
  const what = workspaceId === null ? 'the workspace list' : `workspace ${workspaceId}`;
  const detail = error instanceof Error ? error.message : String(error);
  return {
    type: 'write-failed',
    workspaceId,
    message: `Saving ${what} failed${errorCode ? ` (${errorCode})` : ''}: ${detail}. Your changes are kept in memory and will be written on the next save.`,
  };
}
