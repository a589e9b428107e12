import { parsePath, readQuoted } from './json-path';
import type { CompareOp, FilterTerm, JsonLiteral } from './terms';

/**
 * The filter language of the feed pane (docs/filter.md): terms separated by spaces, all of which
 * must match (AND); `-` before a term negates it.
 *
 *   word  "a phrase"       case-insensitive substring of the data
 *   /pattern/flags         regular expression on the data
 *   type:NAME  id:VALUE    exact event type / last event ID (values may be quoted)
 *   $.a.b[0]               JSON path present and not null
 *   exists($.a)            JSON path present (null included)
 *   $.a == "x"  $.n > 10   comparison: == != > >= < <=
 */

export interface FilterSyntaxError {
  message: string;
  /** Offsets into the filter text, end exclusive: what to underline. */
  start: number;
  end: number;
}

export type ParsedTerms =
  { ok: true; terms: FilterTerm[] } | { ok: false; error: FilterSyntaxError };

const OPERATORS: readonly CompareOp[] = ['==', '!=', '>=', '<=', '>', '<'];

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function wordEnd(text: string, i: number): number {
  while (i < text.length && !isSpace(text[i])) i++;
  return i;
}

function failAt(message: string, start: number, end: number): ParsedTerms {
  return { ok: false, error: { message, start, end: Math.max(end, start + 1) } };
}

/** A value after `type:`/`id:` or an operator: quoted, or a bare word up to the next space. */
function readValue(
  text: string,
  i: number,
):
  | { ok: true; value: string; quoted: boolean; end: number }
  | { ok: false; error: FilterSyntaxError } {
  if (text[i] === '"' || text[i] === "'") {
    const quoted = readQuoted(text, i);
    return quoted.ok ? { ok: true, value: quoted.value, quoted: true, end: quoted.end } : quoted;
  }
  const end = wordEnd(text, i);
  return { ok: true, value: text.slice(i, end), quoted: false, end };
}

function bareLiteral(word: string): JsonLiteral {
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (word === 'null') return null;
  if (word.trim() !== '' && Number.isFinite(Number(word))) return Number(word);
  return word;
}

/** Index of the closing `/` of a regex literal opened at `start`, honouring `\/` and `[/]`. */
function regexClose(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
  }
  return -1;
}

export function parseTerms(text: string): ParsedTerms {
  const terms: FilterTerm[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (text[i] === '-') {
      if (i + 1 >= text.length || isSpace(text[i + 1])) {
        return failAt('"-" must be followed by a term to exclude', i, i + 1);
      }
      negated = true;
      i++;
    }
    const rest = text.slice(i);

    if (text[i] === '/') {
      const close = regexClose(text, i);
      if (close < 0) return failAt('missing closing "/" of the regular expression', i, text.length);
      let end = close + 1;
      while (end < text.length && /[a-z]/i.test(text[end]!)) end++;
      if (end < text.length && !isSpace(text[end])) {
        return failAt(
          'a space must follow a regular expression (quote text that contains "/")',
          i,
          wordEnd(text, end),
        );
      }
      // `g` and `y` make RegExp.test stateful between calls; matching does not need them.
      const flags = text.slice(close + 1, end).replace(/[gy]/g, '');
      try {
        const regex = new RegExp(text.slice(i + 1, close), flags);
        terms.push({ type: 'regex', regex, negated, start, end });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return failAt(`invalid regular expression: ${reason}`, i, end);
      }
      i = end;
      continue;
    }

    if (text[i] === '"' || text[i] === "'") {
      const quoted = readQuoted(text, i);
      if (!quoted.ok) return { ok: false, error: quoted.error };
      if (quoted.value !== '')
        terms.push({ type: 'text', text: quoted.value, negated, start, end: quoted.end });
      i = quoted.end;
      continue;
    }

    const keyword = /^(type|id):/i.exec(rest);
    if (keyword) {
      const valueAt = i + keyword[0].length;
      const value = readValue(text, valueAt);
      if (!value.ok) return { ok: false, error: value.error };
      const field = keyword[1]!.toLowerCase();
      if (field === 'type') {
        if (value.value === '')
          return failAt('"type:" needs an event type, e.g. type:message', start, valueAt);
        terms.push({ type: 'event-type', name: value.value, negated, start, end: value.end });
      } else {
        if (value.value === '' && !value.quoted) {
          return failAt('"id:" needs a value (id:"" matches events without an ID)', start, valueAt);
        }
        terms.push({ type: 'event-id', value: value.value, negated, start, end: value.end });
      }
      i = value.end;
      continue;
    }

    if (/^exists\(/i.test(rest)) {
      const pathAt = i + 'exists('.length;
      if (text[pathAt] !== '$')
        return failAt(
          'exists( needs a JSON path starting with $, e.g. exists($.error)',
          pathAt,
          pathAt + 1,
        );
      const path = parsePath(text, pathAt);
      if (!path.ok) return { ok: false, error: path.error };
      if (text[path.path.end] !== ')')
        return failAt('missing ")" after the path', path.path.end, path.path.end + 1);
      const end = path.path.end + 1;
      terms.push({
        type: 'json-exists',
        steps: path.path.steps,
        allowNull: true,
        negated,
        start,
        end,
      });
      i = end;
      continue;
    }

    if (
      text[i] === '$' &&
      (i + 1 >= text.length || isSpace(text[i + 1]) || text[i + 1] === '.' || text[i + 1] === '[')
    ) {
      const path = parsePath(text, i);
      if (!path.ok) return { ok: false, error: path.error };
      let j = path.path.end;
      while (isSpace(text[j])) j++;
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, j));
      if (op === undefined) {
        if (path.path.end < text.length && !isSpace(text[path.path.end])) {
          return failAt(
            'unexpected text after the JSON path (operators: == != > >= < <=)',
            path.path.end,
            wordEnd(text, path.path.end),
          );
        }
        terms.push({
          type: 'json-exists',
          steps: path.path.steps,
          allowNull: false,
          negated,
          start,
          end: path.path.end,
        });
        i = path.path.end;
        continue;
      }
      let valueAt = j + op.length;
      while (isSpace(text[valueAt])) valueAt++;
      if (valueAt >= text.length) return failAt(`a value must follow "${op}"`, j, j + op.length);
      const value = readValue(text, valueAt);
      if (!value.ok) return { ok: false, error: value.error };
      const literal: JsonLiteral = value.quoted ? value.value : bareLiteral(value.value);
      if (op !== '==' && op !== '!=' && typeof literal !== 'number') {
        return failAt(`"${op}" compares numbers: write a number after it`, valueAt, value.end);
      }
      terms.push({
        type: 'json-compare',
        steps: path.path.steps,
        op,
        value: literal,
        negated,
        start,
        end: value.end,
      });
      i = value.end;
      continue;
    }

    const end = wordEnd(text, i);
    terms.push({ type: 'text', text: text.slice(i, end), negated, start, end });
    i = end;
  }
  return { ok: true, terms };
}
