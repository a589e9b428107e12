import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_WORDS } from './menu-words';
import { guardPageFailures } from './page-failures';

function failingWindow() {
  const contents = new EventEmitter();
  const window = {
    webContents: contents,
    show: vi.fn(),
    isDestroyed: () => false,
    loadURL: vi.fn(async () => {}),
  };
  return { window, contents };
}

function guard(locale: keyof typeof MENU_WORDS, response: number) {
  const { window, contents } = failingWindow();
  const asked: MessageBoxOptions[] = [];
  const quit = vi.fn();
  guardPageFailures(window as unknown as Parameters<typeof guardPageFailures>[0], {
    dialog: {
      showMessageBox: (async (_window: unknown, options: MessageBoxOptions) => {
        asked.push(options);
        return { response, checkboxChecked: false };
      }) as never,
    },
    url: 'app://eventscope/index.html',
    quit,
    words: () => MENU_WORDS[locale],
  });
  return { window, contents, asked, quit };
}

describe('a page that fails', () => {
  it('shows the window with Reload and Quit, and Reload loads the page again', async () => {
    const { window, contents, asked } = guard('en', 0);
    contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'app://x/', true);
    await vi.waitFor(() =>
      expect(window.loadURL).toHaveBeenCalledWith('app://eventscope/index.html'),
    );
    expect(window.show).toHaveBeenCalled();
    expect(asked[0]).toMatchObject({
      message: 'The Eventscope window could not load.',
      detail: 'ERR_NAME_NOT_RESOLVED (-105) while loading app://x/',
      buttons: ['Reload', 'Quit'],
    });
  });

  it('asks in 简体中文 when that is the language, and Quit quits', async () => {
    const { contents, asked, quit } = guard('zh-CN', 1);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(asked[0]).toMatchObject({
      message: 'Eventscope 窗口已停止工作。',
      detail: '渲染进程已结束：crashed（退出码 11）。',
      buttons: ['重新加载', '退出'],
    });
  });

  it('ignores a load replaced by another navigation and a renderer that exited cleanly', async () => {
    const { contents, asked } = guard('en', 0);
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://x/', true);
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);
  });
});
