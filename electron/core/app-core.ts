import { join } from 'node:path';
import type { AppInfo } from '../../shared/api/commands';
import type { CommandHandlers } from './api/handlers';
import { createCommandHandlers } from './api/handlers';
import { describeApp } from './app-info';
import type { DemoLauncher } from './demo/launcher';
import { createDemoLauncher } from './demo/launcher';
import type { FeedManager, FeedManagerOptions } from './feeds/feed-manager';
import { createFeedManager } from './feeds/feed-manager';

export interface AppCore {
  handlers: CommandHandlers;
  feeds: FeedManager;
  demo: DemoLauncher;
  /** Closes every feed (flushing its log) and the demo server. */
  dispose(): Promise<void>;
}

export interface AppCoreOptions {
  face: AppInfo['face'];
  dataDir: string;
  /** Overrides for the feed manager (tests, benchmarks). */
  feeds?: Partial<FeedManagerOptions>;
}

/** The one core every face wires up: Electron main and web mode build the same thing. */
export function createAppCore(options: AppCoreOptions): AppCore {
  const feeds = createFeedManager({ logsDir: join(options.dataDir, 'logs'), ...options.feeds });
  const demo = createDemoLauncher();
  const handlers = createCommandHandlers({
    appInfo: () => describeApp(options.face, options.dataDir),
    now: () => Date.now(),
    feeds,
    demo,
  });
  return {
    handlers,
    feeds,
    demo,
    async dispose() {
      await feeds.dispose();
      await demo.close();
    },
  };
}
