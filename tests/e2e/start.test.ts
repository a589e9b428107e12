import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` on a machine without the Electron binary (all of ours): it must explain that in
// one paragraph and fall back to web mode with a working URL.

describe('npm start without the Electron binary', () => {
  it('explains what is missing and serves web mode instead', async () => {
    const child = spawn(process.execPath, ['scripts/start.cjs', '--port', '0'], {
      env: {
        ...process.env,
        EVENTSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'eventscope-start-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await expect
        .poll(() => /http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\//.exec(output)?.[0], {
          timeout: 30_000,
        })
        .toBeTruthy();
      expect(output).toMatch(/Electron binary is not installed/);
      expect(output).toMatch(/node node_modules\/electron\/install\.js/);
      const url = /http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\//.exec(output)![0];
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
