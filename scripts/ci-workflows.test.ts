import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';

// The GitHub workflows call npm scripts by name; a renamed script would only show up as a
// failed release on tag day. Read both files and check every script they call exists.

const root = resolve(__dirname, '..');
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];
const NPM_BUILTINS = new Set(['ci', 'install']);

/** The npm scripts a workflow runs: `npm run x`, `npm run-script x`, `npm test`, `npm start`. */
function npmScriptsCalled(text: string): string[] {
  const called = new Set<string>();
  for (const match of text.matchAll(/\bnpm\s+(run(?:-script)?\s+([\w:.-]+)|test|start|(\w+))/g)) {
    if (match[2]) called.add(match[2]);
    else if (match[1] === 'test' || match[1] === 'start') called.add(match[1]);
    else if (match[3] && !NPM_BUILTINS.has(match[3])) called.add(`<npm ${match[3]}>`);
  }
  return [...called].sort();
}

describe('the GitHub workflows', () => {
  for (const workflow of WORKFLOWS) {
    it(`${workflow} calls only npm scripts that package.json defines`, () => {
      const called = npmScriptsCalled(readFileSync(resolve(root, workflow), 'utf8'));
      expect(called.length).toBeGreaterThan(0);
      for (const script of called)
        expect(Object.keys(packageJson.scripts), script).toContain(script);
    });
  }

  it('CI runs the README’s test command and the packaging check', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/```sh\nnpm test\n```/);
    expect(npmScriptsCalled(readFileSync(resolve(root, WORKFLOWS[0]!), 'utf8'))).toEqual([
      'pack:check',
      'test',
    ]);
  });

  it('release builds installers on Linux, Windows and macOS from a v* tag into a draft', () => {
    const release = readFileSync(resolve(root, WORKFLOWS[1]!), 'utf8');
    expect(release).toMatch(/tags: \['v\*'\]/);
    expect(release).toMatch(/os: \[ubuntu-[\w.]+, windows-latest, macos-latest\]/);
    expect(release).toMatch(/draft: true/);
    expect(npmScriptsCalled(release)).toContain('dist');
  });

  it('finds the scripts in the ways a workflow can call them', () => {
    expect(
      npmScriptsCalled(
        'run: npm ci\nrun: npm test\nrun: npm run pack:check -- --x\nnpm run-script dist',
      ),
    ).toEqual(['dist', 'pack:check', 'test']);
    expect(npmScriptsCalled('run: npm tset')).toEqual(['<npm tset>']);
  });
});
