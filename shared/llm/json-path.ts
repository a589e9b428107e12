/**
 * The small JSONPath subset the custom profile needs (RFC 9535 syntax, a subset of it):
 * `$`, `.name`, `['name']` / `["name"]`, `[0]`, `[*]` and `.*`. Filters and recursive descent are
 * not supported: a token path in a stream is always a fixed place. Invalid paths throw with a
 * message that says where.
 */

export type PathSegment =
  { type: 'key'; key: string } | { type: 'index'; index: number } | { type: 'wildcard' };

/** What is wrong with a path, so a page can say it in its language; `at` is the offset. */
export type JsonPathProblem =
  'no-root' | 'name-expected' | 'unclosed-bracket' | 'unreadable-bracket' | 'unexpected-character';

export class JsonPathError extends Error {
  override name = 'JsonPathError';
  constructor(
    message: string,
    readonly problem: JsonPathProblem = 'unexpected-character',
    readonly at = 0,
  ) {
    super(message);
  }
}

export function parseJsonPath(path: string): PathSegment[] {
  const text = path.trim();
  if (!text.startsWith('$'))
    throw new JsonPathError(`a JSON path starts with $ (got "${path}")`, 'no-root', 0);
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      if (text[i + 1] === '*') {
        segments.push({ type: 'wildcard' });
        i += 2;
        continue;
      }
      const match = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i + 1));
      if (match === null)
        throw new JsonPathError(
          `expected a name after "." at ${i + 1} in "${path}"`,
          'name-expected',
          i + 1,
        );
      segments.push({ type: 'key', key: match[0] });
      i += 1 + match[0].length;
    } else if (ch === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) {
        throw new JsonPathError(`unclosed "[" at ${i} in "${path}"`, 'unclosed-bracket', i);
      }
      const inner = text.slice(i + 1, close).trim();
      if (inner === '*') segments.push({ type: 'wildcard' });
      else if (/^\d+$/.test(inner)) segments.push({ type: 'index', index: Number(inner) });
      else if (/^'[^']*'$|^"[^"]*"$/.test(inner))
        segments.push({ type: 'key', key: inner.slice(1, -1) });
      else {
        throw new JsonPathError(`cannot read "[${inner}]" in "${path}"`, 'unreadable-bracket', i);
      }
      i = close + 1;
    } else {
      throw new JsonPathError(`unexpected "${ch}" at ${i} in "${path}"`, 'unexpected-character', i);
    }
  }
  return segments;
}

/** Every value the path selects, in document order. */
export function selectJsonPath(value: unknown, segments: readonly PathSegment[]): unknown[] {
  let current: unknown[] = [value];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const node of current) {
      if (typeof node !== 'object' || node === null) continue;
      switch (segment.type) {
        case 'key':
          if (!Array.isArray(node) && Object.hasOwn(node, segment.key)) {
            next.push((node as Record<string, unknown>)[segment.key]);
          }
          break;
        case 'index':
          if (Array.isArray(node) && segment.index < node.length) next.push(node[segment.index]);
          break;
        case 'wildcard':
          next.push(...(Array.isArray(node) ? node : Object.values(node)));
          break;
      }
    }
    current = next;
  }
  return current;
}
