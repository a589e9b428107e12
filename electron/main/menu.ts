import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/notifications';
import type { MenuWords } from './menu-words';

export interface MenuContext {
  appName: string;
  platform: NodeJS.Platform;
  /** Reload and developer tools are offered only when running from source. */
  isDevelopment: boolean;
  /** The labels, in the language Settings chose (menu-words.ts). */
  words: MenuWords;
}

export interface MenuActions {
  /** Asks the page to do something it owns (a dialog, an editor). */
  send(command: MenuCommand): void;
  openDocumentation(): void;
  showAbout(): void;
}

/**
 * The application menu. Without one Electron installs its default, whose Help menu links to
 * Electron's own website. Page actions are sent to the page as `menu:command-invoked`; editing,
 * zoom and window items use Electron's roles so they behave natively on every platform.
 */
export function menuTemplate(
  context: MenuContext,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const w = context.words;
  const command = (label: string, name: MenuCommand, accelerator?: string) => ({
    label,
    accelerator,
    click: () => actions.send(name),
  });
  const about = { label: w.about(context.appName), click: () => actions.showAbout() };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: context.appName,
          submenu: [
            about,
            { type: 'separator' },
            command(w.settings, 'settings', 'Cmd+,'),
            { type: 'separator' },
            { role: 'services', label: w.services },
            { type: 'separator' },
            { role: 'hide', label: w.hide(context.appName) },
            { role: 'hideOthers', label: w.hideOthers },
            { role: 'unhide', label: w.showAll },
            { type: 'separator' },
            { role: 'quit', label: w.quit },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: w.file,
    submenu: [
      command(w.newEndpoint, 'new-endpoint', 'CmdOrCtrl+N'),
      { type: 'separator' },
      command(w.import, 'import', 'CmdOrCtrl+O'),
      // Shift: a feed pane's own Ctrl/⌘+E exports that feed (docs/shortcuts in README).
      command(w.export, 'export', 'CmdOrCtrl+Shift+E'),
      ...(mac
        ? []
        : ([
            { type: 'separator' },
            command(w.settings, 'settings', 'Ctrl+,'),
            { type: 'separator' },
            { role: 'quit', label: w.quit },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: w.edit,
    submenu: [
      { role: 'undo', label: w.undo },
      { role: 'redo', label: w.redo },
      { type: 'separator' },
      { role: 'cut', label: w.cut },
      { role: 'copy', label: w.copy },
      { role: 'paste', label: w.paste },
      { role: 'delete', label: w.delete },
      { type: 'separator' },
      { role: 'selectAll', label: w.selectAll },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: w.view,
    submenu: [
      { role: 'resetZoom', label: w.resetZoom },
      { role: 'zoomIn', label: w.zoomIn },
      { role: 'zoomOut', label: w.zoomOut },
      { type: 'separator' },
      {
        label: w.theme,
        submenu: [
          { ...command(w.themeSystem, 'theme-system'), type: 'radio', checked: true },
          { ...command(w.themeLight, 'theme-light'), type: 'radio' },
          { ...command(w.themeDark, 'theme-dark'), type: 'radio' },
        ],
      },
      { type: 'separator' },
      { role: 'togglefullscreen', label: w.fullScreen },
      ...(context.isDevelopment
        ? ([
            { type: 'separator' },
            { role: 'reload', label: w.reload },
            { role: 'forceReload', label: w.forceReload },
            { role: 'toggleDevTools', label: w.devTools },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'window',
    label: w.window,
    submenu: [
      // The items Electron's `windowMenu` role gives each platform, with our labels.
      { role: 'minimize', label: w.minimize },
      ...(mac
        ? ([
            { role: 'zoom', label: w.zoom },
            { type: 'separator' },
            { role: 'front', label: w.front },
          ] satisfies MenuItemConstructorOptions[])
        : ([{ role: 'close', label: w.close }] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: w.help,
    submenu: [
      command(w.shortcuts, 'shortcuts', 'CmdOrCtrl+/'),
      { label: w.documentation, click: () => actions.openDocumentation() },
      ...(mac ? [] : ([{ type: 'separator' }, about] satisfies MenuItemConstructorOptions[])),
    ],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}

/** The About box text: the versions a bug report needs. */
export function aboutDetail(
  words: Pick<MenuWords, 'version'>,
  appVersion: string,
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>,
  os: string,
): string {
  return [
    `${words.version} ${appVersion}`,
    `Electron ${versions.electron ?? '?'}`,
    `Chromium ${versions.chrome ?? '?'}`,
    `Node.js ${versions.node ?? '?'}`,
    `V8 ${versions.v8 ?? '?'}`,
    `OS ${os}`,
  ].join('\n');
}
