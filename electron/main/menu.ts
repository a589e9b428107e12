import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/notifications';

export interface MenuContext {
  appName: string;
  platform: NodeJS.Platform;
  /** Reload and developer tools are offered only when running from source. */
  isDevelopment: boolean;
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
  const command = (label: string, name: MenuCommand, accelerator?: string) => ({
    label,
    accelerator,
    click: () => actions.send(name),
  });
  const about = { label: `About ${context.appName}`, click: () => actions.showAbout() };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: context.appName,
          submenu: [
            about,
            { type: 'separator' },
            command('Settings…', 'settings', 'Cmd+,'),
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New Endpoint', 'new-endpoint', 'CmdOrCtrl+N'),
      { type: 'separator' },
      command('Import…', 'import', 'CmdOrCtrl+O'),
      // Shift: a feed pane's own Ctrl/⌘+E exports that feed (docs/shortcuts in README).
      command('Export…', 'export', 'CmdOrCtrl+Shift+E'),
      ...(mac
        ? []
        : ([
            { type: 'separator' },
            command('Settings…', 'settings', 'Ctrl+,'),
            { type: 'separator' },
            { role: 'quit' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: [
          { ...command('System', 'theme-system'), type: 'radio', checked: true },
          { ...command('Light', 'theme-light'), type: 'radio' },
          { ...command('Dark', 'theme-dark'), type: 'radio' },
        ],
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(context.isDevelopment
        ? ([
            { type: 'separator' },
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      command('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'),
      { label: 'Documentation', click: () => actions.openDocumentation() },
      ...(mac ? [] : ([{ type: 'separator' }, about] satisfies MenuItemConstructorOptions[])),
    ],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}

/** The About box text: the versions a bug report needs. */
export function aboutDetail(
  appVersion: string,
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>,
  os: string,
): string {
  return [
    `Version ${appVersion}`,
    `Electron ${versions.electron ?? '?'}`,
    `Chromium ${versions.chrome ?? '?'}`,
    `Node.js ${versions.node ?? '?'}`,
    `V8 ${versions.v8 ?? '?'}`,
    `OS ${os}`,
  ].join('\n');
}
