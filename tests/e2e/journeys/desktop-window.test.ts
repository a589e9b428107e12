import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core';
import { openAppCore } from '../../../electron/core/app-core';
import { apiMethodNames } from '../../../shared/api/channels';
import { CHROMIUM_ARGS } from '../../../scripts/chromium-flags';
import {
  BUILT_APP,
  installPreloadBridge,
  shellStandIn,
} from '../../support/electron/preload-bridge';
import { startJourney } from '../../support/journey';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/chromium';

// The desktop window's page as Electron shows it: the built renderer from file:// (file access
// allowed, as Electron's file-protocol privileges do) with `window.eventscope` from the built
// preload, backed by the real core. The CSP, relative asset paths and the Electron-only
// paths (the native save dialog, Reveal, the application menu) run here; the Electron binary
// itself cannot.

describe.runIf(chromiumAvailable)('the desktop window’s page', () => {
  const cores: AppCore[] = [];
  afterAll(async () => {
    for (const core of cores) await core.dispose();
  });

  it('loads from file:// under its CSP, streams the demo, exports through the save dialog, reveals folders and obeys the menu', async () => {
    const saveDir = mkdtempSync(join(tmpdir(), 'eventscope-saved-'));
    const saved: string[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-desktop-'));
    const shell = shellStandIn();
    const core = await openAppCore({
      face: 'electron',
      dataDir,
      openPath: shell.openPath,
      revealInFolder: shell.revealInFolder,
      // The native save dialog, answered with its suggested name in a folder of ours.
      saveFile: async (suggestedName, text) => {
        const path = join(saveDir, suggestedName);
        await writeFile(path, text, { mode: 0o600 });
        saved.push(path);
        return path;
      },
    });
    cores.push(core);
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
      const bridge = await installPreloadBridge(page, core);
      const journey = startJourney(page, 'desktop window from file');

      await journey.step('The window opens on the Demo workspace', async () => {
        await page.goto(BUILT_APP.url);
        await expect
          .poll(() => page.getByRole('combobox', { name: 'Workspace' }).inputValue())
          .not.toBe('');
        await expect
          .poll(() => page.getByRole('listitem').filter({ hasText: 'Counter' }).count())
          .toBe(1);
        expect(await page.evaluate(() => Object.keys(window.eventscope ?? {}).sort())).toEqual(
          apiMethodNames(),
        );
      });

      await journey.step('Open the Counter endpoint: its events arrive', async () => {
        await page
          .getByRole('listitem')
          .filter({ hasText: 'Counter' })
          .getByRole('button', { name: 'Open Counter' })
          .click();
        await expect.poll(() => bridge.eventsDelivered(), { timeout: 20_000 }).toBeGreaterThan(2);
      });

      await journey.step(
        'File › Export… exports the workspace through the native save dialog',
        async () => {
          // File › Export… from the application menu opens the same dialog as the sidebar's button.
          bridge.sendMenuCommand('export');
          await page
            .getByRole('dialog', { name: /^Export “/ })
            .getByRole('button', { name: 'Export without secrets' })
            .click();
          await expect.poll(() => saved.length).toBe(1);
          await expect.poll(() => page.getByText(`Exported to ${saved[0]}`).count()).toBe(1);
          expect(JSON.parse(readFileSync(saved[0]!, 'utf8'))).toMatchObject({
            format: 'eventscope-workspace-export',
            secretsIncluded: false,
          });
        },
      );

      await journey.step(
        'Reveal log shows the feed’s session log in the file manager',
        async () => {
          await page.getByRole('button', { name: 'Reveal log' }).click();
          await expect.poll(() => shell.shownInFolder.length).toBe(1);
          const log = shell.shownInFolder[0]!;
          expect(log.startsWith(dataDir)).toBe(true);
          expect(existsSync(log)).toBe(true);
          expect(readFileSync(log, 'utf8')).not.toBe('');
          await expect.poll(() => page.getByText('Shown in the file manager').count()).toBe(1);
        },
      );

      await journey.step('The menu’s Settings… opens the Settings dialog', async () => {
        bridge.sendMenuCommand('settings');
        await expect.poll(() => page.getByRole('dialog', { name: 'Settings' }).count()).toBe(1);
      });

      await journey.step('Settings › Reveal opens the data folder', async () => {
        const settings = page.getByRole('dialog', { name: 'Settings' });
        await settings.getByRole('button', { name: 'Reveal', exact: true }).click();
        await expect.poll(() => shell.opened).toEqual([dataDir]);
        await settings.getByRole('button', { name: 'Cancel' }).click();
        await expect.poll(() => page.getByRole('dialog', { name: 'Settings' }).count()).toBe(0);
      });

      await journey.step('The menu’s New Endpoint opens the endpoint editor', async () => {
        bridge.sendMenuCommand('new-endpoint');
        const editor = page.getByRole('dialog', { name: 'New endpoint' });
        await expect.poll(() => editor.count()).toBe(1);
        await editor.getByRole('button', { name: 'Cancel' }).click();
        await expect.poll(() => editor.count()).toBe(0);
      });

      await journey.step('Help › Keyboard Shortcuts lists the shortcuts', async () => {
        bridge.sendMenuCommand('shortcuts');
        const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await expect.poll(() => list.count()).toBe(1);
        await list.getByRole('button', { name: 'Close' }).click();
        await expect.poll(() => list.count()).toBe(0);
      });

      await journey.step(
        'The menu’s Theme › Dark switches the page to the dark theme',
        async () => {
          bridge.sendMenuCommand('theme-dark');
          await expect
            .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
            .toBe('dark');
          await expect
            .poll(() => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).theme)
            .toBe('dark');
        },
      );

      // Every script and style loaded by relative path, and the CSP refused nothing.
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
