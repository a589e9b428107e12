import {
  ShellSyntaxError,
  WordsCollector,
  describePosition,
  endsEarly,
  expansionKept,
  positionOf,
  type ShellWordsOptions,
  type ShellWordsResult,
} from './shell-words';
import { importNote } from '../../../shared/import-notes';

/**
 * Splits a bash command line into words the way bash would before running it, for "Copy as
 * cURL (bash)" pastes. References are to the Bash Reference Manual (GNU bash 5.2):
 *
 * - §3.1.2.1 Escape Character: an unquoted `\` keeps the next character literal; `\` + newline
 *   is a line continuation and disappears.
 * - §3.1.2.2 Single Quotes: everything up to the next `'` is literal; no escapes at all.
 * - §3.1.2.3 Double Quotes: literal except `$`, `` ` `` and `\`; the backslash only escapes
 *   `$`, `` ` ``, `"`, `\` and newline (the pair `\`+newline is removed), otherwise it stays.
 * - §3.1.2.4 ANSI-C Quoting: `$'…'` with `\n`, `\t`, `\xHH`, `\uHHHH`, `\'` and friends. Chrome
 *   uses it for any value with a `'`, `!` or control character, so most copied bodies use it.
 * - §3.1.2.5 Locale-Specific Translation: `$"…"` reads as `"…"` (the C locale translates nothing).
 * - §3.6 Redirections are dropped with their target; §3.2.4 lists end the command at an unquoted
 *   `;`, `&`, `|` or newline — only the first command is returned, with a note.
 *
 * Nothing is executed or expanded: `$NAME` becomes a `{{NAME}}` placeholder (or is kept, see
 * ShellWordsOptions), `$(…)` and backticks stay as written with a note. Deliberate departures
 * from bash: a NUL from `\0` or `\x00` is kept (bash would cut the string there, but the browser
 * sent it), a CR before a newline counts as part of the newline (pastes from Windows), and bytes
 * from `\xHH` that are not UTF-8 are read as Latin-1 (Firefox writes `é` as `\xe9`).
 */
export function splitBashWords(input: string, options: ShellWordsOptions = {}): ShellWordsResult {
  const lexer = new BashLexer(input, new WordsCollector(options.placeholders ?? false));
  try {
    return lexer.run();
  } catch (error) {
    if (error instanceof ShellSyntaxError) {
      return { ok: false, message: error.message, params: error.params };
    }
    throw error;
  }
}

/** §2 Definitions, "metacharacter": these end an unquoted word. */
const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
/** §3.4.2 Special Parameters, plus positional `$0`–`$9`. */
const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
const NAME_START = /[A-Za-z_]/;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** §3.1.2.4: the single-character escapes of `$'…'`. */
const ANSI_C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** The command is not shown: `$(echo sk-… | base64)` would print a secret into the note. */
const COMMAND_SUBSTITUTION_NOTE = importNote(
  'shell-command-substitution',
  'a command substitution ($(…) or `…`) was not run; it was kept as written',
);

/** What an unterminated construct is called in English, and the symbol the page shows. */
const OPENED: Record<string, string> = {
  'single quote': "'",
  'double quote': '"',
  backquote: '`',
};

interface Word {
  text: string;
  /** No quotes or escapes: only such a word of digits can be a redirection's fd (`2>`). */
  plain: boolean;
}

class BashLexer {
  private pos = 0;

  constructor(
    private readonly input: string,
    private readonly out: WordsCollector,
  ) {}

  run(): ShellWordsResult {
    const { input } = this;
    while (this.pos < input.length) {
      const ch = input[this.pos] as string;
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        this.pos++;
      } else if (ch === '\n') {
        // Blank lines before the command are harmless; after it, a newline ends it (§3.2.4).
        if (this.out.words.length > 0) return this.finish('a new line');
        this.pos++;
      } else if (ch === '#') {
        // §3.1.3 Comments: `#` at the start of a word comments out the rest of the line.
        const newline = input.indexOf('\n', this.pos);
        this.pos = newline === -1 ? input.length : newline;
      } else if (ch === '<' || ch === '>' || (ch === '&' && input[this.pos + 1] === '>')) {
        this.skipRedirection();
      } else if (WORD_END.has(ch)) {
        return this.finish(`"${ch}"`);
      } else {
        const word = this.readWord();
        if (word === null) continue;
        const next = input[this.pos];
        if ((next === '<' || next === '>') && word.plain && /^\d+$/.test(word.text)) {
          this.skipRedirection();
        } else {
          this.out.words.push(word.text);
        }
      }
    }
    return this.out.result();
  }

  /** Ends the command at a list operator or newline; a non-empty rest is reported. */
  private finish(what: string): ShellWordsResult {
    const rest = this.input.slice(this.pos).replace(/^[\s;&|]+/, '');
    if (rest !== '') {
      this.out.warn(endsEarly(what));
    }
    return this.out.result();
  }

  /** §3.6: `>file`, `2>&1`, `>>log`, `<in`, `&>out`, `<<<word` — the target is read and dropped. */
  private skipRedirection(): void {
    const op = /&>>?|\d*(?:<<<|<<-?|<>|<&|>&|>>|>\||<|>)/y;
    op.lastIndex = this.pos;
    const match = op.exec(this.input);
    const text = match?.[0] ?? this.input[this.pos];
    this.pos += text?.length ?? 1;
    if (text === '<<' || text === '<<-') {
      // A here-document's body follows on the next lines; nothing after it belongs to curl.
      this.out.warn(
        importNote(
          'shell-here-document',
          'a here-document (<<) was not read; the command was imported up to it',
        ),
      );
      this.pos = this.input.length;
      return;
    }
    while (this.input[this.pos] === ' ' || this.input[this.pos] === '\t') this.pos++;
    this.readWord();
  }

  /** Reads one word at `pos`; null when it was only line continuations. */
  private readWord(): Word | null {
    const { input } = this;
    let text = '';
    let started = false;
    let plain = true;
    while (this.pos < input.length) {
      const ch = input[this.pos] as string;
      // A CR ends a word like a blank: pastes from Windows carry CRLF line ends.
      if (WORD_END.has(ch) || ch === '\r') break;
      const skipped = ch === '\\' ? this.lineContinuation(this.pos + 1) : 0;
      if (skipped > 0) {
        this.pos += 1 + skipped;
        continue;
      }
      started = true;
      if (ch === '\\') {
        plain = false;
        // §3.1.2.1: the next character, whatever it is, is literal. A lone `\` at the very
        // end of the input is a continuation with nothing after it.
        text += input[this.pos + 1] ?? '';
        this.pos += 2;
      } else if (ch === "'") {
        plain = false;
        text += this.readSingleQuoted();
      } else if (ch === '"') {
        plain = false;
        this.pos++;
        text += this.readDoubleQuoted(this.pos - 1);
      } else if (ch === '$' && input[this.pos + 1] === "'") {
        plain = false;
        text += this.readAnsiC();
      } else if (ch === '$' && input[this.pos + 1] === '"') {
        plain = false;
        this.pos += 2;
        text += this.readDoubleQuoted(this.pos - 2);
      } else if (ch === '$') {
        text += this.readDollar();
      } else if (ch === '`') {
        text += this.readBackticks();
      } else {
        text += ch;
        this.pos++;
      }
    }
    return started ? { text, plain } : null;
  }

  /** Length of a newline (LF or CRLF) at `at`, or 0. */
  private lineContinuation(at: number): number {
    if (this.input[at] === '\n') return 1;
    if (this.input[at] === '\r' && this.input[at + 1] === '\n') return 2;
    return 0;
  }

  private readSingleQuoted(): string {
    const end = this.input.indexOf("'", this.pos + 1);
    if (end === -1) this.unterminated('single quote', this.pos);
    const text = this.input.slice(this.pos + 1, end);
    this.pos = end + 1;
    return text;
  }

  /** `pos` is just past the opening quote; `start` is where the quote began. */
  private readDoubleQuoted(start: number): string {
    const { input } = this;
    let text = '';
    for (;;) {
      const ch = input[this.pos];
      if (ch === undefined) this.unterminated('double quote', start);
      if (ch === '"') {
        this.pos++;
        return text;
      }
      if (ch === '\\') {
        const next = input[this.pos + 1];
        const skipped = this.lineContinuation(this.pos + 1);
        if (skipped > 0) {
          this.pos += 1 + skipped;
        } else if (next === '$' || next === '`' || next === '"' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += '\\';
          this.pos++;
        }
      } else if (ch === '$' && this.startsExpansion(this.pos + 1)) {
        text += this.readDollar();
      } else if (ch === '`') {
        text += this.readBackticks();
      } else {
        text += ch;
        this.pos++;
      }
    }
  }

  private startsExpansion(at: number): boolean {
    const next = this.input[at];
    return (
      next !== undefined &&
      (next === '{' || next === '(' || NAME_START.test(next) || SPECIAL_PARAMETER.test(next))
    );
  }

  /** §3.5.3 parameter expansion and §3.5.4 command substitution, at a `$`. Nothing runs. */
  private readDollar(): string {
    const { input } = this;
    const start = this.pos;
    const next = input[start + 1];
    if (next !== undefined && NAME_START.test(next)) {
      NAME.lastIndex = start + 1;
      const name = (NAME.exec(input) as RegExpExecArray)[0];
      this.pos = start + 1 + name.length;
      return this.out.variable(name, `$${name}`);
    }
    if (next === '{') {
      const end = input.indexOf('}', start + 2);
      if (end === -1) this.unterminated('${', start);
      this.pos = end + 1;
      const inner = input.slice(start + 2, end);
      const raw = input.slice(start, end + 1);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) return this.out.variable(inner, raw);
      // Only the name is shown: `${TOKEN:-sk-…}` may carry a secret default.
      const name = /^[#!]?[A-Za-z0-9_]*/.exec(inner)?.[0] ?? '';
      this.out.warn(expansionKept(`\${${name}…}`));
      return raw;
    }
    if (next === '(') {
      const end = this.matchingParen(start + 1);
      this.pos = end + 1;
      const raw = input.slice(start, end + 1);
      this.out.warn(COMMAND_SUBSTITUTION_NOTE);
      return raw;
    }
    if (next !== undefined && SPECIAL_PARAMETER.test(next)) {
      this.pos = start + 2;
      this.out.warn(expansionKept(`$${next}`));
      return `$${next}`;
    }
    // A `$` followed by anything else (or nothing) is an ordinary character.
    this.pos = start + 1;
    return '$';
  }

  private matchingParen(open: number): number {
    let depth = 0;
    for (let i = open; i < this.input.length; i++) {
      const ch = this.input[i];
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return i;
    }
    return this.unterminated('$(', open - 1);
  }

  private readBackticks(): string {
    const start = this.pos;
    let i = start + 1;
    while (i < this.input.length && this.input[i] !== '`') i += this.input[i] === '\\' ? 2 : 1;
    if (i >= this.input.length) this.unterminated('backquote', start);
    this.pos = i + 1;
    const raw = this.input.slice(start, i + 1);
    this.out.warn(COMMAND_SUBSTITUTION_NOTE);
    return raw;
  }

  /** §3.1.2.4, at `$'`. `\xHH` and `\nnn` are bytes, decoded as UTF-8 per run (see above). */
  private readAnsiC(): string {
    const { input } = this;
    const start = this.pos;
    this.pos += 2;
    let text = '';
    let bytes: number[] = [];
    const flush = (): void => {
      if (bytes.length > 0) text += this.decodeBytes(bytes);
      bytes = [];
    };
    for (;;) {
      const ch = input[this.pos];
      if (ch === undefined) this.unterminated("$'", start);
      if (ch === "'") {
        this.pos++;
        flush();
        return text;
      }
      if (ch !== '\\') {
        flush();
        text += ch;
        this.pos++;
        continue;
      }
      const esc = input[this.pos + 1];
      if (esc === undefined) this.unterminated("$'", start);
      const simple = ANSI_C_ESCAPES[esc];
      if (simple !== undefined) {
        flush();
        text += simple;
        this.pos += 2;
      } else if (/[0-7]/.test(esc)) {
        const digits = /[0-7]{1,3}/y;
        digits.lastIndex = this.pos + 1;
        const octal = (digits.exec(input) as RegExpExecArray)[0];
        bytes.push(parseInt(octal, 8) & 0xff);
        this.pos += 1 + octal.length;
      } else if (esc === 'x' || esc === 'u' || esc === 'U') {
        const max = esc === 'x' ? 2 : esc === 'u' ? 4 : 8;
        const hex = new RegExp(`[0-9A-Fa-f]{1,${max}}`, 'y');
        hex.lastIndex = this.pos + 2;
        const digits = hex.exec(input)?.[0];
        if (digits === undefined) {
          // bash keeps an escape with no digits as written.
          flush();
          text += `\\${esc}`;
          this.pos += 2;
          continue;
        }
        this.pos += 2 + digits.length;
        const value = parseInt(digits, 16);
        if (esc === 'x') {
          bytes.push(value);
        } else {
          flush();
          // `\uD83D\uDE00` (Firefox escapes UTF-16 units) pairs up into one character here.
          text += value <= 0xffff ? String.fromCharCode(value) : codePoint(value, this.out);
        }
      } else if (esc === 'c' && input[this.pos + 2] !== undefined && input[this.pos + 2] !== "'") {
        flush();
        text += String.fromCharCode((input.charCodeAt(this.pos + 2) & 0x1f) as number);
        this.pos += 3;
      } else {
        // An unknown escape stays as written, backslash included.
        flush();
        text += `\\${esc}`;
        this.pos += 2;
      }
    }
  }

  private decodeBytes(bytes: readonly number[]): string {
    const { text, latin1 } = decodeUtf8Leniently(bytes);
    if (latin1) {
      this.out.warn(
        importNote(
          'shell-latin1-bytes',
          "bytes written as \\xHH in $'…' that are not UTF-8 were read as Latin-1",
        ),
      );
    }
    return text;
  }

  private unterminated(what: string, at: number): never {
    throw new ShellSyntaxError(
      `unterminated ${what} starting at ${describePosition(this.input, at)}`,
      { symbol: OPENED[what] ?? what, ...positionOf(this.input, at) },
    );
  }
}

function codePoint(value: number, out: WordsCollector): string {
  if (value <= 0x10ffff) return String.fromCodePoint(value);
  out.warn(
    importNote(
      'shell-unicode-escape-too-large',
      "a \\U escape in $'…' beyond U+10FFFF became U+FFFD",
    ),
  );
  return '\ufffd';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 where the bytes are valid UTF-8, Latin-1 for each byte where they are not. */
export function decodeUtf8Leniently(bytes: readonly number[]): { text: string; latin1: boolean } {
  let text = '';
  let latin1 = false;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length > 0 && i + length <= bytes.length) {
      try {
        text += UTF8.decode(Uint8Array.from(bytes.slice(i, i + length)));
        i += length;
        continue;
      } catch {
        // not a valid sequence: fall through to Latin-1 for this byte
      }
    }
    text += String.fromCharCode(lead);
    latin1 = true;
    i++;
  }
  return { text, latin1 };
}
