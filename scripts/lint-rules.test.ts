import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Shows, once per layer rule of docs/architecture.md ("Layer rules"), that a file breaking it fails `npm run lint`.
// lintText with a filePath applies the real eslint.config.mjs for that folder.

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
}

describe('the layer rules in lint', () => {
  it('refuse an electron import in electron/core', async () => {
    expect(
      await ruleIds(
        'electron/core/bad.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('refuse require("electron") in electron/core', async () => {
    expect(
      await ruleIds('electron/core/bad.ts', "export const e: unknown = require('electron');\n"),
    ).toContain('no-restricted-syntax');
  });

  it('refuse electron/core importing a face', async () => {
    expect(
      await ruleIds(
        'electron/core/bad.ts',
        "import { handle } from '../main/ipc';\nexport const x = handle;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('refuse Node built-ins, vue and electron/ in shared/', async () => {
    for (const source of [
      'node:fs',
      'fs',
      'vue',
      'pinia',
      'electron',
      '../electron/core/app-info',
    ]) {
      const code = `import * as m from '${source}';\nexport const x = m;\n`;
      expect(await ruleIds('shared/bad.ts', code), source).toContain('no-restricted-imports');
    }
  });

  it('refuse Node built-ins and electron/ in the renderer', async () => {
    for (const source of ['node:path', 'path', 'electron', '../../electron/core/app-info']) {
      const code = `import * as m from '${source}';\nexport const x = m;\n`;
      expect(await ruleIds('renderer/src/bad.ts', code), source).toContain('no-restricted-imports');
    }
  });

  it('refuse anything but electron and shared/ in the preload', async () => {
    for (const source of ['node:fs', 'zod', '../core/app-info', '../main/ipc']) {
      const code = `import * as m from '${source}';\nexport const x = m;\n`;
      expect(await ruleIds('electron/preload/bad.ts', code), source).toContain(
        'no-restricted-imports',
      );
    }
  });

  it('accept the imports each layer is allowed', async () => {
    const allowed: Array<[string, string]> = [
      [
        'electron/preload/ok.ts',
        "import { ipcRenderer } from 'electron';\nimport { COMMAND_CHANNELS } from '../../shared/api/channels';\nexport const x = [ipcRenderer, COMMAND_CHANNELS];\n",
      ],
      [
        'electron/core/ok.ts',
        "import { join } from 'node:path';\nimport { ok } from '../../shared/result';\nexport const x = [join, ok];\n",
      ],
      [
        'renderer/src/ok.ts',
        "import { ref } from 'vue';\nimport { ok } from '../../shared/result';\nexport const x = [ref, ok];\n",
      ],
    ];
    for (const [file, code] of allowed) expect(await ruleIds(file, code), file).toEqual([]);
  });
});

describe('the rule that keeps test code out of the product', () => {
  const RULE = '@typescript-eslint/no-restricted-imports';
  const TEST_ONLY_IMPORTS = [
    'vitest',
    'vitest/node',
    'selfsigned',
    'fast-check',
    '@fast-check/vitest',
    'playwright-core',
    '../../tests/support/sse/test-server',
  ];

  /** For each file, whether each test-only import reports the rule. */
  async function verdicts(files: string[]): Promise<Array<[string, boolean]>> {
    const out: Array<[string, boolean]> = [];
    for (const file of files) {
      for (const source of TEST_ONLY_IMPORTS) {
        const code = `import * as m from '${source}';\nexport const x = m;\n`;
        out.push([`${file} importing ${source}`, (await ruleIds(file, code)).includes(RULE)]);
      }
    }
    return out;
  }

  it('refuses test-only packages and tests/ in product files of every layer', async () => {
    const product = [
      'electron/core/sse/bad.ts',
      'electron/main/bad.ts',
      'electron/web/bad.ts',
      'electron/cli/bad.ts',
      'renderer/src/bad.ts',
      'shared/bad.ts',
    ];
    for (const [what, refused] of await verdicts(product)) expect(refused, what).toBe(true);
  });

  it('refuses a type-only import from tests/ in product code too', async () => {
    const code =
      "import type { TestServer } from '../../../tests/support/sse/test-server';\nexport type X = TestServer;\n";
    expect(await ruleIds('electron/core/sse/bad.ts', code)).toContain(RULE);
  });

  it('refuses a test-only import in a Vue component', async () => {
    const code =
      '<script setup lang="ts">\nimport { mount } from \'@vue/test-utils\';\nconst x = mount;\n</script>\n<template><p>{{ x }}</p></template>\n';
    expect(await ruleIds('renderer/src/feed/BadPanel.vue', code)).toContain(RULE);
  });

  it('allows the same imports in *.test.ts and *.spec.ts files', async () => {
    const tests = ['electron/core/sse/ok.test.ts', 'renderer/src/ok.spec.ts', 'shared/ok.test.ts'];
    for (const [what, refused] of await verdicts(tests)) expect(refused, what).toBe(false);
  });
});
