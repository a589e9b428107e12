/**
 * What a workspace-file migration changed or dropped (electron/core/store/migrations.ts), as a
 * code and params the page words in its own language; `message` is the English for the CLI
 * and logs. They travel in the `store.migrated` notice as its `detailCodes` param (notice
 * params are flat, so the list is JSON text).
 */
export const MIGRATION_NOTE_CODES = ['ca-file-inlined', 'ca-file-removed'] as const;
export type MigrationNoteCode = (typeof MIGRATION_NOTE_CODES)[number];

/** Why a CA file named by an old workspace could not be kept. */
export const CA_FILE_CAUSES = [
  'not-found',
  'not-regular-file',
  'too-large',
  'unreadable',
  'no-certificate',
] as const;
export type CaFileCause = (typeof CA_FILE_CAUSES)[number];

export interface MigrationNote {
  code: MigrationNoteCode;
  /** `endpoint` (its name), `file` (the path the old workspace named), `cause` for a removal. */
  params: Record<string, string | number>;
  message: string;
}

/** The notes as the notice's `detailCodes` param carries them. */
export function encodeMigrationNotes(notes: readonly MigrationNote[]): string {
  return JSON.stringify(notes.map(({ code, params }) => ({ code, params })));
}

/** Back from the param; null when it is not such a list (the page keeps the English then). */
export function decodeMigrationNotes(
  text: string,
): Array<Pick<MigrationNote, 'code' | 'params'>> | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return null;
    const notes = value.filter(
      (n): n is Pick<MigrationNote, 'code' | 'params'> =>
        typeof n === 'object' &&
        n !== null &&
        typeof (n as { code?: unknown }).code === 'string' &&
        typeof (n as { params?: unknown }).params === 'object' &&
        (n as { params?: unknown }).params !== null,
    );
    return notes.length === value.length ? notes : null;
  } catch {
    return null;
  }
}
