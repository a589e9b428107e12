import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Notice } from '../../shared/api/notifications';
import type { ImportNote } from '../../shared/import-notes';
import { CommandError, type AppError } from '../../shared/result';

/** An exported workspace is a few hundred kilobytes at most; refuse anything absurd. */
export const OPENED_FILE_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Files handed to the app by the OS (file association, `Eventscope file.json`, a second
 * launch): the `.json` arguments. Chromium and Electron switches (`--…`) are not files.
 */
export function workspaceFilesIn(args: readonly string[], cwd: string): string[] {
  return args
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.json'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

export type OpenedFileOutcome =
  | {
      type: 'imported';
      path: string;
      workspaceName: string;
      warnings: string[];
      /** The same as codes, for the page to word (absent: only the English is known). */
      notes?: ImportNote[];
    }
  | {
      type: 'failed';
      path: string;
      message: string;
      /** Why, for the page to word (absent: only the English is known). */
      detail?: Pick<AppError, 'reason' | 'params'>;
    };

export interface ImportTarget {
  importText(
    text: string,
  ): Promise<{ workspace: { name: string }; warnings: string[]; notes?: ImportNote[] }>;
}

/** Imports one opened file as a new workspace; a bad file is reported and nothing is lost. */
export async function importOpenedFile(
  path: string,
  target: ImportTarget,
): Promise<OpenedFileOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { type: 'failed', path, message: 'It is not a file.' };
    if (info.size > OPENED_FILE_MAX_BYTES)
      return { type: 'failed', path, message: 'It is too large to be a workspace file.' };
    const result = await target.importText(await readFile(path, 'utf8'));
    return {
      type: 'imported',
      path,
      workspaceName: result.workspace.name,
      warnings: result.warnings,
      ...(result.notes ? { notes: result.notes } : {}),
    };
  } catch (error) {
    return {
      type: 'failed',
      path,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof CommandError && error.detail ? { detail: error.detail } : {}),
    };
  }
}

export function describeOutcome(outcome: OpenedFileOutcome): Omit<Notice, 'at'> {
  if (outcome.type === 'failed')
    return {
      level: 'error',
      code: 'import.failed',
      params: {
        path: outcome.path,
        error: outcome.message,
        // Notice params are flat: the reason's own params travel as JSON text.
        ...(outcome.detail?.reason
          ? {
              errorReason: outcome.detail.reason,
              errorParams: JSON.stringify(outcome.detail.params ?? {}),
            }
          : {}),
      },
      message: `Could not import ${outcome.path}: ${outcome.message}`,
    };
  const warnings = outcome.warnings.length > 0 ? ` (${outcome.warnings.join('; ')})` : '';
  return {
    level: outcome.warnings.length > 0 ? 'warning' : 'info',
    code: outcome.warnings.length > 0 ? 'import.done-with-warnings' : 'import.done',
    params: {
      name: outcome.workspaceName,
      path: outcome.path,
      warnings: outcome.warnings.join('; '),
      ...(outcome.notes
        ? { notes: JSON.stringify(outcome.notes.map(({ code, params }) => ({ code, params }))) }
        : {}),
    },
    message: `Imported “${outcome.workspaceName}” from ${outcome.path}${warnings}`,
  };
}
