import { readLogRecords } from '../../support/sessions/read-log';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { useWebModeSession } from '../support/session';
import { startJourney } from '../../support/journey';
import { eventData, useCountingSseServer } from '../../support/feeds/counting-sse-server';

const ALPHA_EVENTS = 150;
/** The machine is shared and loaded: give the page time rather than flake. */
const POLL_MS = 20_000;

async function openFeed(page: Page, url: string, name: string): Promise<Locator> {
  const quickOpen = page.getByRole('form', { name: 'Quick open' });
  await quickOpen.getByLabel('URL').fill(url);
  await quickOpen.getByLabel('Name', { exact: true }).fill(name);
  await quickOpen.getByRole('button', { name: /Open feed/ }).click();
  const pane = page.getByRole('region', { name, exact: true });
  await pane.getByRole('grid', { name: `Events of ${name}` }).waitFor();
  return pane;
}

async function filterWith(pane: Locator, text: string): Promise<void> {
  await pane.getByRole('textbox', { name: 'Filter events' }).fill(text);
  await pane.getByRole('textbox', { name: 'Filter events' }).press('Enter');
}

const rowsMatching = (pane: Locator, pattern: RegExp) =>
  pane.getByRole('grid').getByRole('row', { name: pattern }).count();

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe.runIf(chromiumAvailable)('journey: watching live feeds in their panes', () => {
  const session = useWebModeSession();
  const server = useCountingSseServer();

  it('filters, pauses, inspects, copies, navigates by keyboard, reconnects and survives a reload', async () => {
    await session.browser.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await session.browser.newPage();
    const journey = startJourney(page, 'live feed pane');
    const alphaPath = '/events-alpha';
    const betaPath = '/events-beta';

    const alpha = await journey.step('open a feed that sends 150 events', async () => {
      await page.goto(session.web.url);
      return openFeed(page, server.url(`${alphaPath}?count=${ALPHA_EVENTS}&every=25`), 'Alpha');
    });

    const beta = await journey.step('open a second feed beside it', async () => {
      const pane = await openFeed(page, server.url(`${betaPath}?count=100000&every=100`), 'Beta');
      const [a, b] = [await alpha.boundingBox(), await pane.boundingBox()];
      expect(a && b && b.x > a.x + a.width - 1 && Math.abs(a.y - b.y) < 2).toBe(true);
      return pane;
    });

    await journey.step('pause Alpha: the view freezes while events keep arriving', async () => {
      await expect.poll(() => server.sent(alphaPath), { timeout: POLL_MS }).toBeGreaterThan(10);
      await alpha.getByRole('button', { name: 'Pause', exact: true }).click();
      const shownAtPause = await alpha.getByRole('grid').getAttribute('aria-rowcount');
      await expect.poll(() => server.sent(alphaPath), { timeout: POLL_MS }).toBeGreaterThan(60);
      expect(await alpha.getByRole('grid').getAttribute('aria-rowcount')).toBe(shownAtPause);
      await expect
        .poll(() => alpha.getByText(/\d+ waiting/).textContent(), { timeout: POLL_MS })
        .toMatch(/[1-9]\d* waiting/);
    });

    await journey.step('resume: every event the server sent is in the view', async () => {
      await alpha.getByRole('button', { name: 'Resume', exact: true }).click();
      await expect.poll(() => server.sent(alphaPath), { timeout: 20_000 }).toBe(ALPHA_EVENTS);
      await expect
        .poll(() => alpha.getByText(`${ALPHA_EVENTS} events`, { exact: true }).count(), {
          timeout: POLL_MS,
        })
        .toBeGreaterThan(0);
      // Every event is a row: ticks and alerts counted against what the server sent.
      await filterWith(alpha, 'type:tick');
      await alpha.getByText(`showing 120 of ${ALPHA_EVENTS}`).waitFor();
      await filterWith(alpha, 'type:alert');
      await alpha.getByText(`showing 30 of ${ALPHA_EVENTS}`).waitFor();
    });

    await journey.step('hide a type with its chip, then show it again', async () => {
      await filterWith(alpha, '');
      const types = alpha.getByRole('group', { name: 'Event types' });
      await types.getByRole('button', { name: /^tick/ }).click();
      await alpha.getByText(`showing 30 of ${ALPHA_EVENTS}`).waitFor();
      expect(await rowsMatching(alpha, /tick number/)).toBe(0);
      await types.getByRole('button', { name: /^tick/ }).click();
      await alpha.getByText(`${ALPHA_EVENTS} events`, { exact: true }).first().waitFor();
    });

    await journey.step('filter by text', async () => {
      await filterWith(alpha, '"alert number 4"');
      // 40, 45 (n = 4, 40–49 that are alerts): the phrase matches inside the data.
      await alpha.getByText(`showing 2 of ${ALPHA_EVENTS}`).waitFor();
      expect(await rowsMatching(alpha, /tick number/)).toBe(0);
      expect(await rowsMatching(alpha, /alert number 45/)).toBe(1);
    });

    await journey.step('filter by a JSON condition and exclude a type', async () => {
      await filterWith(alpha, '$.error.code == 501 -type:tick');
      const expected = Array.from({ length: ALPHA_EVENTS }, (_, i) => i + 1).filter(
        (n) => n % 5 === 0 && 500 + (n % 3) === 501,
      );
      await alpha.getByText(`showing ${expected.length} of ${ALPHA_EVENTS}`).waitFor();
      expect(await rowsMatching(alpha, /"code":50[02]/)).toBe(0);
    });

    await journey.step('an invalid expression is explained where it was typed', async () => {
      await filterWith(alpha, '$.n >');
      await expect(alpha.getByRole('alert').textContent()).resolves.toMatch(
        /Filter not applied: a value must follow ">"/,
      );
      await alpha.getByRole('textbox', { name: 'Filter events' }).press('Escape');
      expect(await alpha.getByRole('textbox', { name: 'Filter events' }).inputValue()).toBe('');
      await alpha.getByText(`${ALPHA_EVENTS} events`, { exact: true }).first().waitFor();
    });

    await journey.step('inspect an event and copy it three ways', async () => {
      await filterWith(alpha, 'type:alert');
      // The list follows the newest rows; Home scrolls back to the first alerts.
      await alpha.getByRole('grid').press('Home');
      await alpha.getByRole('row', { name: /alert number 25"/ }).click();
      const details = alpha.getByRole('region', { name: 'Event details' });
      await details.waitFor();
      await details.getByRole('button', { name: 'Copy data' }).click();
      await expect.poll(() => clipboard(page), { timeout: POLL_MS }).toBe(eventData(25).data);
      await details.getByRole('button', { name: 'Copy as JSON' }).click();
      await expect.poll(() => clipboard(page), { timeout: POLL_MS }).toContain('"id": "25"');
      await details.getByRole('button', { name: 'Copy as SSE' }).click();
      await expect
        .poll(() => clipboard(page), { timeout: POLL_MS })
        .toBe(`id: 25\nevent: alert\ndata: ${eventData(25).data}\n\n`);
      await details.getByRole('tab', { name: 'Headers' }).click();
      await details.getByRole('cell', { name: 'text/event-stream' }).waitFor();
    });

    await journey.step('move through events with the keyboard', async () => {
      const grid = alpha.getByRole('grid');
      await grid.focus();
      await grid.press('Home');
      await grid.press('ArrowDown');
      await grid.press('ArrowDown');
      await grid.press('Enter');
      const details = alpha.getByRole('region', { name: 'Event details' });
      await details.getByRole('tab', { name: 'Raw' }).click();
      // Third alert: n = 15.
      await expect
        .poll(() => details.textContent(), { timeout: POLL_MS })
        .toContain('alert number 15');
      await grid.focus();
      await grid.press('End');
      await expect
        .poll(() => details.textContent(), { timeout: POLL_MS })
        .toContain(`alert number ${ALPHA_EVENTS}`);
      await grid.press('Escape');
      await expect.poll(() => details.count(), { timeout: POLL_MS }).toBe(0);
      await grid.press('Control+f');
      await expect
        .poll(
          () =>
            alpha
              .getByRole('textbox', { name: 'Filter events' })
              .evaluate((el) => el === document.activeElement),
          { timeout: POLL_MS },
        )
        .toBe(true);
      await grid.focus();
      await grid.press('?');
      await alpha.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    });

    await journey.step('clear the view: the counters and the log keep everything', async () => {
      await page.keyboard.press('Escape');
      await filterWith(alpha, '');
      await alpha.getByRole('button', { name: 'Clear', exact: true }).click();
      await alpha.getByText('0 events', { exact: true }).first().waitFor();
      expect(await rowsMatching(alpha, /number/)).toBe(0);
      await alpha.getByText(`${ALPHA_EVENTS} events`, { exact: true }).first().waitFor();
    });

    await journey.step('web mode shows the session log path to copy', async () => {
      await alpha.getByRole('button', { name: 'Reveal log' }).click();
      await alpha.getByRole('button', { name: 'Copy path' }).click();
      await expect.poll(() => clipboard(page), { timeout: POLL_MS }).toMatch(/\.ndjson$/);
      const logged = readLogRecords(await clipboard(page));
      // Every event the server sent is in the log, whatever the view was cleared of.
      expect(logged.filter((record) => record.kind === 'event')).toHaveLength(ALPHA_EVENTS);
    });

    await journey.step('disconnect Beta, connect again, and reconnect by hand', async () => {
      await expect.poll(() => server.sent(betaPath), { timeout: POLL_MS }).toBeGreaterThan(3);
      await beta.getByRole('button', { name: 'Disconnect', exact: true }).click();
      await beta.getByRole('button', { name: 'Connect', exact: true }).waitFor();
      const sentBefore = server.sent(betaPath);
      await beta.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect.poll(() => server.connections(betaPath), { timeout: POLL_MS }).toBe(2);
      await expect
        .poll(() => server.sent(betaPath), { timeout: POLL_MS })
        .toBeGreaterThan(sentBefore);
      await beta.getByRole('button', { name: 'Reconnect now' }).click();
      await expect.poll(() => server.connections(betaPath), { timeout: POLL_MS }).toBe(3);
      await beta.getByRole('row', { name: /reconnect requested/ }).waitFor();
      await beta.getByText(/1 manual/).waitFor();
    });

    await journey.step('reload the page: both feeds are still there and still live', async () => {
      const before = server.sent(betaPath);
      await page.reload();
      const betaAgain = page.getByRole('region', { name: 'Beta', exact: true });
      await betaAgain.getByRole('grid', { name: 'Events of Beta' }).waitFor();
      await page.getByRole('grid', { name: 'Events of Alpha' }).waitFor();
      await expect
        .poll(() => server.sent(betaPath), { timeout: POLL_MS })
        .toBeGreaterThan(before + 3);
      // The same connection goes on: no new request reached the server.
      expect(server.connections(betaPath)).toBe(3);
      await expect
        .poll(
          () => rowsMatching(betaAgain, new RegExp(`tick number ${server.sent(betaPath) - 1}\\b`)),
          { timeout: POLL_MS },
        )
        .toBeGreaterThan(0);
    });

    await journey.step('closing a live feed asks first', async () => {
      const betaAgain = page.getByRole('region', { name: 'Beta', exact: true });
      await betaAgain.getByRole('button', { name: 'Close feed' }).click();
      const question = betaAgain.getByRole('alertdialog');
      await question.waitFor();
      await question.getByRole('button', { name: 'Close', exact: true }).click();
      await expect.poll(() => betaAgain.count(), { timeout: POLL_MS }).toBe(0);
      await expect.poll(() => server.connections(betaPath), { timeout: POLL_MS }).toBe(3);
    });
    await page.close();
  });
});
