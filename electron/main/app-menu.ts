import type { BrowserWindow, Dialog, Menu, NativeTheme, Shell, WebContents } from 'electron';
import type { MenuCommand } from '../../shared/api/notifications';
import { APP_NAME, APP_VERSION } from '../core/app-info';
import type { FeedSink } from '../core/feeds/feed-manager';
import { openExternal } from './external';
import type { Locale } from '../../shared/locale';
import { aboutDetail, menuTemplate } from './menu';
import { MENU_WORDS } from './menu-words';

const DOCUMENTATION_URL = 'https://eventscope.dev/docs';

export interface AppMenuDeps {
  Menu: Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'>;
  BrowserWindow: Pick<typeof BrowserWindow, 'getFocusedWindow' | 'getAllWindows'>;
  nativeTheme: Pick<NativeTheme, 'themeSource'>;
  shell: Pick<Shell, 'openExternal'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  isDevelopment: boolean;
  /** The feed sink of a page of ours (window-registry.ts). */
  sinkOf(contents: WebContents): FeedSink | undefined;
}

function themeOf(command: MenuCommand): 'system' | 'light' | 'dark' | null {
  if (command === 'theme-system') return 'system';
  if (command === 'theme-light') return 'light';
  if (command === 'theme-dark') return 'dark';
  return null;
}

export interface AppMenu {
  /** Rebuilds the menu in another language (Settings → Language changed). */
  setLocale(locale: Locale): void;
}

/**
 * The application menu (menu.ts builds its template). Commands that the page owns are sent to
 * the focused page as `menu:command-invoked`; a theme choice also sets the native theme.
 */
export function installAppMenu(deps: AppMenuDeps, initialLocale: Locale): AppMenu {
  const sendToPage = (command: MenuCommand) => {
    const theme = themeOf(command);
    if (theme) deps.nativeTheme.themeSource = theme;
    const window = deps.BrowserWindow.getFocusedWindow() ?? deps.BrowserWindow.getAllWindows()[0];
    const sink = window ? deps.sinkOf(window.webContents) : undefined;
    sink?.notify('menu:command-invoked', { command });
  };
  let current: Locale | null = null;
  const build = (locale: Locale) => {
    if (locale === current) return;
    current = locale;
    const words = MENU_WORDS[locale];
    deps.Menu.setApplicationMenu(
      deps.Menu.buildFromTemplate(
        menuTemplate(
          {
            appName: APP_NAME,
            platform: process.platform,
            isDevelopment: deps.isDevelopment,
            words,
          },
          {
            send: sendToPage,
            openDocumentation: () => void openExternal(deps.shell, DOCUMENTATION_URL),
            showAbout: () =>
              void deps.dialog.showMessageBox({
                type: 'info',
                title: words.about(APP_NAME),
                message: APP_NAME,
                detail: aboutDetail(
                  words,
                  APP_VERSION,
                  process.versions,
                  `${process.platform} ${process.arch}`,
                ),
              }),
          },
        ),
      ),
    );
  };
  build(initialLocale);
  return { setLocale: build };
}
