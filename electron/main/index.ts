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
import type { UserSettings } from '../../shared/api/settings';
import { pickLocale, resolveLocale } from '../../shared/locale';
import type { AppCore } from '../core/app-core';
import { openAppCore } from '../core/app-core';
import { installAppMenu } from './app-menu';
import { MENU_WORDS } from './menu-words';
import { appLocation } from './app-url';
import { isCliInvocation, runCli, userArguments } from './cli-passthrough';
import { createFileDialogs } from './dialogs';
import { createSenderCheck, registerCommandHandlers } from './ipc';
import { describeOutcome, importOpenedFile, workspaceFilesIn } from './open-files';
import { denyPermissionsByDefault } from './permissions';
import { installQuitSequence } from './quit';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { guardWebContents } from './window';
import { createWindowRegistry } from './window-registry';
import { windowSink } from './window-sink';
import { readWindowState } from './window-state';

// Entry: the app's lifecycle. It wires core to Electron and starts; the dialogs, the windows
// and the menu live in the modules imported above.

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
  // Set once the menu exists; settings cannot change before the first window's page asks.
  let applySettings: (settings: UserSettings) => void = () => {};
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
    ...createFileDialogs({ BrowserWindow, dialog }),
    openPath: (path) => shell.openPath(path),
    revealInFolder: (path) => shell.showItemInFolder(path),
    onSettingsChanged: (settings) => applySettings(settings),
  });
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

  // The language of the menu and the main process's dialogs: Settings → Language, else the OS's.
  const localeOf = (settings: UserSettings) =>
    resolveLocale(settings.language, app.getPreferredSystemLanguages());
  let locale = localeOf(core.userSettings());

  const windows = createWindowRegistry({
    windows: deps,
    core,
    screen,
    dialog,
    savedState,
    windowStateFile,
    quit: () => app.quit(),
    quitNow: () => void quit.quitNow(),
    words: () => MENU_WORDS[locale],
  });
  const openWindow = () => windows.open();

  registerCommandHandlers(
    ipcMain,
    createSenderCheck(location, (contents) => windows.sinkOf(contents) !== undefined),
    core.handlers,
    (contents) => windows.sinkOf(contents) ?? windowSink(contents),
  );

  const menu = installAppMenu(
    {
      Menu,
      BrowserWindow,
      nativeTheme,
      shell,
      dialog,
      isDevelopment: !app.isPackaged,
      sinkOf: windows.sinkOf,
    },
    locale,
  );
  applySettings = (settings) => {
    locale = localeOf(settings);
    menu.setLocale(locale);
  };

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
    // Settings may be what failed to open: the OS's language.
    dialog.showErrorBox(
      MENU_WORDS[pickLocale(app.getPreferredSystemLanguages())].couldNotStart,
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
}
