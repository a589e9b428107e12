import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Colours come only from the theme's custom properties (docs/architecture.md, "Resources,
// tests and comments"); a misspelt one (`--warning` where the theme says `--warn`) silently
// falls back to another colour, so every name a component reads must be one somebody sets.

const RENDERER = join(process.cwd(), 'renderer', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(vue|css|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Names read with var(--name…), and names set by a declaration, :style or setProperty. */
function customProperties(text: string): { read: Set<string>; set: Set<string> } {
  const read = new Set([...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1] as string));
  const setters = [
    /(?:^|[\s{;])(--[\w-]+)\s*:/gm, // a declaration: `--warn: #8a5a00;`
    /['"](--[\w-]+)['"]\s*:/g, // a :style binding: `{ '--type-hue': hue }`
    /setProperty\(\s*['"](--[\w-]+)['"]/g, // element.style.setProperty('--type-hue', …)
  ];
  const set = new Set(
    setters.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] as string)),
  );
  return { read, set };
}

/** Left for a theme or an embedder to set; every use of them carries a fallback. */
const OPTIONAL_HOOKS = /^--(feed-|sans$)/;

function unsetNames(texts: string[]): string[] {
  const read = new Set<string>();
  const set = new Set<string>();
  for (const text of texts) {
    const found = customProperties(text);
    found.read.forEach((name) => read.add(name));
    found.set.forEach((name) => set.add(name));
  }
  return [...read].filter((name) => !set.has(name) && !OPTIONAL_HOOKS.test(name)).sort();
}

describe('the page reads only custom properties that are set', () => {
  it('finds every var(--name) of renderer/src set by the theme or by a component', () => {
    const texts = sources(RENDERER).map((file) => readFileSync(file, 'utf8'));
    expect(unsetNames(texts)).toEqual([]);
  });

  it('would catch a misspelt theme colour', () => {
    const theme = ':root { --warn: #8a5a00; --accent: #3a6ff7; }';
    const component = '.badge { color: var(--warning, var(--accent)); }';
    expect(unsetNames([theme, component])).toEqual(['--warning']);
    expect(unsetNames([theme, component.replace('--warning', '--warn')])).toEqual([]);
  });
});
