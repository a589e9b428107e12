import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { useWebModeSession } from '../support/session';
import { startJourney } from '../../support/journey';
import { useCountingSseServer } from '../../support/feeds/counting-sse-server';

/** The machine is shared and loaded: give the page time rather than flake. */
const POLL_MS = 20_000;

async function openFeed(page: Page, url: string, name: string): Promise<void> {
  const quickOpen = page.getByRole('form', { name: 'Quick open' });
  await quickOpen.getByLabel('URL').fill(url);
  await quickOpen.getByLabel('Name', { exact: true }).fill(name);
  await quickOpen.getByRole('button', { name: /Open feed/ }).click();
  await page.getByRole('grid', { name: `Events of ${name}` }).waitFor();
}

const visiblePanes = (page: Page) =>
  Promise.all(
    ['One', 'Two'].map((name) => page.getByRole('grid', { name: `Events of ${name}` }).isVisible()),
  );

describe.runIf(chromiumAvailable)('journey: arranging feed panes', () => {
  const session = useWebModeSession();
  const server = useCountingSseServer();

  it('switches to tabs, maximises a pane, remembers the layout and offers the feeds back in a new tab', async () => {
    const page = await session.browser.newPage();
    const journey = startJourney(page, 'feed layouts');

    await journey.step('open two feeds: they sit side by side', async () => {
      await page.goto(session.web.url);
      await openFeed(page, server.url('/events-one?count=100000&every=200'), 'One');
      await openFeed(page, server.url('/events-two?count=100000&every=200'), 'Two');
      expect(await visiblePanes(page)).toEqual([true, true]);
    });

    await journey.step('show them as tabs and switch between them', async () => {
      await page.getByRole('button', { name: 'Tabs', exact: true }).click();
      await expect.poll(() => visiblePanes(page), { timeout: POLL_MS }).toEqual([false, true]);
      await page.getByRole('tab', { name: 'One', exact: true }).click();
      await expect.poll(() => visiblePanes(page), { timeout: POLL_MS }).toEqual([true, false]);
    });

    await journey.step('the layout is remembered across a reload', async () => {
      await page.reload();
      await page.getByRole('tab', { name: 'Two', exact: true }).waitFor();
      expect(
        await page.getByRole('button', { name: 'Tabs', exact: true }).getAttribute('aria-pressed'),
      ).toBe('true');
    });

    await journey.step('back to a grid, maximise one pane, then restore', async () => {
      await page.getByRole('button', { name: '2 columns', exact: true }).click();
      await expect.poll(() => visiblePanes(page), { timeout: POLL_MS }).toEqual([true, true]);
      const two = page.getByRole('region', { name: 'Two', exact: true });
      await two.getByRole('button', { name: 'Maximise' }).click();
      await expect.poll(() => visiblePanes(page), { timeout: POLL_MS }).toEqual([false, true]);
      await two.getByRole('button', { name: 'Restore the layout' }).click();
      await expect.poll(() => visiblePanes(page), { timeout: POLL_MS }).toEqual([true, true]);
    });

    const connectionsBefore = server.connections('/events-one');
    const fresh = await session.browser.newPage();
    const newTab = startJourney(fresh, 'feed layouts in a new tab');
    const offer = fresh.getByRole('region', { name: 'Feeds of the last session' });
    await newTab.step('a new tab offers to reopen the feeds that were open', async () => {
      await fresh.goto(session.web.url);
      await offer.waitFor();
      expect(await offer.textContent()).toContain('One, Two');
    });

    await newTab.step('reopen them', async () => {
      await offer.getByRole('button', { name: 'Reopen them' }).click();
      await fresh.getByRole('grid', { name: 'Events of One' }).waitFor();
      await fresh.getByRole('grid', { name: 'Events of Two' }).waitFor();
      await expect
        .poll(() => server.connections('/events-one'), { timeout: POLL_MS })
        .toBe(connectionsBefore + 1);
    });
    await fresh.close();
    await page.close();
  });
});
