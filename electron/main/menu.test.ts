import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDetail, menuTemplate } from './menu';
import { MENU_WORDS } from './menu-words';

const en = MENU_WORDS.en;

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function build(platform: NodeJS.Platform, isDevelopment: boolean, words = en) {
  const actions = { send: vi.fn(), openDocumentation: vi.fn(), showAbout: vi.fn() };
  const items = flatten(
    menuTemplate({ appName: 'Eventscope', platform, isDevelopment, words }, actions),
  );
  const click = (label: string) =>
    (items.find((item) => item.label === label)!.click as () => void)();
  return { items, actions, click };
}

describe('the application menu', () => {
  it('leaves the page’s own Ctrl/⌘ shortcuts to the page', () => {
    // The feed pane, quick open and endpoint editor shortcuts (README "Feed panes").
    const page = ['CmdOrCtrl+L', 'CmdOrCtrl+F', 'CmdOrCtrl+.', 'CmdOrCtrl+E', 'CmdOrCtrl+S'];
    const normalise = (key: string) => key.replace(/^(Cmd|Ctrl)\+/, 'CmdOrCtrl+');
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const taken = build(platform, true)
        .items.map((item) => item.accelerator)
        .filter((key): key is string => typeof key === 'string')
        .map(normalise);
      expect(taken.filter((key) => page.includes(key))).toEqual([]);
    }
  });

  it('sends File and Help items the page owns to the page by name', () => {
    const { click, actions } = build('linux', false);
    for (const label of ['New Endpoint', 'Import…', 'Export…', 'Settings…', 'Keyboard Shortcuts'])
      click(label);
    expect(actions.send.mock.calls.map(([command]) => command)).toEqual([
      'new-endpoint',
      'import',
      'export',
      'settings',
      'shortcuts',
    ]);
  });

  it('offers a theme choice, documentation and About, and no Electron links', () => {
    const { items, click, actions } = build('win32', false);
    click('Dark');
    click('Documentation');
    click('About Eventscope');
    expect(actions.send).toHaveBeenCalledWith('theme-dark');
    expect(actions.openDocumentation).toHaveBeenCalledTimes(1);
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(items)).not.toMatch(/electronjs/i);
  });

  it('has reload and developer tools only when running from source', () => {
    const roles = (development: boolean) =>
      build('linux', development).items.map((item) => item.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
  });

  it('puts About, Settings and Quit in the app menu on macOS, and Quit in File elsewhere', () => {
    const mac = menuTemplate(
      { appName: 'Eventscope', platform: 'darwin', isDevelopment: false, words: en },
      { send: vi.fn(), openDocumentation: vi.fn(), showAbout: vi.fn() },
    );
    expect(mac[0]!.label).toBe('Eventscope');
    const appMenu = flatten(mac.slice(0, 1));
    expect(appMenu.map((item) => item.role ?? item.label)).toEqual(
      expect.arrayContaining(['About Eventscope', 'Settings…', 'quit']),
    );
    const linuxFile = flatten(build('linux', false).items.filter((i) => i.label === '&File'));
    expect(linuxFile.map((item) => item.role)).toContain('quit');
  });

  it('shows the versions a bug report needs in About', () => {
    expect(
      aboutDetail(
        en,
        '1.2.3',
        { electron: '45.5.0', chrome: '142.0', node: '22.1', v8: '14.2' },
        'linux x64',
      ),
    ).toBe('Version 1.2.3\nElectron 45.5.0\nChromium 142.0\nNode.js 22.1\nV8 14.2\nOS linux x64');
  });

  it('is worded wholly in Simplified Chinese when the language is 简体中文', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { items, click, actions } = build(platform, true, MENU_WORDS['zh-CN']);
      // Every item a user reads has a label of ours (roles included: Electron words them in
      // English on Linux and Windows); none of it is English.
      const read = items.filter((item) => item.type !== 'separator');
      for (const item of read) {
        if (item.label === 'Eventscope') continue; // the app's name, on macOS
        expect(item.label, JSON.stringify(item.role)).toMatch(/[\u4e00-\u9fff]/);
      }
      click('新建端点');
      expect(actions.send).toHaveBeenCalledWith('new-endpoint');
    }
    expect(aboutDetail(MENU_WORDS['zh-CN'], '1.2.3', {}, 'linux x64')).toMatch(/^版本 1\.2\.3/);
  });

  it('has the same items in every language', () => {
    const shape = (words: typeof en) =>
      build('linux', true, words).items.map((item) => [item.role, item.type, item.accelerator]);
    expect(shape(MENU_WORDS['zh-CN'])).toEqual(shape(en));
  });
});
