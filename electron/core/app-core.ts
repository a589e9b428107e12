import { join } from 'node:path';
import type { NotificationChannel } from '../../shared/api/channels';
import type { AppInfo } from '../../shared/api/commands';
import type { NotificationPayload } from '../../shared/api/notifications';
import type { CommandHandlers, SaveFileDialog } from './api/handlers';
import type { OpenFileDialog } from './tls/ca-file-choice';
import { createCommandHandlers } from './api/handlers';
import { describeApp } from './app-info';
import { openSettings } from './settings';
import type { DemoLauncher } from './demo/launcher';
import { createDemoLauncher } from './demo/launcher';
import type { FeedManager, FeedManagerOptions, FeedSink } from './feeds/feed-manager';
import { createFeedManager } from './feeds/feed-manager';
import type { Cipher, WorkspaceStore } from './store';
import { openWorkspaceStore } from './store';
import { openKeyFileCipher } from './workspaces/key-file-cipher';
import type { WorkspaceService } from './workspaces/workspace-service';
import { createWorkspaceService } from './workspaces/workspace-service';

export interface AppCore {
  handlers: CommandHandlers;
  feeds: FeedManager;
  demo: DemoLauncher;
  workspaces: WorkspaceService;
  store: WorkspaceStore;
  /** A page connected (window opened, socket accepted): it now hears broadcasts. */
  attach(sink: FeedSink): void;
  /** The page went away: close the feeds it owned and stop telling it things. */
  detach(sink: FeedSink): Promise<void>;
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
  /** Skip creating the Demo workspace on first launch (tests). */
  skipFirstLaunch?: boolean;
  /** Overrides for the feed manager (tests, benchmarks). */
  feeds?: Partial<FeedManagerOptions>;
  /** Faster debounce in tests. */
  saveDebounceMs?: number;
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

  const feeds = createFeedManager({ logsDir: join(options.dataDir, 'logs'), ...options.feeds });
  const demo = createDemoLauncher();
  const cipher = options.cipher ?? (await openKeyFileCipher(options.dataDir));
  const settings = await openSettings(options.dataDir);
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
  const workspaces = createWorkspaceService({
    dataDir: options.dataDir,
    store,
    feeds,
    demo,
    broadcastChanged: (ids) => broadcast('workspaces:changed', { ids, at: Date.now() }),
    notice: (notice) =>
      broadcast('app:notice-posted', { level: 'warning', message: notice.message, at: Date.now() }),
  });
  if (!options.skipFirstLaunch) await workspaces.ensureFirstLaunch();
  const startupNotices = [...settings.notices, ...notices.map((notice) => notice.message)];

  const handlers = createCommandHandlers({
    appInfo: () => describeApp(options.face, options.dataDir),
    now: () => Date.now(),
    feeds,
    demo,
    workspaces,
    saveFile: options.saveFile,
    openFile: options.openFile,
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
  });
  return {
    handlers,
    feeds,
    demo,
    workspaces,
    store,
    attach(sink) {
      clients.add(sink);
      // What the store found at start-up (a recovered file, a newer version) reaches every page.
      for (const message of startupNotices) {
        sink.notify('app:notice-posted', { level: 'warning', message, at: Date.now() });
      }
    },
    async detach(sink) {
      clients.delete(sink);
      await feeds.closeOwner(sink);
    },
    async dispose() {
      await feeds.dispose();
      await store.close();
      await demo.close();
    },
  };
}
