import { describe, expect, it } from 'vitest';
import type { TestServer } from '../../support/sse/test-server';
import { openStream, startTestServer } from '../../support/sse/test-server';
import { startJourney } from '../../support/journey';
import { fill, openApp, POLL, textsFor, useCleanup, VIEWERS } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

/** A local SSE server whose events say which server sent them. */
async function startNamedServer(label: string): Promise<TestServer> {
  return startTestServer({
    '/chat': (_req, res) => {
      openStream(res);
      for (let n = 1; n <= 3; n++) res.write(`data: ${label}-event-${n}\n\n`);
    },
  });
}

describe.runIf(chromiumAvailable)('journey: environments switch the value a variable has', () => {
  const closeAfter = useCleanup();

  for (const viewer of VIEWERS) {
    it(`resolves {{base}} from the active environment at each connection (${viewer.locale}, ${viewer.colorScheme})`, async () => {
      const T = textsFor(viewer.locale);
      const V = T.workspaces.variables;
      const one = closeAfter(await startNamedServer('one'));
      const two = closeAfter(await startNamedServer('two'));
      const app = closeAfter(await openApp(viewer));
      const { page } = app;
      const journey = startJourney(page, `environments ${viewer.locale} ${viewer.colorScheme}`);
      const environmentBox = page.getByRole('combobox', {
        name: V.environmentSwitcher,
        exact: true,
      });

      await journey.step('create a workspace for the journey', async () => {
        await page.getByRole('button', { name: T.workspaces.actions.newWorkspace }).click();
        const dialog = page.getByRole('dialog', { name: T.workspaces.actions.newTitle });
        await dialog.getByRole('textbox').fill('Environments');
        await dialog.getByRole('button', { name: T.workspaces.actions.create }).click();
        await expect
          .poll(() => environmentBox.evaluate((s: HTMLSelectElement) => s.options.length), POLL)
          .toBe(1);
      });

      const dialog = page.getByRole('dialog', { name: V.title });
      await journey.step('add two environments, each with its own {{base}}', async () => {
        await page.getByRole('button', { name: V.title }).click();
        await dialog.getByRole('button', { name: V.addEnvironment }).click();
        await dialog.getByRole('button', { name: V.addEnvironment }).click();
        const groups = dialog.getByRole('group', { name: V.environment, exact: true });
        for (const [index, [name, server]] of (
          [
            ['One', one],
            ['Two', two],
          ] as const
        ).entries()) {
          const group = groups.nth(index);
          await group.getByRole('textbox', { name: V.environmentName }).fill(name);
          await group.getByRole('button', { name: V.add }).click();
          await group.getByRole('textbox', { name: V.name }).fill('base');
          await group.getByRole('textbox', { name: V.value }).fill(server.origin);
        }
      });

      await journey.step('save: the first environment is active', async () => {
        await dialog.getByRole('button', { name: T.common.save }).click();
        await dialog.waitFor({ state: 'detached' });
        await expect
          .poll(
            () => environmentBox.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
            POLL,
          )
          .toBe('One');
      });

      await journey.step('an endpoint uses {{base}} in its URL', async () => {
        await page
          .getByRole('button', { name: T.workspaces.list.newEndpoint, exact: true })
          .click();
        const editor = page.getByRole('dialog', { name: T.workspaces.editor.newTitle });
        await editor
          .getByRole('textbox', { name: T.workspaces.editor.name, exact: true })
          .fill('Which server');
        await editor
          .getByRole('textbox', { name: T.workspaces.editor.url, exact: true })
          .fill('{{base}}/chat');
        // Known, so highlighted and not flagged.
        expect(await editor.getByText(/Unknown variables|未知变量/).count()).toBe(0);
        await editor.getByRole('button', { name: T.common.save }).click();
        await editor.waitFor({ state: 'detached' });
      });

      const openButton = page.getByRole('button', {
        name: fill(T.workspaces.list.open, { name: 'Which server' }),
      });
      await journey.step('open it: events come from the server of environment One', async () => {
        await openButton.click();
        await page.getByText('one-event-3').first().waitFor({ timeout: 20_000 });
      });
      expect(one.requestsTo('/chat')).toHaveLength(1);
      expect(two.requestsTo('/chat')).toHaveLength(0);

      await journey.step('switch to environment Two and open it again', async () => {
        await environmentBox.selectOption({ label: 'Two' });
        await page
          .getByRole('status')
          .getByText(fill(V.switched, { name: 'Two' }))
          .waitFor();
        await openButton.click();
        await page.getByText('two-event-3').first().waitFor({ timeout: 20_000 });
      });
      expect(two.requestsTo('/chat')).toHaveLength(1);
      expect(one.requestsTo('/chat')).toHaveLength(1);
    });
  }
});
