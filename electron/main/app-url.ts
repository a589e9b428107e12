import { pathToFileURL } from 'node:url';

/**
 * Where the renderer is loaded from: the dev server in `electron-vite dev`, the built file
 * otherwise. Everything that decides "is this our page?" compares against this one value.
 */
export interface AppLocation {
  /** The URL the main window loads. */
  url: string;
  /** Origin to compare against for http(s) dev URLs; null for file:// (compared by path). */
  origin: string | null;
}

export function appLocation(
  rendererIndexFile: string,
  devServerUrl: string | undefined,
): AppLocation {
  if (devServerUrl) return { url: devServerUrl, origin: new URL(devServerUrl).origin };
  return { url: pathToFileURL(rendererIndexFile).href, origin: null };
}

/**
 * True when `candidate` is our own renderer page. For file:// we require the exact index file,
 * not just the scheme: any local file would otherwise count as "the app" (file:// origins are
 * opaque and shared by every file on disk).
 */
export function isAppUrl(candidate: string, app: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (app.origin !== null) return url.origin === app.origin;
  const expected = new URL(app.url);
  return url.protocol === 'file:' && url.pathname === expected.pathname;
}
