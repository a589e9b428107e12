import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startJourney } from '../../support/journey';
import { fill, openApp, POLL, textsFor, useCleanup, VIEWERS } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

/** The workspace names in the index on disk, in the user's order. */
function namesOnDisk(dataDir: string): string[] {
  const index = JSON.parse(readFileSync(join(dataDir, 'workspaces', 'index.json'), 'utf8')) as {
    workspaces: Array<{ name: string }>;
  };
  return index.workspaces.map((w) => w.name);
}

describe.runIf(chromiumAvailable)('journey: rename, duplicate and delete a workspace', () => {
  const closeAfter = useCleanup();

  for (const viewer of VIEWERS) {
    it(`asks every question in an in-app dialog and keeps the files in step (${viewer.locale}, ${viewer.colorScheme})`, async () => {
      const T = textsFor(viewer.locale);
      const A = T.workspaces.actions;
      const app = closeAfter(await openApp(viewer));
      const { page, web } = app;
      const journey = startJourney(
        page,
        `rename duplicate and delete a workspace ${viewer.locale} ${viewer.colorScheme}`,
      );
      const workspaceBox = page.getByRole('combobox', { name: A.workspace });
      const selectedName = () =>
        workspaceBox.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
      // No native dialog may ever appear (Electron has no window.prompt).
      const nativeDialogs: string[] = [];
      page.on('dialog', (dialog) => {
        nativeDialogs.push(dialog.type());
        void dialog.dismiss();
      });

      await journey.step('the Demo workspace is selected', async () => {
        await expect.poll(selectedName, POLL).toBe('Demo');
      });

      const endpointNames = () =>
        page
          .getByRole('list', { name: T.workspaces.list.label })
          .getByRole('listitem')
          .evaluateAll((items) => items.map((li) => li.querySelector('.name')?.textContent));
      await journey.step('reorder endpoints from the menu and with Alt+arrow keys', async () => {
        await expect
          .poll(endpointNames, POLL)
          .toEqual(expect.arrayContaining(['Clock', 'Counter']));
        const before = await endpointNames();
        await page
          .getByRole('button', { name: fill(T.workspaces.list.more, { name: 'Clock' }) })
          .click();
        await page.getByRole('menuitem', { name: T.workspaces.list.moveDown }).click();
        await expect.poll(endpointNames, POLL).toEqual([before[1], before[0], ...before.slice(2)]);
        await page
          .getByRole('button', { name: fill(T.workspaces.list.edit, { name: 'Clock' }) })
          .press('Alt+ArrowUp');
        await expect.poll(endpointNames, POLL).toEqual(before);
      });

      await journey.step('rename it in the in-app dialog', async () => {
        await page.getByRole('button', { name: A.renameWorkspace }).click();
        const dialog = page.getByRole('dialog', { name: A.renameTitle });
        const name = dialog.getByRole('textbox', { name: A.nameLabel });
        expect(await name.inputValue()).toBe('Demo');
        await name.fill('Streams');
        await name.press('Enter');
        await expect.poll(selectedName, POLL).toBe('Streams');
        await expect.poll(() => namesOnDisk(web.dataDir), POLL).toEqual(['Streams']);
      });

      // The copy is named in the page's language ("Streams copy", "Streams 副本").
      const copyName = fill(A.copyName, { name: 'Streams' });
      await journey.step('duplicate it: the copy is selected', async () => {
        await page.getByRole('button', { name: A.duplicateWorkspace }).click();
        await expect.poll(selectedName, POLL).toBe(copyName);
        await expect
          .poll(() => namesOnDisk(web.dataDir).sort(), POLL)
          .toEqual(['Streams', copyName]);
        // The copy has the same endpoints.
        await page
          .getByRole('button', { name: fill(T.workspaces.list.open, { name: 'Counter' }) })
          .waitFor();
      });

      await journey.step('delete asks first; Escape keeps the workspace', async () => {
        await page.getByRole('button', { name: A.deleteWorkspace }).click();
        const confirm = page.getByRole('dialog', { name: A.deleteTitle });
        await confirm.getByText(fill(A.deleteMessage, { name: copyName })).waitFor();
        await page.keyboard.press('Escape');
        await confirm.waitFor({ state: 'detached' });
        expect(await selectedName()).toBe(copyName);
      });

      await journey.step('delete again and confirm: the workspace is gone', async () => {
        await page.getByRole('button', { name: A.deleteWorkspace }).click();
        const confirm = page.getByRole('dialog', { name: A.deleteTitle });
        await confirm.getByRole('button', { name: T.common.delete }).click();
        await expect.poll(selectedName, POLL).toBe('Streams');
        await expect.poll(() => namesOnDisk(web.dataDir), POLL).toEqual(['Streams']);
        await page
          .getByRole('status')
          .getByText(fill(A.deleted, { name: copyName }))
          .waitFor();
      });

      // Deleted means set aside with a backup, never silently lost.
      const backups = readdirSync(join(web.dataDir, 'workspaces', 'backups'));
      expect(backups.length).toBeGreaterThan(0);
      expect(nativeDialogs).toEqual([]);
    });
  }
});
