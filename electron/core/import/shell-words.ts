import { importNote, type ImportNote } from '../../../shared/import-notes';
import { VARIABLE_NAME_PATTERN } from '../../../shared/model/workspace';

/**
 * What the shell tokenizers (bash-words.ts, cmd-words.ts) return: the words of the first
 * command, the environment variables it referenced (as `{{NAME}}` placeholders), and notes on
 * whatever was not reproduced — never the values themselves, which may be secrets.
 */
export type ShellWordsResult =
  | { ok: true; words: string[]; variables: string[]; warnings: ImportNote[] }
  | { ok: false; message: string; params: { symbol: string; line: number; column: number } };

export interface ShellWordsOptions {
  /**
   * `$NAME` / `${NAME}` (bash) and `%NAME%` (cmd) become `{{NAME}}`, a workspace variable the
   * user fills in. API docs write `-H "Authorization: Bearer $API_KEY"`; keeping `$API_KEY`
   * literally would send those eight characters as the token. Off: kept as written, with a note.
   */
  placeholders?: boolean;
}

/** Shared bookkeeping of both tokenizers. */
export class WordsCollector {
  readonly words: string[] = [];
  readonly variables: string[] = [];
  private readonly notes = new Map<string, ImportNote>();

  constructor(private readonly placeholders: boolean) {}

  warn(note: ImportNote): void {
    this.notes.set(note.message, note);
  }

  /** The text that stands for an environment variable reference written as `raw`. */
  variable(name: string, raw: string): string {
    if (this.placeholders && VARIABLE_NAME_PATTERN.test(name)) {
      if (!this.variables.includes(name)) this.variables.push(name);
      return `{{${name}}}`;
    }
    this.warn(expansionKept(raw));
    return raw;
  }

  result(): ShellWordsResult {
    return {
      ok: true,
      words: this.words,
      variables: this.variables,
      warnings: [...this.notes.values()],
    };
  }
}

export function expansionKept(raw: string): ImportNote {
  return importNote(
    'shell-expansion-kept',
    `the shell would expand ${raw}; it was kept as written`,
    {
      raw,
    },
  );
}

/** The command ends at a new line or an operator, and something follows it. */
export function endsEarly(what: string): ImportNote {
  const message = `the command ends at ${what}; only the first command was imported`;
  return what === 'a new line'
    ? importNote('shell-ends-at-newline', message)
    : importNote('shell-ends-at-operator', message, { operator: what.replace(/"/g, '') });
}

/** Line and column (from 1) of an index into `text`, for errors about unterminated quotes. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}

/** "line 3, column 12" for an index into `text`, for errors about unterminated quotes. */
export function describePosition(text: string, index: number): string {
  const { line, column } = positionOf(text, index);
  return `line ${line}, column ${column}`;
}

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    /** What was left open (`'`, `"`, `${` …) and where it starts. */
    readonly params: { symbol: string; line: number; column: number },
  ) {
    super(message);
  }
}
