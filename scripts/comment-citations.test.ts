import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Comments say why and cite the standard or a page of docs/ (docs/architecture.md, "Resources,
// tests and comments"): a reader of the code cannot open an issue tracker or a file that lives
// outside the repository, so neither may be cited anywhere in these folders.

const ROOT = process.cwd();
const FOLDERS = ['electron', 'renderer', 'shared', 'tests', 'bench', 'scripts'];
const SKIPPED_DIRS = new Set(['node_modules', 'test-results', 'out', 'dist']);
const TEXT_FILE = /\.(ts|mts|cts|js|mjs|cjs|vue|html|md)$/;
const THIS_FILE = 'scripts/comment-citations.test.ts';

/** What a citation of an issue or of a file outside the repository looks like. */
const CITATIONS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'issue number', pattern: /\bissues? +(?:no\.? *)?#?\d+/i },
  { name: 'issue section', pattern: /#\d+ *§/ },
  { name: 'DESIGN.md', pattern: /\bDESIGN\.md\b/ },
  { name: 'SSE-RULES', pattern: /\bSSE-RULES\b/ },
  { name: 'file outside the repository', pattern: /\/work\/shared\b/ },
];

/** The citations found in a text, as `line: kind`. */
function citationsIn(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const { name, pattern } of CITATIONS) {
      if (pattern.test(line)) found.push(`${index + 1}: ${name}`);
    }
  });
  return found;
}

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* textFiles(join(dir, entry.name));
    } else if (TEXT_FILE.test(entry.name)) {
      yield join(dir, entry.name);
    }
  }
}

describe('citations in code and comments', () => {
  it('name no issue number and no file outside the repository', () => {
    const offenders: string[] = [];
    for (const folder of FOLDERS) {
      for (const path of textFiles(join(ROOT, folder))) {
        const file = relative(ROOT, path).split('\\').join('/');
        if (file === THIS_FILE) continue;
        for (const hit of citationsIn(readFileSync(path, 'utf8'))) offenders.push(`${file}:${hit}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('are caught in every form the check knows', () => {
    for (const sample of [
      '// A POST turned into a GET is reported (issue #3 §4).',
      ' * Exit codes of `eventscope watch` (issue 3 §5).',
      '/** Live feeds of this page (Issue #4). */',
      '// see issues 12 and 14',
      '// the rule of #5 §2',
      ' * (DESIGN.md §2): typed, one method per channel.',
      '// heartbeats are worth seeing (SSE-RULES.md).',
      '  source: \'SSE-RULES "one leading BOM per response"\',',
      '// as /work/shared/DESIGN.md says',
    ]) {
      expect(citationsIn(`const x = 1;\n${sample}\n`), sample).not.toEqual([]);
    }
  });

  it('leave spec sections, docs pages and colours alone', () => {
    for (const sample of [
      '// WHATWG HTML §9.2.6 "Interpreting an event stream"',
      '// see docs/architecture.md, "The engine"',
      '// a bidirectional override (Unicode UAX #9)',
      "const colour = '#123456';",
      '// RFC 9110 §10.2.3',
      "it('reports the issues it found in 3 files', () => {});",
    ]) {
      expect(citationsIn(sample), sample).toEqual([]);
    }
  });
});
