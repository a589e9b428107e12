import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { FEED_FRAME_CHANNEL } from '../../../shared/api/channels';
import type { EncodedFeedFrame } from '../../../shared/api/frame-codec';
import { decodeFeedFrame } from '../../../shared/api/frame-codec';
import type { MenuCommand } from '../../../shared/api/notifications';
import type { AppCore } from '../../../electron/core/app-core';
import type { FeedSink } from '../../../electron/core/feeds/feed-manager';
import { appLocation } from '../../../electron/main/app-url';
import { createSenderCheck, registerCommandHandlers } from '../../../electron/main/ipc';
import { windowSink } from '../../../electron/main/window-sink';

const repo = resolve(__dirname, '../../..');

/** The built page the desktop window loads, as the file:// URL main computes. */
export const BUILT_APP = appLocation(join(repo, 'out/renderer/index.html'), undefined);

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

export interface PreloadBridge {
  sink: FeedSink;
  /** Events delivered to the page in feed frames so far. */
  eventsDelivered(): number;
  /** What main does when an application-menu item is clicked (electron/main/index.ts). */
  sendMenuCommand(command: MenuCommand): void;
}

/** Electron's `shell`, as main injects it into the core, recording what it was asked to show. */
export interface ShellStandIn {
  openPath(path: string): Promise<string>;
  revealInFolder(path: string): void;
  /** Folders passed to shell.openPath (Settings › Reveal). */
  opened: string[];
  /** Files passed to shell.showItemInFolder (a feed's Reveal log). */
  shownInFolder: string[];
}

export function shellStandIn(): ShellStandIn {
  const opened: string[] = [];
  const shownInFolder: string[] = [];
  return {
    opened,
    shownInFolder,
    // shell.openPath resolves '' on success and an error message otherwise.
    openPath: async (path) => (opened.push(path), ''),
    revealInFolder: (path) => void shownInFolder.push(path),
  };
}

/**
 * The desktop window's Electron face in plain Chromium: the page gets `window.eventscope` from
 * the built preload itself (out/preload/index.js, run against a stand-in of `contextBridge`
 * and `ipcRenderer`), and its calls reach the real core through main's own IPC registration,
 * sender check and window sink (electron/main/ipc.ts, window-sink.ts).
 */
export async function installPreloadBridge(page: Page, core: AppCore): Promise<PreloadBridge> {
  let events = 0;
  const contents = {
    id: 1,
    isDestroyed: () => page.isClosed(),
    send(channel: string, payload: unknown) {
      if (channel === FEED_FRAME_CHANNEL)
        events += decodeFeedFrame(payload as EncodedFeedFrame).entries.filter(
          (entry) => entry.kind === 'event',
        ).length;
      page
        .evaluate(
          ([c, p]) =>
            (globalThis as unknown as { __ipcDeliver(c: string, p: unknown): void }).__ipcDeliver(
              c,
              p,
            ),
          [channel, payload] as const,
        )
        .catch(() => {
          // The page went away mid-delivery, as a closed window would.
        });
    },
  };
  const sink = windowSink(contents);
  core.attach(sink);
  const handlers = new Map<string, Handler>();
  registerCommandHandlers(
    { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never,
    createSenderCheck(BUILT_APP, (sender) => sender === (contents as unknown)),
    core.handlers,
    () => sink,
  );
  await page.exposeBinding('__ipcInvoke', ({ frame }, channel: string, request: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(
      {
        sender: contents,
        senderFrame: { url: frame.url(), parent: frame.parentFrame() ? {} : null },
      },
      request,
    );
  });
  const preload = readFileSync(join(repo, 'out/preload/index.js'), 'utf8');
  await page.addInitScript(`(() => {
    const listeners = new Map();
    const ipcRenderer = {
      invoke: (channel, request) => window.__ipcInvoke(channel, request),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
      },
    };
    window.__ipcDeliver = (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener({}, payload);
    };
    const contextBridge = {
      exposeInMainWorld: (key, value) =>
        Object.defineProperty(window, key, { value, writable: false, enumerable: true }),
    };
    const require = (name) => {
      if (name !== 'electron') throw new Error('a sandboxed preload can only require electron');
      return { contextBridge, ipcRenderer };
    };
    const module = { exports: {} };
    (function (require, module, exports) {
${preload}
    })(require, module, module.exports);
  })();`);
  return {
    sink,
    eventsDelivered: () => events,
    sendMenuCommand: (command) => sink.notify('menu:command-invoked', { command }),
  };
}
