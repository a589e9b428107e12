import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The page's initial JavaScript, as `npm run build` left it (docs/performance.md, "The page").

const RENDERER = 'out/renderer';

function initialScripts(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => join(RENDERER, m[1]!));
}

describe('the page bundle', () => {
  it('carries no validation library: the page builds defaults without schemas', () => {
    for (const file of initialScripts()) {
      // zod names its error classes at run time, so their names survive minification.
      expect(readFileSync(file, 'utf8')).not.toMatch(/ZodError/);
    }
  });

  it('loads under 300 kB of minified JavaScript before it runs', () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(300_000);
  });
});
