import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { createCommandHandlers } from '../core/api/handlers';
import { describeApp } from '../core/app-info';
import { appLocation } from './app-url';
import { registerCommandHandlers, createSenderCheck } from './ipc';
import { createMainWindow, guardWebContents } from './window';

// Entry: wire core to Electron and start. Logic lives in the modules imported above.

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const location = appLocation(
    join(__dirname, '../renderer/index.html'),
    process.env.ELECTRON_RENDERER_URL,
  );
  const deps = {
    BrowserWindow,
    shell,
    app: location,
    preloadPath: join(__dirname, '../preload/index.js'),
  };
  const ownWebContents = new Set<Electron.WebContents>();
  const openWindow = () => {
    const window = createMainWindow(deps);
    const contents = window.webContents;
    ownWebContents.add(contents);
    window.on('closed', () => ownWebContents.delete(contents));
    return window;
  };

  // Guard every webContents ever created (including ones we did not create ourselves).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));

  app.on('second-instance', () => {
    const [existing] = BrowserWindow.getAllWindows();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
    } else {
      openWindow();
    }
  });

  void app.whenReady().then(() => {
    registerCommandHandlers(
      ipcMain,
      createSenderCheck(location, (contents) => ownWebContents.has(contents)),
      createCommandHandlers({
        appInfo: () => describeApp('electron', app.getPath('userData')),
        now: () => Date.now(),
      }),
    );
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
