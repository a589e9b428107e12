import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import type { FeedSink } from '../core/feeds/feed-manager';
import type { AppCore } from '../core/app-core';
import { openAppCore } from '../core/app-core';
import { APP_NAME, APP_VERSION } from '../core/app-info';
import type { MenuCommand } from '../../shared/api/notifications';
import { appLocation } from './app-url';
import { isCliInvocation, runCli, userArguments } from './cli-passthrough';
import { openExternal } from './external';
import { createSenderCheck, registerCommandHandlers } from './ipc';
import { aboutDetail, menuTemplate } from './menu';
import { describeOutcome, importOpenedFile, workspaceFilesIn } from './open-files';
import { guardPageFailures } from './page-failures';
import { denyPermissionsByDefault } from './permissions';
import { installQuitSequence } from './quit';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { createMainWindow, guardWebContents } from './window';
import { windowSink } from './window-sink';
import { fitToDisplays, readWindowState, trackWindowState } from './window-state';

// Entry: wire core to Electron and start. Logic lives in the modules imported above.

const DOCUMENTATION_URL = 'https://eventscope.dev/docs';

function themeOf(command: MenuCommand): 'system' | 'light' | 'dark' | null {
  if (command === 'theme-system') return 'system';
  if (command === 'theme-light') return 'light';
  if (command === 'theme-dark') return 'dark';
  return null;
}

async function startDesktop(initialArgs: string[]): Promise<void> {
  // A packaged app never loads a URL from the environment: only `electron-vite dev` may point
  // the window at its dev server (a stray variable must not turn the app into a web browser).
  const location = appLocation(
    join(__dirname, '../renderer/index.html'),
    app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  );
  const deps = {
    BrowserWindow,
    shell,
    app: location,
    preloadPath: join(__dirname, '../preload/index.js'),
  };
  // Guard every webContents ever created (including ones we did not create ourselves).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));

  // macOS hands files to the app by event, possibly before it is ready.
  const openedFiles: string[] = workspaceFilesIn(initialArgs, process.cwd());
  let importFile: ((path: string) => void) | null = null;
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (importFile) importFile(path);
    else openedFiles.push(path);
  });

  await app.whenReady();
  denyPermissionsByDefault(session.defaultSession, location);
  const core: AppCore = await openAppCore({
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
    openFile: async ({ title, filters }) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const choice = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    // Exports stream into the chosen path from the Node side; the page never names a file.
    chooseExportPath: async (suggestedName, format) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        defaultPath: suggestedName,
        filters: [
          { name: format.toUpperCase(), extensions: [suggestedName.split('.').pop() ?? format] },
        ],
      };
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    openPath: (path) => shell.openPath(path),
    revealInFolder: (path) => shell.showItemInFolder(path),
  });
  const sinks = new Map<Electron.WebContents, FeedSink>();
  const quit = installQuitSequence({
    app,
    dispose: () => core.dispose(),
    report: (outcome) => {
      if (outcome !== 'done') process.stderr.write(`Eventscope: quit ${outcome}\n`);
    },
  });

  importFile = (path) => {
    void importOpenedFile(path, core.workspaces).then((outcome) =>
      core.postNotice(describeOutcome(outcome)),
    );
  };
  for (const path of openedFiles.splice(0)) importFile(path);

  const windowStateFile = join(app.getPath('userData'), 'window-state.json');
  const savedState = await readWindowState(windowStateFile);

  const openWindow = () => {
    const state = savedState
      ? fitToDisplays(
          savedState,
          screen.getAllDisplays().map((display) => display.workArea),
        )
      : null;
    const window = createMainWindow(deps, state ?? undefined);
    const contents = window.webContents;
    trackWindowState(window, windowStateFile);
    guardPageFailures(window, { dialog, url: location.url, quit: () => app.quit() });
    // Windows ends the session without `before-quit`: flush logs before it kills us.
    window.on('session-end', () => void quit.quitNow());
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

  const sendToPage = (command: MenuCommand) => {
    const theme = themeOf(command);
    if (theme) nativeTheme.themeSource = theme;
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const sink = window ? sinks.get(window.webContents) : undefined;
    sink?.notify('menu:command-invoked', { command });
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        { appName: APP_NAME, platform: process.platform, isDevelopment: !app.isPackaged },
        {
          send: sendToPage,
          openDocumentation: () => void openExternal(shell, DOCUMENTATION_URL),
          showAbout: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: `About ${APP_NAME}`,
              message: APP_NAME,
              detail: aboutDetail(
                APP_VERSION,
                process.versions,
                `${process.platform} ${process.arch}`,
              ),
            }),
        },
      ),
    ),
  );

  openWindow();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const [existing] = BrowserWindow.getAllWindows();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
    } else {
      openWindow();
    }
    for (const path of workspaceFilesIn(
      userArguments(argv, process.defaultApp === true),
      workingDirectory,
    ))
      importFile?.(path);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // Linux and macOS shutdown: calling preventDefault on the event asks the system to wait
  // while the logs flush (powerMonitor docs; the typings omit the event argument).
  powerMonitor.on('shutdown', (...params: unknown[]) => {
    const [event] = params as [{ preventDefault?: () => void } | undefined];
    event?.preventDefault?.();
    void quit.quitNow();
  });
}

const args = userArguments(process.argv, process.defaultApp === true);
if (isCliInvocation(args)) {
  // `Eventscope watch …`: the command line tool, no window, no single-instance lock (and no
  // Dock icon on macOS).
  app.dock?.hide();
  void runCli(args).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  startDesktop(args).catch((error: unknown) => {
    dialog.showErrorBox(
      'Eventscope could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
}
