import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import type { FeedSink } from '../core/feeds/feed-manager';
import { createAppCore } from '../core/app-core';
import { appLocation } from './app-url';
import { createSenderCheck, registerCommandHandlers } from './ipc';
import { createMainWindow, guardWebContents } from './window';
import { windowSink } from './window-sink';

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
  const core = createAppCore({ face: 'electron', dataDir: app.getPath('userData') });
  const sinks = new Map<Electron.WebContents, FeedSink>();

  const openWindow = () => {
    const window = createMainWindow(deps);
    const contents = window.webContents;
    const sink = windowSink(contents);
    sinks.set(contents, sink);
    // A reload or a closed window frees every feed the page owned.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) void core.feeds.closeOwner(sink);
    });
    window.on('closed', () => {
      sinks.delete(contents);
      void core.feeds.closeOwner(sink);
    });
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
      createSenderCheck(location, (contents) => sinks.has(contents)),
      core.handlers,
      (contents) => sinks.get(contents) ?? windowSink(contents),
    );
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Flush every session log before the process goes.
    event.preventDefault();
    quitting = true;
    void core.dispose().finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
