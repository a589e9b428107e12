import { basename } from 'node:path';
import type { NoticeParams } from '../../../shared/api/notifications';
import type { SecretIssue } from '../../../shared/model/workspace';
import { damageReasonCode } from './damage-reason';

/**
 * What the store tells the user (issue #5 §2-3): recoveries, migrations, read-only files and
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
