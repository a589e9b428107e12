import type { Session, WebContents } from 'electron';
import type { AppLocation } from './app-url';
import { isAppUrl } from './app-url';

/**
 * The only permission the page may use, and only from our own page: writing plain text to the
 * clipboard (copy buttons). Camera, microphone, notifications, geolocation, MIDI, HID, serial…
 * are never needed by an SSE monitor, so every other request and check is denied (Electron
 * security checklist, "Handle session permission requests from remote content").
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function denyPermissionsByDefault(session: PermissionSession, app: AppLocation): void {
  const fromOurPage = (contents: WebContents | null) =>
    contents !== null && !contents.isDestroyed() && isAppUrl(contents.getURL(), app);
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && fromOurPage(contents));
  });
  session.setPermissionCheckHandler((contents, permission) => {
    return ALLOWED_PERMISSIONS.has(permission) && fromOurPage(contents);
  });
}
