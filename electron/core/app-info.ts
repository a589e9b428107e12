import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/api/commands';

export const APP_NAME = 'Eventscope';

declare const __APP_VERSION__: string | undefined;

/** The version baked in at build time; tests run from source, where no define exists. */
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/**
 * The data directory when Electron's `app.getPath('userData')` is not available (web mode, CLI).
 * It matches Electron's own choice for a product named Eventscope, so the desktop app and web
 * mode share workspaces and logs; `EVENTSCOPE_DATA_DIR` overrides it (tests, portable setups).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.EVENTSCOPE_DATA_DIR) return env.EVENTSCOPE_DATA_DIR;
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
  }
}

export function describeApp(face: AppInfo['face'], dataDir: string): AppInfo {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    platform: process.platform,
    dataDir,
    face,
    versions: { node: process.versions.node, electron: process.versions.electron ?? null },
  };
}
