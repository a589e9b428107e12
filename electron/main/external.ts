/** Schemes we hand to the OS; anything else (file:, javascript:, custom handlers) is refused. */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/**
 * The one guarded way to open a link outside the app. Returns whether it was opened, so the
 * caller can tell the user when a link was refused.
 */
export async function openExternal(shell: ShellLike, url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return false;
  await shell.openExternal(parsed.href);
  return true;
}
