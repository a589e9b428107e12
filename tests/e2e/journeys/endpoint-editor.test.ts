import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../../support/sse/test-server';
import { openStream, startTestServer } from '../../support/sse/test-server';
import { startJourney } from '../../support/journey';
import { fill, openApp, POLL, textsFor, useCleanup, VIEWERS } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

const SECRET = 'sk-journey-secret-42';

/** A local SSE server: each request gets three events and then the stream stays open. */
async function startEventServer(): Promise<TestServer> {
  return startTestServer({
    '/chat': (_req, res) => {
      openStream(res);
      for (let n = 1; n <= 3; n++) res.write(`id: ${n}\ndata: journey-event-${n}\n\n`);
    },
  });
}

describe.runIf(chromiumAvailable)('journey: create, edit and open an endpoint', () => {
  const closeAfter = useCleanup();

  for (const viewer of VIEWERS) {
    it(`creates a POST endpoint with headers, a JSON body and a retry policy, edits it and streams its events (${viewer.locale}, ${viewer.colorScheme})`, async () => {
      const T = textsFor(viewer.locale);
      const server = closeAfter(await startEventServer());
      const app = closeAfter(await openApp(viewer));
      const { page } = app;
      const journey = startJourney(
        page,
        `create edit and open an endpoint ${viewer.locale} ${viewer.colorScheme}`,
      );
      const workspaceBox = page.getByRole('combobox', { name: T.workspaces.actions.workspace });

      await journey.step('the app opens on the Demo workspace', async () => {
        await expect.poll(() => workspaceBox.inputValue()).not.toBe('');
      });

      await journey.step('create a workspace in the in-app dialog', async () => {
        await page.getByRole('button', { name: T.workspaces.actions.newWorkspace }).click();
        const dialog = page.getByRole('dialog', { name: T.workspaces.actions.newTitle });
        await dialog
          .getByRole('textbox', { name: T.workspaces.actions.nameLabel })
          .fill('Journey streams');
        await dialog.getByRole('button', { name: T.workspaces.actions.create }).click();
        await expect
          .poll(
            () => workspaceBox.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
            POLL,
          )
          .toBe('Journey streams');
      });

      const editor = page.getByRole('dialog', { name: T.workspaces.editor.newTitle });
      await journey.step('open the endpoint editor', async () => {
        await page
          .getByRole('button', { name: T.workspaces.list.newEndpoint, exact: true })
          .click();
        await editor.waitFor();
      });

      await journey.step('fill in name, method and a malformed URL: Save is refused', async () => {
        await editor
          .getByRole('textbox', { name: T.workspaces.editor.name, exact: true })
          .fill('Chat journey');
        await editor.getByRole('combobox', { name: T.workspaces.editor.method }).fill('POST');
        await editor
          .getByRole('textbox', { name: T.workspaces.editor.url, exact: true })
          .fill('not a url');
        await editor.getByRole('button', { name: T.common.save }).click();
        await editor.getByText(T.workspaces.editor.errors.malformedUrl).waitFor();
      });

      await journey.step(
        'correct the URL, add two headers (one secret) and a JSON body',
        async () => {
          await editor
            .getByRole('textbox', { name: T.workspaces.editor.url, exact: true })
            .fill(server.url('/chat'));
          const addHeader = editor.getByRole('button', { name: T.workspaces.editor.addHeader });
          await addHeader.click();
          await addHeader.click();
          const names = editor.getByRole('combobox', { name: T.workspaces.editor.headerName });
          const values = editor.getByLabel(T.workspaces.editor.headerValue, { exact: true });
          await names.nth(0).fill('X-Trace');
          await values.nth(0).fill('journey');
          await names.nth(1).fill('X-Session');
          await values.nth(1).fill(SECRET);
          await editor.getByRole('checkbox', { name: T.workspaces.editor.secret }).nth(1).check();
          expect(await values.nth(1).getAttribute('type')).toBe('password');
          await editor
            .getByRole('combobox', { name: T.workspaces.editor.bodyKind })
            .selectOption('json');
          const body = editor.getByRole('textbox', { name: T.workspaces.editor.bodyText });
          await body.fill('{"prompt": ');
          await editor.getByText(T.workspaces.editor.errors.invalidJsonEnd).waitFor();
          await body.fill('{"prompt": "hello", "stream": true}');
          await editor.getByRole('button', { name: T.workspaces.editor.prettyPrint }).click();
          expect(await body.inputValue()).toBe('{\n  "prompt": "hello",\n  "stream": true\n}');
        },
      );

      await journey.step('set a custom retry policy and read its preview', async () => {
        await editor
          .getByRole('spinbutton', { name: T.workspaces.retry.initialDelay })
          .fill('1000');
        await editor.getByRole('spinbutton', { name: T.workspaces.retry.maxAttempts }).fill('5');
        await editor
          .getByText(
            fill(T.workspaces.retry.previewLimited, { count: 5, delays: '1 s, 2 s, 4 s …' }),
          )
          .waitFor();
      });

      await journey.step('save: the endpoint is listed in the workspace', async () => {
        await editor.getByRole('button', { name: T.common.save }).click();
        await editor.waitFor({ state: 'detached' });
        await page
          .getByRole('button', { name: fill(T.workspaces.list.open, { name: 'Chat journey' }) })
          .waitFor();
      });

      await journey.step('edit it: rename and save with Ctrl+S', async () => {
        await page
          .getByRole('button', { name: fill(T.workspaces.list.edit, { name: 'Chat journey' }) })
          .click();
        const edit = page.getByRole('dialog', { name: T.workspaces.editor.editTitle });
        const name = edit.getByRole('textbox', { name: T.workspaces.editor.name, exact: true });
        expect(await name.inputValue()).toBe('Chat journey');
        await name.fill('Chat journey v2');
        await name.press('Control+s');
        await edit.waitFor({ state: 'detached' });
      });

      await journey.step('open it and watch its events arrive from the local server', async () => {
        await page
          .getByRole('button', {
            name: fill(T.workspaces.list.open, { name: 'Chat journey v2' }),
          })
          .click();
        await page.getByText('journey-event-3').first().waitFor({ timeout: 20_000 });
      });

      // What the server received is the request the user built.
      const [received] = server.requestsTo('/chat');
      expect(received?.method).toBe('POST');
      expect(received?.headers['x-trace']).toBe('journey');
      expect(received?.headers['x-session']).toBe(SECRET);
      expect(received?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(received?.body.toString('utf8') ?? '')).toEqual({
        prompt: 'hello',
        stream: true,
      });

      await journey.step('copy it as curl: the secret header is masked', async () => {
        await page
          .getByRole('button', {
            name: fill(T.workspaces.list.more, { name: 'Chat journey v2' }),
          })
          .click();
        await page.getByRole('menuitem', { name: T.workspaces.list.copyCurl, exact: true }).click();
        await page.getByRole('status').getByText(T.workspaces.list.copied).waitFor();
      });
      const command = await page.evaluate(() => navigator.clipboard.readText());
      expect(command).toContain('-X POST');
      expect(command).toContain(server.url('/chat'));
      expect(command).toContain("'X-Session: <secret>'");
      expect(command).not.toContain(SECRET);

      // Saved on disk, and the secret value is nowhere in plain text (web mode has no keyring).
      const dir = join(app.web.dataDir, 'workspaces');
      await expect
        .poll(
          () =>
            readdirSync(dir)
              .filter((f) => f.endsWith('.json') && f !== 'index.json')
              .map((f) => readFileSync(join(dir, f), 'utf8'))
              .join('\n'),
          POLL,
        )
        .toContain('Chat journey v2');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        expect(readFileSync(join(dir, file), 'utf8')).not.toContain(SECRET);
      }
    });
  }
});
