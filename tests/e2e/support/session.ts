import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './chromium';
import type { RunningWebMode } from './web-mode';
import { startWebMode } from './web-mode';

export interface WebModeSession {
  /** The built CLI's `serve`, with its own data directory. */
  readonly web: RunningWebMode;
  /** A headless Chromium with a fresh profile. */
  readonly browser: BrowserContext;
}

/**
 * For a describe block: web mode and a browser started once before its tests and stopped after.
 * Read the fields inside tests (they exist only once beforeAll has run).
 */
export function useWebModeSession(): WebModeSession {
  let web: RunningWebMode | null = null;
  let browser: BrowserContext | null = null;
  beforeAll(async () => {
    web = await startWebMode();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });
  return {
    get web() {
      if (!web) throw new Error('web mode is not running (used outside a test?)');
      return web;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not running (used outside a test?)');
      return browser;
    },
  };
}
