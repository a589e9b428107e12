import { join } from 'node:path';
import type { NotificationChannel } from '../../shared/api/channels';
import type { AppInfo } from '../../shared/api/commands';
import type { Notice, NotificationPayload } from '../../shared/api/notifications';
import type { UserSettings } from '../../shared/api/settings';
import type { CommandHandlers, SaveFileDialog } from './api/handlers';
import type { OpenFileDialog } from './tls/ca-file-choice';
import { createCommandHandlers } from './api/handlers';
import { describeApp } from './app-info';
import { openSettings, userSettings } from './settings';
import type { DemoLauncher } from './demo/launcher';
import { createDemoLauncher } from './demo/launcher';
import type { FeedManager, FeedManagerOptions, FeedSink } from './feeds/feed-manager';
import { createFeedManager } from './feeds/feed-manager';
import type { Cipher, WorkspaceStore } from './store';
import { openWorkspaceStore, storeNoticeCode } from './store';
import { openKeyFileCipher } from './workspaces/key-file-cipher';
import type { WorkspaceService } from './workspaces/workspace-service';
import { demoLanguage } from './workspaces/demo-workspace';
import { createWorkspaceService } from './workspaces/workspace-service';
import type { DownloadRegistry } from './export/downloads';
import { createDownloadRegistry } from './export/downloads';
import type { ChooseExportPath } from './export/export-service';
import { createExportService } from './export/export-service';
import type { SessionService } from './sessions/session-service';
import { createSessionService } from './sessions/session-service';

export interface AppCore {
  handlers: CommandHandlers;
  feeds: FeedManager;
  demo: DemoLauncher;
  workspaces: WorkspaceService;
  store: WorkspaceStore;
  sessions: SessionService;
  /** Finished web-mode exports waiting for their one-shot download. */
  downloads: DownloadRegistry;
  /** A page connected (window opened, socket accepted): it now hears broadcasts. */
  attach(sink: FeedSink): void;
  /** The page went away: close the feeds it owned and stop telling it things. */
  detach(sink: FeedSink): Promise<void>;
  /**
   * Tells the user something: pages that already pulled their start-up notices hear it now,
   * pages still loading get it with `app:take-notices`.
   */
  postNotice(notice: Omit<Notice, 'at'>): void;
  /** The user's settings as they are now. */
  userSettings(): UserSettings;
  /** Closes every feed (flushing its log), writes pending workspace saves, stops the demo. */
  dispose(): Promise<void>;
}

export interface AppCoreOptions {
  face: AppInfo['face'];
  dataDir: string;
  /** Electron's safeStorage in the app; a key file in the data directory otherwise. */
  cipher?: Cipher;
  saveFile?: SaveFileDialog;
  /** The native open dialog (Electron); web mode has none. */
  openFile?: OpenFileDialog;
  /** Electron's save dialog for exports; without it exports become downloads (web mode). */
  chooseExportPath?: ChooseExportPath;
  /**
   * Opens a folder in the OS file manager (Electron's shell.openPath, which resolves an error
   * text, '' on success). Absent in web mode: the browser cannot open folders on the server.
   */
  openPath?: (path: string) => Promise<string>;
  /** Electron: `shell.showItemInFolder`; web mode has none and shows the path instead. */
  revealInFolder?: (path: string) => void | Promise<void>;
  /** Skip creating the Demo workspace on first launch (tests). */
  skipFirstLaunch?: boolean;
  /** Overrides for the feed manager (tests, benchmarks). */
  feeds?: Partial<FeedManagerOptions>;
  /** Faster debounce in tests. */
  saveDebounceMs?: number;
  /** Told after Settings changed (Electron rebuilds its native menu in the chosen language). */
  onSettingsChanged?: (settings: UserSettings) => void;
}

/** The one core every face wires up: Electron main and web mode build the same thing. */
export async function openAppCore(options: AppCoreOptions): Promise<AppCore> {
  const clients = new Set<FeedSink>();
  const broadcast = <K extends NotificationChannel>(
    channel: K,
    payload: NotificationPayload<K>,
  ) => {
    for (const client of clients) client.notify(channel, payload);
  };

  const settings = await openSettings(options.dataDir);
  const feeds = createFeedManager({
    logsDir: join(options.dataDir, 'logs'),
    // Read at every retention pass, so a changed setting applies without a restart.
    maxLogBytes: () => settings.get().logRetentionBytes,
    ...options.feeds,
  });
  const demo = createDemoLauncher();
  const cipher = options.cipher ?? (await openKeyFileCipher(options.dataDir));
  const { store, notices } = await openWorkspaceStore({
    dataDir: options.dataDir,
    cipher,
    allowUnprotectedSecrets: settings.get().storeUnprotectedSecrets,
    saveDebounceMs: options.saveDebounceMs,
  });
  const secretsPolicy = () => ({
    protection: cipher.protection,
    storeUnprotected: settings.get().storeUnprotectedSecrets,
  });
  const workspaceNameOf = (id: string) => store.list().find((entry) => entry.id === id)?.name;
  const workspaces = createWorkspaceService({
    dataDir: options.dataDir,
    store,
    feeds,
    demo,
    broadcastChanged: (ids) => broadcast('workspaces:changed', { ids, at: Date.now() }),
    notice: (notice) =>
      broadcast('app:notice-posted', {
        level: 'warning',
        message: notice.message,
        ...storeNoticeCode(notice, workspaceNameOf),
        at: Date.now(),
      }),
  });
  if (!options.skipFirstLaunch) {
    await workspaces.ensureFirstLaunch(demoLanguage(settings.get().language));
  }
  const startupNotices: Notice[] = [
    ...settings.notices,
    ...notices.map((notice) => ({
      message: notice.message,
      ...storeNoticeCode(notice, workspaceNameOf),
    })),
  ].map((notice) => ({ level: 'warning', ...notice, at: Date.now() }));
  const noticesTaken = new WeakSet<FeedSink>();
  const sessions = createSessionService({
    logsDir: join(options.dataDir, 'logs'),
    feeds,
    workspaces,
  });
  const downloads = createDownloadRegistry();
  const exports = createExportService({
    sessions,
    chooseExportPath: options.chooseExportPath,
    downloads,
    scratchDir: join(options.dataDir, 'exports'),
  });

  const handlers = createCommandHandlers({
    appInfo: () => describeApp(options.face, options.dataDir),
    now: () => Date.now(),
    takeNotices(caller) {
      if (noticesTaken.has(caller)) return [];
      noticesTaken.add(caller);
      return [...startupNotices];
    },
    feeds,
    demo,
    workspaces,
    sessions,
    exports,
    saveFile: options.saveFile,
    openFile: options.openFile,
    revealInFolder: options.revealInFolder,
    secrets: {
      policy: secretsPolicy,
      async setStoreUnprotected(allowed) {
        await settings.update({ storeUnprotectedSecrets: allowed });
        store.setAllowUnprotectedSecrets(allowed);
        // Secrets held for the session are written now that the user agreed.
        for (const { id } of store.list()) {
          const loaded = await store.load(id);
          if (!loaded.readOnly) await store.save(loaded.workspace);
        }
        return secretsPolicy();
      },
    },
    settings: {
      get: () => userSettings(settings.get()),
      set: async (change) => {
        const changed = userSettings(await settings.update(change));
        options.onSettingsChanged?.(changed);
        return changed;
      },
    },
    async revealDataDir() {
      if (!options.openPath) return { type: 'unavailable', path: options.dataDir };
      const problem = await options.openPath(options.dataDir);
      return problem === '' ? { type: 'revealed' } : { type: 'unavailable', path: options.dataDir };
    },
  });
  return {
    handlers,
    feeds,
    demo,
    workspaces,
    store,
    sessions,
    downloads,
    userSettings: () => userSettings(settings.get()),
    attach(sink) {
      // Start-up notices are not pushed here: a window's page is still loading when its sink
      // attaches and would miss them. Each page pulls them with `app:take-notices`.
      clients.add(sink);
    },
    postNotice(posted) {
      const notice = { ...posted, at: Date.now() };
      startupNotices.push(notice);
      for (const client of clients) {
        if (noticesTaken.has(client)) client.notify('app:notice-posted', notice);
      }
    },
    async detach(sink) {
      clients.delete(sink);
      await feeds.closeOwner(sink);
    },
    async dispose() {
      exports.dispose();
      await sessions.dispose();
      await downloads.dispose();
      await feeds.dispose();
      await store.close();
      await demo.close();
    },
  };
}
