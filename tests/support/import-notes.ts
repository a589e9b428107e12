import type { ImportNote } from '../../shared/import-notes';

/** The English sentences of import notes, as the CLI prints them. */
export function messages(notes: readonly ImportNote[]): string[] {
  return notes.map((note) => note.message);
}
