import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { MenuWords } from './menu-words';

/** Chromium's net error for a load replaced by another navigation: not a failure. */
const ERR_ABORTED = -3;

export interface PageFailureDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** The app page's URL, loaded again by Reload. */
  url: string;
  quit(): void;
  /** The words in the language Settings chose now (menu-words.ts). */
  words(): Pick<MenuWords, 'reload' | 'quit' | 'pageFailure'>;
}

type FailingWindow = Pick<BrowserWindow, 'show' | 'isDestroyed' | 'loadURL'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on'>;
};

/**
 * A page that fails to load or whose renderer dies is shown with an error and a choice of
 * Reload or Quit. Without this the window, created hidden until `ready-to-show`, would stay
 * invisible forever and the app would look like it never started.
 */
export function guardPageFailures(window: FailingWindow, deps: PageFailureDeps): void {
  let asking = false;
  const offer = async (
    wording: (words: MenuWords['pageFailure']) => { message: string; detail: string },
  ) => {
    if (asking || window.isDestroyed()) return;
    asking = true;
    window.show();
    const words = deps.words();
    const options: MessageBoxOptions = {
      type: 'error',
      title: 'Eventscope',
      ...wording(words.pageFailure),
      buttons: [words.reload, words.quit],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    };
    const { response } = await deps.dialog.showMessageBox(window as BrowserWindow, options);
    asking = false;
    if (response === 0 && !window.isDestroyed()) void window.loadURL(deps.url);
    else deps.quit();
  };
  window.webContents.on(
    'did-fail-load',
    (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      if (!isMainFrame || errorCode === ERR_ABORTED) return;
      void offer((words) => ({
        message: words.couldNotLoad,
        detail: words.loadDetail(errorDescription, errorCode, validatedURL),
      }));
    },
  );
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    void offer((words) => ({
      message: words.stoppedWorking,
      detail: words.goneDetail(details.reason, details.exitCode),
    }));
  });
}
