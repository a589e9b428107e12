import type { BrowserWindow, BrowserWindowConstructorOptions, Shell, WebContents } from 'electron';
import type { AppLocation } from './app-url';
import { isAppUrl } from './app-url';
import { openExternal } from './external';
import type { WindowState } from './window-state';

export const MAIN_WINDOW_WIDTH_PX = 1280;
export const MAIN_WINDOW_HEIGHT_PX = 800;

/**
 * The only window options the app uses. Security settings are spelled out even where they are
 * Electron's defaults, so a future default change (or a careless edit) shows up in tests.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: MAIN_WINDOW_WIDTH_PX,
    height: MAIN_WINDOW_HEIGHT_PX,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Eventscope',
    backgroundColor: '#14161a',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  app: AppLocation;
  preloadPath: string;
}

/**
 * Navigation and pop-up guards for one webContents: our page may only ever show our page.
 * Links the user clicks (target=_blank, window.open) go to the OS browser when they are
 * http(s)/mailto; every in-place navigation away from the app is blocked.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  deps: Pick<WindowDeps, 'shell' | 'app'>,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(deps.shell, url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, deps.app)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, deps.app)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The single factory for windows: same options, same guards, every time. `place` is the
 * remembered size, position and maximised state of the last run.
 */
export function createMainWindow(deps: WindowDeps, place?: WindowState): BrowserWindow {
  const options = mainWindowOptions(deps.preloadPath);
  const window = new deps.BrowserWindow(
    place
      ? { ...options, x: place.x, y: place.y, width: place.width, height: place.height }
      : options,
  );
  if (place?.maximized) window.maximize();
  guardWebContents(window.webContents, deps);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(deps.app.url);
  return window;
}
