import { EventEmitter } from 'node:events';

/**
 * A recorded stand-in for the `electron` module, for booting electron/main/index.ts on plain
 * Node (the Electron binary cannot be downloaded here). It implements just the surface main
 * uses, behaves like Electron where main depends on it (events, whenReady, single-instance
 * lock) and writes every call that matters into `log` in order, so tests can check sequence.
 */

type Listener = Parameters<EventEmitter['on']>[1];

export interface Recorded {
  log: string[];
}

export class StandInWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = StandInWebContents.nextId++;
  url = '';
  destroyed = false;
  sent: Array<{ channel: string; payload: unknown }> = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(private readonly recorded: Recorded) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.recorded.log.push(`webContents#${this.id}.setWindowOpenHandler`);
    this.openHandler = handler;
  }
  override on(event: string, listener: Listener): this {
    if (['will-navigate', 'will-redirect', 'will-attach-webview'].includes(event))
      this.recorded.log.push(`webContents#${this.id}.on(${event})`);
    return super.on(event, listener);
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  reload() {}
  /** Fires a navigation guard the way Chromium does; true when main prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

/** What main sees of a stand-in window (declared: the class's inherited statics cannot be). */
export interface StandInWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  readonly options: Record<string, unknown>;
  destroyed: boolean;
  visible: boolean;
  focused: boolean;
  loadedUrls: string[];
  /** The page finished loading: Electron's order of events for a successful load. */
  pageLoaded(url?: string): void;
  focus(): void;
}

export interface StandInWindowClass {
  new (options: Record<string, unknown>): StandInWindow;
  getAllWindows(): StandInWindow[];
  getFocusedWindow(): StandInWindow | null;
}

export function createElectronStandIn(options: {
  userData: string;
  isPackaged?: boolean;
  /** false: another instance holds the lock. */
  singleInstance?: boolean;
  /** What `app.getPreferredSystemLanguages()` answers (the OS's languages). */
  systemLanguages?: string[];
}) {
  const recorded: Recorded = { log: [] };
  const { log } = recorded;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const windows: StandInWindow[] = [];
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const messageBoxResponses: number[] = [];
  const saveDialogPaths: string[] = [];
  let exitCode: number | null = null;
  let exited: () => void = () => {};
  const exitedPromise = new Promise<void>((resolve) => (exited = resolve));

  class StandInApp extends EventEmitter {
    isPackaged = options.isPackaged ?? true;
    whenReady() {
      return ready.then(() => {
        log.push('app.ready');
      });
    }
    getPath(name: string) {
      if (name !== 'userData') throw new Error(`stand-in has no path ${name}`);
      return options.userData;
    }
    getPreferredSystemLanguages() {
      return options.systemLanguages ?? ['en-US'];
    }
    requestSingleInstanceLock() {
      log.push('app.requestSingleInstanceLock');
      return options.singleInstance ?? true;
    }
    enableSandbox() {
      log.push('app.enableSandbox');
    }
    quit() {
      log.push('app.quit');
      let prevented = false;
      this.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) this.exit(0);
    }
    exit(code = 0) {
      log.push(`app.exit(${code})`);
      exitCode = code;
      exited();
    }
  }
  const app = new StandInApp();

  class StandInBrowserWindow extends EventEmitter {
    static getAllWindows() {
      return windows.filter((window) => !window.destroyed);
    }
    static getFocusedWindow() {
      return windows.find((window) => window.focused && !window.destroyed) ?? null;
    }
    readonly webContents = new StandInWebContents(recorded);
    destroyed = false;
    visible = false;
    focused = false;
    maximized = false;
    loadedUrls: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      log.push('new BrowserWindow');
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      log.push(`loadURL ${url}`);
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    focus() {
      this.focused = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    /** The page finished loading: Electron's order of events for a successful load. */
    pageLoaded(url = this.loadedUrls.at(-1) ?? '') {
      this.webContents.url = url;
      this.emit('ready-to-show');
    }
  }

  const module = {
    app,
    BrowserWindow: StandInBrowserWindow as StandInWindowClass,
    ipcMain: {
      handle(channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) {
        if (handlers.size === 0) log.push('ipcMain.handle');
        handlers.set(channel, handler);
      },
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => {
        log.push('safeStorage.isAsyncEncryptionAvailable');
        return true;
      },
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (plain: string) => Buffer.from(`sealed:${plain}`),
      decryptStringAsync: async (sealed: Buffer) => ({
        result: sealed.toString().replace(/^sealed:/, ''),
        shouldReEncrypt: false,
      }),
    },
    session: {
      defaultSession: {
        permissionRequest: null as
          | null
          | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
        permissionCheck: null as null | ((contents: unknown, permission: string) => boolean),
        setPermissionRequestHandler(
          handler: (
            contents: unknown,
            permission: string,
            callback: (granted: boolean) => void,
          ) => void,
        ) {
          log.push('session.setPermissionRequestHandler');
          this.permissionRequest = handler;
        },
        setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean) {
          log.push('session.setPermissionCheckHandler');
          this.permissionCheck = handler;
        },
      },
    },
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        log.push(`dialog.showSaveDialog ${args.length === 2 ? 'modal' : 'free'}`);
        const filePath = saveDialogPaths.shift();
        return filePath === undefined ? { canceled: true } : { canceled: false, filePath };
      },
      showMessageBox: async (...args: unknown[]) => {
        log.push('dialog.showMessageBox');
        void args;
        return { response: messageBoxResponses.shift() ?? 1, checkboxChecked: false };
      },
      showErrorBox: (title: string, content: string) =>
        log.push(`dialog.showErrorBox ${title}: ${content}`),
    },
    Menu: {
      template: null as unknown,
      buildFromTemplate(template: unknown) {
        return { template };
      },
      setApplicationMenu(menu: { template: unknown } | null) {
        log.push('Menu.setApplicationMenu');
        module.Menu.template = menu?.template ?? null;
      },
    },
    nativeTheme: { themeSource: 'system' },
    powerMonitor: new EventEmitter(),
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    shell: {
      opened: [] as string[],
      async openExternal(url: string) {
        module.shell.opened.push(url);
      },
    },
  };

  return {
    module,
    log,
    windows,
    handlers,
    /** Electron finished starting: `whenReady` resolves. */
    ready: markReady,
    /** The button the next message box answers with (0 = first). */
    answerMessageBox: (response: number) => messageBoxResponses.push(response),
    /** The path the next save dialog answers with (without one it is cancelled). */
    answerSaveDialog: (path: string) => saveDialogPaths.push(path),
    exited: exitedPromise,
    exitCode: () => exitCode,
    /** Calls a registered command the way the page's preload would. */
    invoke(channel: string, input: unknown, window = windows[0]!) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(
        { sender: window.webContents, senderFrame: { url: window.webContents.url, parent: null } },
        input,
      );
    },
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
