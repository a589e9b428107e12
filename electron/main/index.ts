import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell } from 'electron';
import type { FeedSink } from '../core/feeds/feed-manager';
import { openAppCore } from '../core/app-core';
import { appLocation } from './app-url';
import { createSenderCheck, registerCommandHandlers } from './ipc';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { createMainWindow, guardWebContents } from './window';
import { windowSink } from './window-sink';

// Entry: wire core to Electron and start. Logic lives in the modules imported above.

async function start(): Promise<void> {
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
  // Guard every webContents ever created (including ones we did not create ourselves).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));

  await app.whenReady();
  const core = await openAppCore({
    face: 'electron',
    dataDir: app.getPath('userData'),
    cipher: await createSafeStorageCipher(safeStorage),
    saveFile: async (suggestedName, text) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        defaultPath: suggestedName,
        filters: [{ name: 'Eventscope workspace', extensions: ['json'] }],
      };
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, text, { mode: 0o600 });
      return choice.filePath;
    },
    openPath: (path) => shell.openPath(path),
  });
  const sinks = new Map<Electron.WebContents, FeedSink>();

  const openWindow = () => {
    const window = createMainWindow(deps);
    const contents = window.webContents;
    // One sink per page, not per window: a reload is a new page, and whatever the old page
    // owned (or was still opening) closes with it.
    const renewSink = () => {
      const previous = sinks.get(contents);
      if (previous) void core.detach(previous);
      const sink = windowSink(contents);
      sinks.set(contents, sink);
      core.attach(sink);
    };
    renewSink();
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) renewSink();
    });
    window.on('closed', () => {
      const sink = sinks.get(contents);
      sinks.delete(contents);
      if (sink) void core.detach(sink);
    });
    return window;
  };

  registerCommandHandlers(
    ipcMain,
    createSenderCheck(location, (contents) => sinks.has(contents)),
    core.handlers,
    (contents) => sinks.get(contents) ?? windowSink(contents),
  );
  openWindow();

  app.on('second-instance', () => {
    const [existing] = BrowserWindow.getAllWindows();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
    } else {
      openWindow();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Flush every session log and pending workspace save before the process goes.
    event.preventDefault();
    quitting = true;
    void core.dispose().finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox(
      'Eventscope could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
}
