import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium-flags';

export { CHROMIUM_PATH };
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

if (!chromiumAvailable) {
  const message =
    `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run. ` +
    'Install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH).';
  // Under CI a missing browser is a failure, never a quiet skip.
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n!!!!!!!!\n!! SKIPPING E2E TESTS — ${message}\n!!!!!!!!\n`);
}

/** A headless Chromium with a fresh, empty profile. */
export function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'eventscope-profile-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 800 },
  });
}
