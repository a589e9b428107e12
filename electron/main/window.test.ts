import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { appLocation } from './app-url';
import { openExternal } from './external';
import { createMainWindow, guardWebContents, mainWindowOptions } from './window';

// Electron cannot run on our machines, so its objects are stood in for by small fakes that
// record what the code under test does with them (the one place a mock is allowed: docs/architecture.md, "Resources, tests and comments").

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => (openHandler = handler)),
    navigate(name: string, url: string): boolean {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open(url: string) {
      return openHandler?.({ url });
    },
  };
}

const builtApp = appLocation('/opt/eventscope/out/renderer/index.html', undefined);
const devApp = appLocation('/unused', 'http://localhost:5173/');

function guarded(app = builtApp) {
  const contents = fakeWebContents();
  const shell = { openExternal: vi.fn(async () => {}) };
  guardWebContents(contents as never, { shell, app });
  return { contents, shell };
}

describe('main window options', () => {
  it('turn on every renderer isolation setting and never node integration', () => {
    const prefs = mainWindowOptions('/app/preload.js').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('are the ones the single window factory passes to BrowserWindow', () => {
    const created: BrowserWindowConstructorOptions[] = [];
    const contents = fakeWebContents();
    class FakeBrowserWindow {
      webContents = contents;
      constructor(options: BrowserWindowConstructorOptions) {
        created.push(options);
      }
      once = vi.fn();
      loadURL = vi.fn(async () => {});
    }
    const window = createMainWindow({
      BrowserWindow: FakeBrowserWindow as never,
      shell: { openExternal: vi.fn() },
      app: builtApp,
      preloadPath: '/app/preload.js',
    }) as unknown as FakeBrowserWindow;
    expect(created).toEqual([mainWindowOptions('/app/preload.js')]);
    expect(window.loadURL).toHaveBeenCalledWith('file:///opt/eventscope/out/renderer/index.html');
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});

describe('navigation guard', () => {
  it('blocks navigating the window to a web page', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('blocks navigating to a different local file than the app', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(
      contents.navigate('will-navigate', 'file:///opt/eventscope/out/renderer/index.html#/feeds'),
    ).toBe(false);
  });

  it('allows the dev server origin only in dev and nothing else on localhost', () => {
    const { contents } = guarded(devApp);
    expect(contents.navigate('will-navigate', 'http://localhost:5173/#/x')).toBe(false);
    expect(contents.navigate('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('blocks attaching a webview', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-attach-webview', 'https://x.example/')).toBe(true);
  });
});

describe('window.open guard', () => {
  it('denies every new window and sends http(s) links to the OS browser instead', () => {
    const { contents, shell } = guarded();
    expect(contents.open('https://example.com/docs')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/docs');
  });

  it('denies file and javascript links without opening anything', () => {
    const { contents, shell } = guarded();
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('openExternal', () => {
  it('opens http, https and mailto links only', async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(await openExternal(shell, 'http://a.example/')).toBe(true);
    expect(await openExternal(shell, 'https://a.example/')).toBe(true);
    expect(await openExternal(shell, 'mailto:team@a.example')).toBe(true);
    for (const url of [
      'file:///etc/hosts',
      'smb://host/share',
      'vscode://x',
      'not a url',
      'javascript:1',
    ]) {
      expect(await openExternal(shell, url)).toBe(false);
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(3);
  });
});
