import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium-flags';
import type { RunningWebMode, WebModeOptions } from '../../e2e/support/web-mode';
import { startWebMode } from '../../e2e/support/web-mode';
import { en } from '../../../renderer/src/i18n/locales/en';
import { zhCN } from '../../../renderer/src/i18n/locales/zh-CN';
import type { MessageSchema } from '../../../renderer/src/i18n/locales/en';

/**
 * For expect.poll on what the app writes or shows after a round trip: workspace saves are
 * debounced and the machine is shared, so vitest's 1 s default is too short.
 */
export const POLL = { timeout: 15_000, interval: 100 } as const;

/** How a journey's user sees the app: the browser's language and the OS colour scheme. */
export interface Viewer {
  locale: 'en' | 'zh-CN';
  colorScheme: 'light' | 'dark';
}

export const VIEWERS: readonly Viewer[] = [
  { locale: 'en', colorScheme: 'light' },
  { locale: 'zh-CN', colorScheme: 'dark' },
];

/** The catalogue the app picks for that browser language: journeys find controls by its names. */
export function textsFor(locale: Viewer['locale']): MessageSchema {
  return locale === 'en' ? en : zhCN;
}

/** Fills `{name}` placeholders the way vue-i18n does, for names such as "Open {name}". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

export interface JourneyApp {
  web: RunningWebMode;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Web mode with a fresh data directory, and a fresh Chromium profile whose language and colour
 * scheme are the viewer's (so "follow the system" is what is tested), with clipboard access.
 */
export async function openApp(viewer: Viewer, options: WebModeOptions = {}): Promise<JourneyApp> {
  const web = await startWebMode(options);
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'eventscope-journey-')),
    {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--lang=${viewer.locale}`],
      viewport: { width: 1280, height: 800 },
      locale: viewer.locale,
      colorScheme: viewer.colorScheme,
    },
  );
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(web.url).origin,
  });
  const page = await context.newPage();
  await page.goto(web.url);
  return {
    web,
    context,
    page,
    async close() {
      await context.close();
      await web.stop();
    },
  };
}

/** What a journey opens and must close after its test: the app, a server, an open stream. */
export interface Closable {
  close(): unknown;
}

/**
 * Registers an afterEach that closes what each test handed to the returned function, the last
 * opened first (streams, then the app, then the servers they talk to), pass or fail, so a failed
 * step never leaves a browser, web mode or server behind for the next test.
 */
export function useCleanup(): <T extends Closable>(thing: T) => T {
  const opened: Closable[] = [];
  afterEach(async () => {
    for (const thing of opened.splice(0).reverse()) await thing.close();
  });
  return (thing) => {
    opened.push(thing);
    return thing;
  };
}
