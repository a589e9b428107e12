import { importNote } from '../../../shared/import-notes';
import {
  WordsCollector,
  endsEarly,
  type ShellWordsOptions,
  type ShellWordsResult,
} from './shell-words';

/**
 * Splits a Windows command line into the arguments curl.exe receives, for Chrome's "Copy as
 * cURL (cmd)". Two parsers run one after the other on Windows, and so they do here:
 *
 * 1. cmd.exe (`cmd /?`, SS64 "Escape characters"): `%NAME%` expands; outside its own `"…"`,
 *    `^` makes the next character literal, and `^` at the end of a line joins the next line
 *    with its first character escaped — Chrome writes a newline inside a value as `^` + two
 *    newlines, and separates options with ` ^` + newline. `&`, `|`, `<`, `>` end the command.
 * 2. The C runtime's argument splitting (Microsoft Learn, "Parsing C command-line arguments"):
 *    blanks split outside `"…"`; 2n backslashes before `"` give n and a quote toggle, 2n+1
 *    give n and a literal `"`; other backslashes are literal; `""` inside quotes is one `"`.
 *
 * Chrome wraps every value in `^"…^"` and escapes each `"` as `\^"`, so cmd never enters its
 * own quoting and the C runtime does the quoting. Two Chrome quirks are undone, so the import
 * matches the request the browser sent rather than what curl.exe would receive:
 * - Chrome doubles every backslash, but the C runtime halves them only before a `"`; a JSON
 *   `\n` would reach curl.exe as `\\n`. In Chrome's form (`^"` present) runs not before a quote
 *   are halved too, with a note.
 * - Older Chrome versions left `&` unescaped inside those quotes, which real cmd.exe would split
 *   at; it is kept as part of the value.
 */
export function splitCmdWords(input: string, options: ShellWordsOptions = {}): ShellWordsResult {
  const out = new WordsCollector(options.placeholders ?? false);
  const line = cmdPass(input, out);
  const chromeForm = input.includes('^"');
  let halved = false;
  out.words.push(...crtSplit(line, chromeForm ? () => (halved = true) : undefined));
  if (halved) {
    out.warn(
      importNote(
        'cmd-backslashes-halved',
        "backslashes doubled by Chrome's cmd quoting were halved, as the browser sent them",
      ),
    );
  }
  return out.result();
}

const ENV_REFERENCE = /%([A-Za-z_][A-Za-z0-9_]*)%/y;

/** Phase 1: what cmd.exe hands to curl.exe as its command line. */
function cmdPass(input: string, out: WordsCollector): string {
  let line = '';
  let cmdQuoted = false;
  // Tracks the C runtime's quoting of what is emitted, to keep Chrome's unescaped `&`.
  let crtQuoted = false;
  let backslashes = 0;
  const emit = (text: string): void => {
    for (const ch of text) {
      if (ch === '"' && backslashes % 2 === 0) crtQuoted = !crtQuoted;
      backslashes = ch === '\\' ? backslashes + 1 : 0;
    }
    line += text;
  };
  const newlineAt = (at: number): number =>
    input[at] === '\n' ? 1 : input[at] === '\r' && input[at + 1] === '\n' ? 2 : 0;

  let pos = 0;
  while (pos < input.length) {
    const ch = input[pos] as string;
    if (ch === '%') {
      ENV_REFERENCE.lastIndex = pos;
      const match = ENV_REFERENCE.exec(input);
      if (match !== null) {
        emit(out.variable(match[1] as string, match[0]));
        pos += match[0].length;
        continue;
      }
    }
    const newline = newlineAt(pos);
    if (newline > 0) {
      if (line.trim() === '') {
        pos += newline;
        continue;
      }
      noteRest(input, pos, 'a new line', out);
      break;
    }
    if (cmdQuoted) {
      if (ch === '"') cmdQuoted = false;
      emit(ch);
      pos++;
      continue;
    }
    if (ch === '^') {
      const joined = newlineAt(pos + 1);
      if (joined > 0) {
        // The line is joined to the next, whose first character is escaped (maybe a newline).
        pos += 1 + joined;
        const escapedNewline = newlineAt(pos);
        if (escapedNewline > 0) {
          emit('\n');
          pos += escapedNewline;
        } else if (pos < input.length) {
          emit(input[pos] as string);
          pos++;
        }
      } else {
        if (pos + 1 < input.length) emit(input[pos + 1] as string);
        pos += 2;
      }
      continue;
    }
    if (ch === '"') {
      cmdQuoted = true;
      emit(ch);
      pos++;
      continue;
    }
    if ((ch === '&' || ch === '|' || ch === '<' || ch === '>') && !crtQuoted) {
      if (ch === '<' || ch === '>') {
        pos = skipRedirection(input, pos, line, (l) => (line = l));
        continue;
      }
      noteRest(input, pos, `"${ch}"`, out);
      break;
    }
    emit(ch);
    pos++;
  }
  return line;
}

/** `>out.txt`, `2>nul`, `2>&1`: dropped with their target, which never matters to the request. */
function skipRedirection(
  input: string,
  pos: number,
  line: string,
  setLine: (line: string) => void,
): number {
  // A bare fd number just before the operator (`2>nul`) belongs to the redirection.
  const fd = /(^|[ \t])\d$/.exec(line);
  if (fd !== null) setLine(line.slice(0, line.length - 1));
  let i = pos + 1;
  if (input[i] === '>' || input[i] === '&') i++;
  while (input[i] === ' ' || input[i] === '\t') i++;
  while (i < input.length && !/[ \t\r\n&|<>]/.test(input[i] as string)) i++;
  return i;
}

function noteRest(input: string, pos: number, what: string, out: WordsCollector): void {
  if (input.slice(pos).replace(/^[\s&|]+/, '') !== '') {
    out.warn(endsEarly(what));
  }
}

/**
 * Phase 2: the C runtime's argv from a command line. With `onHalved`, backslash runs not before
 * a quote are halved as well (Chrome's doubling, see above) and `onHalved` is called.
 */
export function crtSplit(line: string, onHalved?: () => void): string[] {
  const args: string[] = [];
  let current = '';
  let started = false;
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '\\') {
      let n = 0;
      while (line[i + n] === '\\') n++;
      if (line[i + n] === '"') {
        current += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) {
          current += '"';
          i += n + 1;
        } else {
          i += n;
        }
      } else if (onHalved !== undefined && n % 2 === 0) {
        current += '\\'.repeat(n / 2);
        onHalved();
        i += n;
      } else {
        current += '\\'.repeat(n);
        i += n;
      }
      started = true;
    } else if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i += 2;
      } else {
        quoted = !quoted;
        i++;
      }
      started = true;
    } else if ((ch === ' ' || ch === '\t') && !quoted) {
      if (started) args.push(current);
      current = '';
      started = false;
      i++;
    } else {
      current += ch;
      started = true;
      i++;
    }
  }
  if (started) args.push(current);
  return args;
}
