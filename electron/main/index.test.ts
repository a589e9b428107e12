import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../shared/model/workspace';
import type { Result } from '../../shared/result';
import { EXPORT_FORMAT, exportWorkspace } from '../core/workspaces/export-format';
import type { ElectronStandIn } from '../../tests/support/electron/stand-in';
import { createElectronStandIn, StandInWebContents } from '../../tests/support/electron/stand-in';
import { QUIT_LIMIT_MS } from './quit';

// electron/main/index.ts as a whole, booted on plain Node against a recorded stand-in of the
// `electron` module (the binary cannot be downloaded here). The core behind it is the real one.

const savedArgv = process.argv;
const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;
let running: ElectronStandIn | null = null;

function tempDir(prefix: string) {
  return mkdtempSync(join(tmpdir(), `eventscope-boot-${prefix}-`));
}

async function boot(
  options: {
    argv?: string[];
    isPackaged?: boolean;
    ready?: boolean;
    userData?: string;
    systemLanguages?: string[];
  } = {},
) {
  vi.resetModules();
  const standIn = createElectronStandIn({
    userData: options.userData ?? tempDir('data'),
    isPackaged: options.isPackaged,
    systemLanguages: options.systemLanguages,
  });
  running = standIn;
  vi.doMock('electron', () => standIn.module);
  process.argv = [process.execPath, ...(options.argv ?? [])];
  await import('./index');
  if (options.ready !== false) {
    standIn.ready();
    await vi.waitFor(() => expect(standIn.windows).toHaveLength(1), { timeout: 10_000 });
  }
  return standIn;
}

function indexOfEntry(log: string[], prefix: string): number {
  const index = log.findIndex((entry) => entry.startsWith(prefix));
  expect(index, `${prefix} in ${log.join(', ')}`).toBeGreaterThanOrEqual(0);
  return index;
}

afterEach(async () => {
  process.argv = savedArgv;
  if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
  const standIn = running;
  running = null;
  if (standIn && standIn.exitCode() === null && standIn.windows.length > 0) {
    standIn.module.app.quit();
    await standIn.exited;
  }
  vi.doUnmock('electron');
});

describe('the main process booting', () => {
  it('starts in order: sandbox, ready, permissions, cipher, handlers, menu, window, load', async () => {
    const { log } = await boot();
    const order = [
      'app.requestSingleInstanceLock',
      'app.enableSandbox',
      'app.ready',
      'session.setPermissionRequestHandler',
      'safeStorage.isAsyncEncryptionAvailable',
      'ipcMain.handle',
      'Menu.setApplicationMenu',
      'new BrowserWindow',
      'loadURL file://',
    ].map((step) => indexOfEntry(log, step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(log.find((entry) => entry.startsWith('loadURL'))).toMatch(
      /^loadURL file:\/\/.*\/renderer\/index\.html$/,
    );
  });

  it('shows the window only when its page is ready', async () => {
    const standIn = await boot();
    const [window] = standIn.windows;
    expect(window!.visible).toBe(false);
    window!.pageLoaded();
    expect(window!.visible).toBe(true);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app and honours it in development', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const packaged = await boot({ isPackaged: true });
    expect(packaged.windows[0]!.loadedUrls).toEqual([
      expect.stringMatching(/^file:\/\/.*index\.html$/),
    ]);
    packaged.module.app.quit();
    await packaged.exited;

    const development = await boot({ isPackaged: false });
    expect(development.windows[0]!.loadedUrls).toEqual(['http://localhost:5173/']);
  });

  it('opens the window where it was last time, maximised if it was', async () => {
    const userData = tempDir('place');
    writeFileSync(
      join(userData, 'window-state.json'),
      JSON.stringify({ x: 40, y: 30, width: 1100, height: 720, maximized: true }),
    );
    const standIn = await boot({ userData });
    const window = standIn.windows[0]!;
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 720 });
    expect((window as unknown as { maximized: boolean }).maximized).toBe(true);
  });

  it('installs an application menu of its own, with no developer tools when packaged', async () => {
    const standIn = await boot({ isPackaged: true });
    const labels = JSON.stringify(standIn.module.Menu.template);
    expect(labels).toContain('New Endpoint');
    expect(labels).toContain('Documentation');
    expect(labels).not.toContain('toggleDevTools');
  });
});

describe('the menu in the running app', () => {
  it('sends a chosen item to the focused page and applies a theme to the window', async () => {
    const standIn = await boot();
    const window = standIn.windows[0]!;
    window.pageLoaded();
    window.focused = true;
    const find = (items: unknown, label: string): { click(): void } | undefined => {
      for (const item of items as Array<{ label?: string; submenu?: unknown; click(): void }>) {
        if (item.label === label) return item;
        const inner = item.submenu ? find(item.submenu, label) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    find(standIn.module.Menu.template, 'Dark')!.click();
    find(standIn.module.Menu.template, 'Settings…')!.click();
    expect(standIn.module.nativeTheme.themeSource).toBe('dark');
    expect(window.webContents.sent).toEqual(
      expect.arrayContaining([
        { channel: 'menu:command-invoked', payload: { command: 'theme-dark' } },
        { channel: 'menu:command-invoked', payload: { command: 'settings' } },
      ]),
    );
  });
});

describe('the menu’s language', () => {
  it('speaks the system’s language by default and follows Settings → Language at once', async () => {
    const standIn = await boot({ systemLanguages: ['zh-Hans-CN', 'en-US'] });
    standIn.windows[0]!.pageLoaded();
    const labels = () => JSON.stringify(standIn.module.Menu.template);
    expect(labels()).toContain('新建端点');
    expect(labels()).toContain('设置…');
    expect(labels()).not.toContain('New Endpoint');

    const changed = (await standIn.invoke('settings:set', { language: 'en' })) as Result<unknown>;
    expect(changed).toMatchObject({ ok: true });
    expect(labels()).toContain('New Endpoint');
    expect(labels()).not.toContain('新建端点');

    await standIn.invoke('settings:set', { language: 'system' });
    expect(labels()).toContain('新建端点');
  });
});

describe('the guards on every webContents', () => {
  it('guard the main window and any other webContents Electron creates', async () => {
    const standIn = await boot();
    const stray = new StandInWebContents({ log: standIn.log });
    standIn.module.app.emit('web-contents-created', {}, stray);
    for (const contents of [standIn.windows[0]!.webContents, stray]) {
      expect(standIn.log).toContain(`webContents#${contents.id}.setWindowOpenHandler`);
      expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true);
      expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
      expect(contents.openHandler!({ url: 'https://example.com/docs' })).toEqual({
        action: 'deny',
      });
    }
    await vi.waitFor(() =>
      expect(standIn.module.shell.opened).toEqual([
        'https://example.com/docs',
        'https://example.com/docs',
      ]),
    );
  });

  it('deny every permission except clipboard writing from our own page', async () => {
    const standIn = await boot();
    const window = standIn.windows[0]!;
    window.pageLoaded();
    const session = standIn.module.session.defaultSession;
    const ask = (contents: StandInWebContents, permission: string) =>
      new Promise<boolean>((resolve) => session.permissionRequest!(contents, permission, resolve));
    expect(await ask(window.webContents, 'media')).toBe(false);
    expect(await ask(window.webContents, 'notifications')).toBe(false);
    expect(await ask(window.webContents, 'clipboard-sanitized-write')).toBe(true);
    const stranger = new StandInWebContents({ log: [] });
    stranger.url = 'https://example.com/';
    expect(await ask(stranger, 'clipboard-sanitized-write')).toBe(false);
    expect(session.permissionCheck!(window.webContents, 'geolocation')).toBe(false);
  });

  it('refuse a command from a page that is not ours', async () => {
    const standIn = await boot();
    const window = standIn.windows[0]!;
    window.webContents.url = 'https://example.com/';
    const answer = (await standIn.invoke('app:info', undefined)) as Result<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('start-up notices', () => {
  it('reach a page that loads after they were found, once', async () => {
    const dir = tempDir('files');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, 'this is not a workspace');
    const standIn = await boot({ argv: [broken] });
    // The page has not loaded yet; give the import time to finish and be missed by a push.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const window = standIn.windows[0]!;
    window.pageLoaded();
    await vi.waitFor(async () => {
      const taken = (await standIn.invoke('app:take-notices', undefined)) as Result<
        Array<{ level: string; message: string }>
      >;
      expect(taken).toMatchObject({
        ok: true,
        value: [{ level: 'error', message: expect.stringContaining(`Could not import ${broken}`) }],
      });
    });
    expect(await standIn.invoke('app:take-notices', undefined)).toEqual({ ok: true, value: [] });
  });

  it('are pushed to a page that already pulled, for a file a second launch hands over', async () => {
    const standIn = await boot();
    const window = standIn.windows[0]!;
    window.pageLoaded();
    await standIn.invoke('app:take-notices', undefined);
    const dir = tempDir('second');
    writeFileSync(join(dir, 'other.json'), '{}');
    standIn.module.app.emit('second-instance', {}, [process.execPath, 'other.json'], dir);
    expect(window.focused).toBe(true);
    await vi.waitFor(() =>
      expect(window.webContents.sent).toContainEqual({
        channel: 'app:notice-posted',
        payload: expect.objectContaining({
          message: expect.stringContaining(join(dir, 'other.json')),
        }),
      }),
    );
  });
});

describe('the save dialog', () => {
  it('writes an exported workspace where the user chose, and nothing when cancelled', async () => {
    const standIn = await boot();
    const window = standIn.windows[0]!;
    window.pageLoaded();
    window.focused = true;
    const list = (await standIn.invoke('workspaces:list', undefined)) as Result<
      Array<{ id: string }>
    >;
    if (!list.ok) throw new Error(list.error.message);
    const id = list.value[0]!.id;
    const target = join(tempDir('save'), 'chosen.json');
    standIn.answerSaveDialog(target);

    const saved = await standIn.invoke('workspaces:export', { id, includeSecrets: false });
    expect(saved).toEqual({ ok: true, value: { type: 'saved', path: target } });
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({
      format: EXPORT_FORMAT,
    });
    expect(standIn.log).toContain('dialog.showSaveDialog modal');

    const cancelled = await standIn.invoke('workspaces:export', { id, includeSecrets: false });
    expect(cancelled).toEqual({ ok: true, value: { type: 'cancelled' } });
  });
});

describe('opening a workspace file with the app', () => {
  it('imports an exported workspace handed over by a second launch', async () => {
    const standIn = await boot();
    const window = standIn.windows[0]!;
    window.pageLoaded();
    await standIn.invoke('app:take-notices', undefined);
    const list = (await standIn.invoke('workspaces:list', undefined)) as Result<
      Array<{ id: string }>
    >;
    if (!list.ok) throw new Error(list.error.message);
    const details = (await standIn.invoke('workspaces:get', { id: list.value[0]!.id })) as Result<{
      workspace: Workspace;
    }>;
    if (!details.ok) throw new Error(details.error.message);
    const dir = tempDir('open');
    writeFileSync(
      join(dir, 'shared.eventscope.json'),
      exportWorkspace(details.value.workspace, false),
    );

    standIn.module.app.emit(
      'second-instance',
      {},
      [process.execPath, '--some-chromium-switch', 'shared.eventscope.json'],
      dir,
    );
    await vi.waitFor(() =>
      expect(window.webContents.sent).toContainEqual({
        channel: 'app:notice-posted',
        payload: expect.objectContaining({
          message: expect.stringMatching(
            /^Imported “Demo \(imported\)” from .*shared\.eventscope\.json/,
          ),
        }),
      }),
    );
    const after = (await standIn.invoke('workspaces:list', undefined)) as Result<unknown[]>;
    expect(after.ok && after.value).toHaveLength(list.value.length + 1);
  });
});

describe('a page that fails', () => {
  it('is shown with Reload, which loads the app page again', async () => {
    const standIn = await boot();
    const window = standIn.windows[0]!;
    standIn.answerMessageBox(0);
    window.webContents.emit(
      'did-fail-load',
      {},
      -6,
      'ERR_FILE_NOT_FOUND',
      window.loadedUrls[0],
      true,
    );
    expect(window.visible).toBe(true);
    await vi.waitFor(() => expect(window.loadedUrls).toHaveLength(2));
    expect(window.loadedUrls[1]).toBe(window.loadedUrls[0]);
  });

  it('offers Quit when the renderer process dies, and quits through the quit sequence', async () => {
    const standIn = await boot();
    standIn.answerMessageBox(1);
    standIn.windows[0]!.webContents.emit(
      'render-process-gone',
      {},
      {
        reason: 'crashed',
        exitCode: 139,
      },
    );
    await standIn.exited;
    expect(standIn.log).toContain('dialog.showMessageBox');
    expect(standIn.exitCode()).toBe(0);
  });
});

describe('quitting', () => {
  it('closes everything and exits 0 when nothing hangs', async () => {
    const standIn = await boot();
    standIn.module.app.quit();
    await standIn.exited;
    expect(standIn.exitCode()).toBe(0);
  });

  it('asks the system to wait on shutdown and exits once everything is closed', async () => {
    const standIn = await boot();
    let waited = false;
    standIn.module.powerMonitor.emit('shutdown', { preventDefault: () => (waited = true) });
    await standIn.exited;
    expect(waited).toBe(true);
    expect(standIn.exitCode()).toBe(0);
  });

  it('closes everything when Windows ends the session', async () => {
    const standIn = await boot();
    standIn.windows[0]!.emit('session-end', {});
    await standIn.exited;
    expect(standIn.exitCode()).toBe(0);
  });

  it.runIf(process.platform !== 'win32')(
    'finishes within the limit when writing the logs hangs',
    async () => {
      const standIn = await boot();
      const window = standIn.windows[0]!;
      window.pageLoaded();
      const demo = (await standIn.invoke('demo:start', undefined)) as Result<{ url: string }>;
      if (!demo.ok) throw new Error(demo.error.message);
      const opened = (await standIn.invoke('feeds:open', {
        name: 'counter',
        url: `${demo.value.url}/counter`,
      })) as Result<unknown>;
      expect(opened.ok).toBe(true);
      await vi.waitFor(() =>
        expect(window.webContents.sent.some((m) => m.channel === 'feeds:frame-sent')).toBe(true),
      );

      // A disk that stops answering: every thread of libuv's pool is stuck opening a FIFO
      // nobody reads, so the logs' writes and closes wait with them.
      const fifoDir = tempDir('fifo');
      const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
      const fifos = Array.from({ length: threads }, (_, i) => join(fifoDir, `stuck-${i}`));
      execFileSync('mkfifo', fifos);
      const stuck: Array<Promise<FileHandle>> = fifos.map((fifo) => open(fifo, 'w'));
      try {
        const started = Date.now();
        standIn.module.app.quit();
        await standIn.exited;
        const took = Date.now() - started;
        expect(took).toBeGreaterThanOrEqual(QUIT_LIMIT_MS - 50);
        expect(took).toBeLessThan(QUIT_LIMIT_MS + 3_000);
        expect(standIn.exitCode()).toBe(1);
      } finally {
        // Readers release the pool's threads (and the core finishes closing in the background).
        const readers = spawn('sh', [
          '-c',
          'for f; do cat "$f" > /dev/null & done; wait',
          'sh',
          ...fifos,
        ]);
        for (const handle of await Promise.all(stuck)) await handle.close();
        await new Promise((resolve) => readers.once('exit', resolve));
      }
    },
    20_000,
  );
});

describe('the CLI in the installed app', () => {
  it('runs a CLI command without a window, a lock or the sandbox, and exits with its code', async () => {
    const dataDir = tempDir('cli');
    const written: string[] = [];
    const write = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      const standIn = await boot({
        argv: ['workspace', 'list', '--data-dir', dataDir, '--json'],
        ready: false,
      });
      await standIn.exited;
      expect(standIn.exitCode()).toBe(0);
      expect(standIn.log).not.toContain('new BrowserWindow');
      expect(standIn.log).not.toContain('app.requestSingleInstanceLock');
      expect(standIn.log).not.toContain('app.enableSandbox');
    } finally {
      write.mockRestore();
    }
    expect(JSON.parse(written.join(''))).toEqual(expect.any(Array));
  });

  it('reports a usage error with exit code 2', async () => {
    const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const standIn = await boot({ argv: ['watch', '--no-such-flag'], ready: false });
      await standIn.exited;
      expect(standIn.exitCode()).toBe(2);
    } finally {
      errors.mockRestore();
    }
  });
});
