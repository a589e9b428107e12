import type { BrowserWindow, Dialog, Screen, WebContents } from 'electron';
import type { AppCore } from '../core/app-core';
import type { FeedSink } from '../core/feeds/feed-manager';
import type { MenuWords } from './menu-words';
import { guardPageFailures } from './page-failures';
import { createMainWindow, type WindowDeps } from './window';
import { windowSink } from './window-sink';
import { fitToDisplays, trackWindowState, type WindowState } from './window-state';

export interface WindowRegistryDeps {
  windows: WindowDeps;
  core: Pick<AppCore, 'attach' | 'detach'>;
  screen: Pick<Screen, 'getAllDisplays'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** The size and place of the last run's window, if remembered. */
  savedState: WindowState | null;
  windowStateFile: string;
  /** Quits the app (the page-failure dialog's Quit). */
  quit(): void;
  /** The main process's words in the language Settings chose now. */
  words(): MenuWords;
  /** Windows ends the session without `before-quit`: flush the logs before it kills us. */
  quitNow(): void;
}

export interface WindowRegistry {
  /** Opens a main window with its feed sink attached to the core. */
  open(): BrowserWindow;
  /** The feed sink of a page of ours, undefined for any other webContents. */
  sinkOf(contents: WebContents): FeedSink | undefined;
}

/**
 * The app's windows and the feed sink of each page in them (docs/architecture.md, the path of
 * one event): frames and notifications reach the page that owns the feed, and whatever a page
 * owned closes with it.
 */
export function createWindowRegistry(deps: WindowRegistryDeps): WindowRegistry {
  const { core } = deps;
  const sinks = new Map<WebContents, FeedSink>();

  const open = (): BrowserWindow => {
    const state = deps.savedState
      ? fitToDisplays(
          deps.savedState,
          deps.screen.getAllDisplays().map((display) => display.workArea),
        )
      : null;
    const window = createMainWindow(deps.windows, state ?? undefined);
    const contents = window.webContents;
    trackWindowState(window, deps.windowStateFile);
    guardPageFailures(window, {
      dialog: deps.dialog,
      url: deps.windows.app.url,
      quit: deps.quit,
      words: deps.words,
    });
    window.on('session-end', () => deps.quitNow());
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

  return { open, sinkOf: (contents) => sinks.get(contents) };
}
