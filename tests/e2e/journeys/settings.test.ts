import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startJourney } from '../../support/journey';
import type { JourneyApp } from '../../support/journeys/app';
import { openApp, textsFor } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

const en = textsFor('en');
const zh = textsFor('zh-CN');

function settingsOnDisk(dataDir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe.runIf(chromiumAvailable)('journey: theme, language and the data folder', () => {
  let app: JourneyApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('follows the system, then switches to dark and 简体中文, and keeps them after a reload', async () => {
    app = await openApp({ locale: 'en', colorScheme: 'light' });
    const { page, web } = app;
    const journey = startJourney(page, 'change theme and language');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    await journey.step('the app follows the light system theme in English', async () => {
      await page.getByRole('button', { name: en.shell.settings, exact: true }).waitFor();
      expect(await theme()).toBe('system');
      expect(await background()).toBe('rgb(245, 246, 248)');
    });

    const dialog = page.getByRole('dialog', { name: en.settings.title });
    await journey.step('open Settings', async () => {
      await page.getByRole('button', { name: en.shell.settings, exact: true }).click();
      await dialog.waitFor();
    });

    await journey.step('reveal the data folder: web mode shows and copies the path', async () => {
      await dialog.getByText(web.dataDir).waitFor();
      await dialog.getByRole('button', { name: en.settings.reveal }).click();
      await dialog.getByText(en.settings.revealUnavailable).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(web.dataDir);
    });

    await journey.step('choose the dark theme and Simplified Chinese, then save', async () => {
      await dialog.getByRole('combobox', { name: en.settings.theme }).selectOption('dark');
      await dialog.getByRole('combobox', { name: en.settings.language }).selectOption('zh-CN');
      await dialog.getByRole('button', { name: en.common.save }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: zh.shell.settings, exact: true }).waitFor();
      expect(await theme()).toBe('dark');
      expect(await background()).toBe('rgb(20, 22, 26)');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    });
    expect(settingsOnDisk(web.dataDir)).toMatchObject({ theme: 'dark', language: 'zh-CN' });

    await journey.step('reload: the choices are kept', async () => {
      await page.reload();
      await page.getByRole('button', { name: zh.workspaces.actions.newWorkspace }).waitFor();
      await expect.poll(theme).toBe('dark');
    });

    await journey.step('back to the light theme, in Chinese', async () => {
      await page.getByRole('button', { name: zh.shell.settings, exact: true }).click();
      const zhDialog = page.getByRole('dialog', { name: zh.settings.title });
      await zhDialog.getByRole('combobox', { name: zh.settings.theme }).selectOption('light');
      await zhDialog.getByRole('button', { name: zh.common.save }).click();
      await zhDialog.waitFor({ state: 'detached' });
      expect(await theme()).toBe('light');
    });
    expect(settingsOnDisk(web.dataDir)).toMatchObject({ theme: 'light', language: 'zh-CN' });
  });
});
