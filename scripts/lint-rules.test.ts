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
