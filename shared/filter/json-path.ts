/**
 * The small JSON path subset the filter box understands: `$`, `.name`, `[0]`, `["any key"]`.
 * It reads a value already parsed with JSON.parse; it never parses text itself.
 */

export type PathStep = string | number;

export interface ParsedPath {
  steps: PathStep[];
  /** Index just past the path in the source text. */
  end: number;
}

export interface PathError {
  message: string;
  start: number;
  end: number;
}

const NAME_CHAR = /[A-Za-z0-9_$]/;

/** Parses a path starting at `text[start] === '$'`. */
export function parsePath(
  text: string,
  start: number,
): { ok: true; path: ParsedPath } | { ok: false; error: PathError } {
  const steps: PathStep[] = [];
  let i = start + 1;
  for (;;) {
    const c = text[i];
    if (c === '.') {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
      if (j === i + 1) {
        return {
          ok: false,
          error: { message: 'a name must follow "." in a JSON path', start: i, end: i + 1 },
        };
      }
      steps.push(text.slice(i + 1, j));
      i = j;
    } else if (c === '[') {
      const inner = text[i + 1];
      if (inner === '"' || inner === "'") {
        const quoted = readQuoted(text, i + 1);
        if (!quoted.ok) return { ok: false, error: quoted.error };
        if (text[quoted.end] !== ']') {
          return {
            ok: false,
            error: {
              message: 'expected "]" after the key',
              start: quoted.end,
              end: quoted.end + 1,
            },
          };
        }
        steps.push(quoted.value);
        i = quoted.end + 1;
      } else {
        let j = i + 1;
        while (j < text.length && text[j]! >= '0' && text[j]! <= '9') j++;
        if (j === i + 1 || text[j] !== ']') {
          return {
            ok: false,
            error: {
              message: 'expected an index like [0] or a quoted key like ["name"]',
              start: i,
              end: Math.min(j + 1, text.length),
            },
          };
        }
        steps.push(Number(text.slice(i + 1, j)));
        i = j + 1;
      }
    } else {
      return { ok: true, path: { steps, end: i } };
    }
  }
}

/**
 * Reads a quoted string at `text[start]` (either quote). Backslash escapes the next character,
 * so `"say \"hi\""` and `'it\'s'` work.
 */
export function readQuoted(
  text: string,
  start: number,
): { ok: true; value: string; end: number } | { ok: false; error: PathError } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (c === quote) {
      return { ok: true, value, end: i + 1 };
    } else {
      value += c;
      i++;
    }
  }
  return { ok: false, error: { message: `missing closing ${quote}`, start, end: text.length } };
}

export const MISSING: unique symbol = Symbol('missing');

/** The value at `steps` inside `root`, or MISSING when a step does not exist. */
export function readPath(root: unknown, steps: readonly PathStep[]): unknown {
  let current: unknown = root;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return MISSING;
      current = current[step];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return MISSING;
      if (!Object.prototype.hasOwnProperty.call(current, step)) return MISSING;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}
