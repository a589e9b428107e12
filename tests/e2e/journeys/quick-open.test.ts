import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStream, startTestServer } from '../../support/sse/test-server';
import { startJourney } from '../../support/journey';
import { fill, openApp, POLL, textsFor, useCleanup } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

const SECRET = 'sk-quick-open-7';

describe.runIf(chromiumAvailable)('journey: quick open history and Save as endpoint', () => {
  const closeAfter = useCleanup();

  it('remembers an opened request without its secret and saves it into the workspace', async () => {
    const T = textsFor('en');
    const Q = T.workspaces.quickOpen;
    const server = closeAfter(
      await startTestServer({
        '/ticks': (_req, res) => {
          openStream(res);
          res.write('data: tick-1\n\n');
        },
      }),
    );
    const app = closeAfter(await openApp({ locale: 'en', colorScheme: 'light' }));
    const { page, web } = app;
    const journey = startJourney(page, 'quick open history and save as endpoint');
    // Quick open sits in the sidebar, a form named after its heading.
    const form = page.getByRole('form', { name: T.shell.quickOpen });

    await journey.step('open a request with a secret header from Quick open', async () => {
      await form.getByRole('textbox', { name: Q.url }).fill(server.url('/ticks'));
      await form.getByRole('textbox', { name: Q.name, exact: true }).fill('Ticks');
      await form
        .getByRole('textbox', { name: Q.headers })
        .fill(`Authorization: Bearer ${SECRET}\nAccept: text/event-stream`);
      await form.getByRole('button', { name: Q.open }).click();
      await page.getByText('tick-1').first().waitFor({ timeout: 20_000 });
    });
    await expect
      .poll(() => readFileSync(join(web.dataDir, 'settings.json'), 'utf8'), POLL)
      .toContain('/ticks');
    expect(readFileSync(join(web.dataDir, 'settings.json'), 'utf8')).not.toContain(SECRET);

    await journey.step('after a reload, fill the form from the recent requests', async () => {
      await page.reload();
      const recent = page.getByRole('combobox', { name: Q.recent });
      await recent.selectOption({ label: `GET ${server.url('/ticks')}` });
      expect(await form.getByRole('textbox', { name: Q.url }).inputValue()).toBe(
        server.url('/ticks'),
      );
      expect(await form.getByRole('textbox', { name: Q.headers }).inputValue()).toBe(
        'Authorization: \nAccept: text/event-stream',
      );
    });

    await journey.step('Save as endpoint adds it to the current workspace', async () => {
      await form.getByRole('button', { name: Q.saveAsEndpoint }).click();
      await page
        .getByRole('button', { name: fill(T.workspaces.list.open, { name: 'Ticks' }), exact: true })
        .waitFor();
    });
  });
});
