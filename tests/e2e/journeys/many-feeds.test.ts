import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { useWebModeSession } from '../support/session';
import { startJourney } from '../../support/journey';
import { useCountingSseServer } from '../../support/feeds/counting-sse-server';

/** The machine is shared and loaded: give the page time rather than flake. */
const POLL_MS = 20_000;
const FAR_EVENTS = 40;
/** In one column, about three panes fit on screen. */
const PANES = ['Feed 1', 'Feed 2', 'Feed 3', 'Feed 4', 'Feed 5', 'Far', 'Far 7', 'Far 8', 'Far 9'];

async function openFeed(page: Page, url: string, name: string): Promise<void> {
  const quickOpen = page.getByRole('form', { name: 'Quick open' });
  await quickOpen.getByLabel('URL').fill(url);
  await quickOpen.getByLabel('Name', { exact: true }).fill(name);
  await quickOpen.getByRole('button', { name: /Open feed/ }).click();
  await page.getByRole('region', { name, exact: true }).waitFor();
}

describe.runIf(chromiumAvailable)('journey: more feeds than fit on screen', () => {
  const session = useWebModeSession();
  const server = useCountingSseServer();

  it('shows a pane far down the grid by name and state, its events once scrolled to, and reaches the next by Tab', async () => {
    const page = await session.browser.newPage();
    const journey = startJourney(page, 'many feeds');
    const far = page.getByRole('region', { name: 'Far', exact: true });
    const farPath = '/events-far';

    await journey.step('open nine feeds in one column: most are below the fold', async () => {
      await page.goto(session.web.url);
      await openFeed(page, server.url('/events-1?count=100000&every=100'), 'Feed 1');
      await page.getByRole('button', { name: '1 column', exact: true }).click();
      for (const name of PANES.slice(1)) {
        const path =
          name === 'Far'
            ? `${farPath}?count=${FAR_EVENTS}&every=20`
            : `/events-${name.replace(' ', '-')}?count=100000&every=100`;
        await openFeed(page, server.url(path), name);
      }
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

    await journey.step(
      'Tab from the last pane drawn reaches the next one, which comes whole',
      async () => {
        const hasList = async (name: string) =>
          (await page.getByRole('region', { name, exact: true }).getByRole('grid').count()) > 0;
        let next = PANES.indexOf('Far') + 1;
        while (next < PANES.length && (await hasList(PANES[next]!))) next++;
        expect(next).toBeLessThan(PANES.length);
        const before = page.getByRole('region', { name: PANES[next - 1]!, exact: true });
        const target = page.getByRole('region', { name: PANES[next]!, exact: true });
        await before.getByRole('grid').focus();
        // Tab leaves the pane's list (and its scroller, which the browser also stops at).
        const focusIn = (region: typeof target) =>
          region.evaluate((element) => element.contains(document.activeElement));
        for (let press = 0; press < 4 && !(await focusIn(target)); press++) {
          await page.keyboard.press('Tab');
        }
        expect(await focusIn(target)).toBe(true);
        await target.getByRole('grid').waitFor({ timeout: POLL_MS });
        await page.keyboard.press('Tab');
        const maximise = target.getByRole('button', { name: 'Maximise' });
        expect(await maximise.evaluate((button) => button === document.activeElement)).toBe(true);
      },
    );
    await page.close();
  });
});
