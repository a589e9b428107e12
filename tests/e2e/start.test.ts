import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, standInProject } from '../support/start/stand-in-project';

// `npm start` and `npm run dev` on a desktop: Electron's binary is fetched by Electron's own
// installer when missing. The installer and binary are stand-ins (no download is possible
// here); the scripts are the real ones, copied beside them, and web mode is the real build.

const WEB_URL = /http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\//;

function dataDir() {
  return { EVENTSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'eventscope-start-data-')) };
}

describe('npm start', () => {
  it('installs the missing Electron binary with a visible progress line, then opens the window', async () => {
    const root = standInProject();
    const run = runScript(root, 'start.cjs', { installer: 'installs' });
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Installing Electron 45\.5\.0 for \w+-\w+ .*install\.js/);
    expect(run.output()).toMatch(/Installed Electron 45\.5\.0/);
    expect(run.output()).toContain(`stand-in Electron window for: ${root}`);
  });

  it('opens the window straight away when the binary is already installed', async () => {
    const root = standInProject();
    expect(await runScript(root, 'start.cjs', { installer: 'installs' }).exited).toBe(0);
    const again = runScript(root, 'start.cjs', { installer: 'fails' });
    expect(await again.exited).toBe(0);
    expect(again.output()).not.toMatch(/Installing/);
    expect(again.output()).toContain('stand-in Electron window for');
  });

  it('explains the installer’s own reason when it fails and serves web mode instead', async () => {
    const run = runScript(standInProject(), 'start.cjs', {
      installer: 'fails',
      args: ['--port', '0'],
      env: dataDir(),
    });
    try {
      await expect.poll(() => WEB_URL.exec(run.output())?.[0], { timeout: 30_000 }).toBeTruthy();
      expect(run.output()).toMatch(/Electron binary is not installed/);
      expect(run.output()).toMatch(/installer failed \(exit code 1\)/);
      expect(run.output()).toContain('getaddrinfo ENOTFOUND github.com');
      const page = await fetch(WEB_URL.exec(run.output())![0]);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });

  it('gives up on an installer that hangs after the time limit and serves web mode', async () => {
    const run = runScript(standInProject(), 'start.cjs', {
      installer: 'hangs',
      args: ['--port', '0'],
      env: { ...dataDir(), EVENTSCOPE_ELECTRON_INSTALL_TIMEOUT_MS: '1500' },
    });
    try {
      await expect.poll(() => WEB_URL.exec(run.output())?.[0], { timeout: 30_000 }).toBeTruthy();
      expect(run.output()).toMatch(/did not finish within 2 s/);
    } finally {
      run.child.kill('SIGTERM');
    }
    await run.exited;
  });

  it('reports a crash of the Electron process with its signal and a non-zero exit', async () => {
    const run = runScript(standInProject(), 'start.cjs', {
      installer: 'installs',
      binary: 'crashes',
    });
    expect(await run.exited).toBe(139);
    expect(run.output()).toMatch(/Electron ended with signal SIGSEGV \(exit code 139\)/);
  });

  it.runIf(process.platform === 'linux')(
    'recognises the Linux sandbox abort and prints the commands that fix it',
    async () => {
      const root = standInProject();
      const run = runScript(root, 'start.cjs', { installer: 'installs', binary: 'sandbox-abort' });
      expect(await run.exited).not.toBe(0);
      const helper = join(root, 'node_modules', 'electron', 'dist', 'chrome-sandbox');
      expect(run.output()).toContain(`sudo chown root:root ${helper}`);
      expect(run.output()).toContain(`sudo chmod 4755 ${helper}`);
    },
  );
});

describe('npm run dev', () => {
  it('installs the missing Electron binary before handing over to electron-vite', async () => {
    const run = runScript(standInProject(), 'dev.cjs', { installer: 'installs' });
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Installed Electron 45\.5\.0/);
    expect(run.output()).toContain('stand-in electron-vite dev');
  });

  it('stops with the reason and a pointer to web mode when the install fails', async () => {
    const run = runScript(standInProject(), 'dev.cjs', { installer: 'fails' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('getaddrinfo ENOTFOUND github.com');
    expect(run.output()).toContain('npm run web');
    expect(run.output()).not.toContain('stand-in electron-vite');
  });
});
