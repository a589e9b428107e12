import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { useWebModeSession } from '../support/session';
import { startJourney } from '../../support/journey';
import {
  startCountingSseServer,
  type CountingSseServer,
} from '../../support/feeds/counting-sse-server';

/** The machine is shared and loaded: give the page time rather than flake. */
const POLL_MS = 20_000;
const FAR_EVENTS = 40;

async function openFeed(page: Page, url: string, name: string): Promise<void> {
  const quickOpen = page.getByRole('form', { name: 'Quick open' });
  await quickOpen.getByLabel('URL').fill(url);
  await quickOpen.getByLabel('Name', { exact: true }).fill(name);
  await quickOpen.getByRole('button', { name: /Open feed/ }).click();
  await page.getByRole('region', { name, exact: true }).waitFor();
}

describe.runIf(chromiumAvailable)('journey: more feeds than fit on screen', () => {
  const session = useWebModeSession();
  let server: CountingSseServer;
  beforeAll(async () => {
    server = await startCountingSseServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows a pane far down the grid by name and state, and its events once scrolled to', async () => {
    const page = await session.browser.newPage();
    const journey = startJourney(page, 'many feeds');
    const far = page.getByRole('region', { name: 'Far', exact: true });
    const farPath = '/events-far';

    await journey.step('open six feeds in one column: the last is below the fold', async () => {
      await page.goto(session.web.url);
      await openFeed(page, server.url('/events-1?count=100000&every=100'), 'Feed 1');
      await page.getByRole('button', { name: '1 column', exact: true }).click();
      for (let n = 2; n <= 5; n++) {
        await openFeed(page, server.url(`/events-${n}?count=100000&every=100`), `Feed ${n}`);
      }
      await openFeed(page, server.url(`${farPath}?count=${FAR_EVENTS}&every=20`), 'Far');
      await expect.poll(() => server.sent(farPath), { timeout: POLL_MS }).toBe(FAR_EVENTS);
    });

    await journey.step(
      'the far pane shows its name and state before it is scrolled to',
      async () => {
        expect(await far.getByRole('heading', { name: 'Far' }).count()).toBe(1);
        await far.getByText('open', { exact: true }).waitFor({ state: 'attached' });
        expect(await far.getByRole('grid').count()).toBe(0);
      },
    );

    await journey.step(
      'scroll to it: its events are there, as many as the server sent',
      async () => {
        await far.scrollIntoViewIfNeeded();
        await far.getByRole('grid', { name: 'Events of Far' }).waitFor({ timeout: POLL_MS });
        await far
          .getByText(`${FAR_EVENTS} events`, { exact: true })
          .first()
          .waitFor({ timeout: POLL_MS });
        await far
          .getByRole('row', { name: new RegExp(`alert number ${FAR_EVENTS}\\b`) })
          .waitFor({ timeout: POLL_MS });
        expect(server.sent(farPath)).toBe(FAR_EVENTS);
      },
    );
    await page.close();
  });
});
