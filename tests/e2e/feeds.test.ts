import { mkdirSync, readdirSync } from 'node:fs';
import { readLogRecords } from '../support/sessions/read-log';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './support/chromium';
import { useWebModeSession } from './support/session';
import { startCountingSseServer } from '../support/feeds/counting-sse-server';

function findLogs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? findLogs(join(dir, entry.name))
      : entry.name.endsWith('.ndjson')
        ? [join(dir, entry.name)]
        : [],
  );
}

const eventsShown = (page: Page, index: number) =>
  page.getByTestId('feed-panel').nth(index).getByTestId('feed-events').textContent();

describe.runIf(chromiumAvailable)('live feeds in web mode', () => {
  const session = useWebModeSession();

  it('streams several demo feeds side by side and logs every event on disk', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.web.url);
    await page.getByTestId('demo-counter').click();
    await expect.poll(() => page.getByTestId('feed-panel').count()).toBe(1);
    await page.getByTestId('demo-chat').click();
    await page.getByTestId('demo-stream').click();
    await expect.poll(() => page.getByTestId('feed-panel').count()).toBe(3);

    await expect
      .poll(async () => Number(await eventsShown(page, 0)), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    await expect
      .poll(async () => Number(await eventsShown(page, 1)), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(5);
    await expect
      .poll(async () => Number(await eventsShown(page, 2)), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('feed-state').nth(0).textContent()).toBe('open');
    const rows = await page.getByTestId('feed-panel').nth(0).locator('.row.event').count();
    expect(rows).toBeGreaterThanOrEqual(3);

    mkdirSync('test-results/e2e', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e/feeds.png' });

    const chatLog = findLogs(join(session.web.dataDir, 'logs')).find((path) =>
      path.includes('Demo chat'),
    );
    expect(chatLog).toBeDefined();
    await page.getByTestId('feed-panel').nth(1).getByTestId('feed-close').click();
    await expect.poll(() => page.getByTestId('feed-panel').count()).toBe(2);
    // Closing a feed flushes its log: every chat token event is there, ending with [DONE].
    const lines = readLogRecords(chatLog!);
    const events = lines.filter((l) => l.kind === 'event');
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(lines.filter((l) => 'seq' in l).map((l) => l.seq)).toEqual(
      lines.filter((l) => 'seq' in l).map((_, i) => i + 1),
    );
    await page.close();
  });

  it('opens the details of a row clicked while its list scrolls with a fast feed', async () => {
    const server = await startCountingSseServer();
    try {
      const page = await session.browser.newPage();
      await page.goto(session.web.url);
      await page.getByTestId('open-url').fill(server.url('/events?count=100000&every=1'));
      await page.getByTestId('open-submit').click();
      await expect.poll(() => server.sent('/events'), { timeout: 20_000 }).toBeGreaterThan(300);
      const details = page.getByRole('region', { name: 'Event details' });
      // Rows are rewritten every frame at this rate: each click must still open what it hit.
      for (let attempt = 0; attempt < 3; attempt++) {
        await page
          .getByRole('grid')
          .first()
          .getByRole('row', { name: /tick number|alert number/ })
          .last()
          .click({ timeout: 10_000 });
        await details.waitFor({ timeout: 10_000 });
        expect(await details.textContent()).toMatch(/(tick|alert) number \d+/);
        await details.getByRole('button', { name: 'Close details' }).click();
        await details.waitFor({ state: 'detached', timeout: 10_000 });
      }
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('shows why a bad request failed', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.web.url);
    await page.getByTestId('demo-counter').click();
    await expect.poll(() => page.getByTestId('feed-panel').count()).toBe(1);
    const started = await page.evaluate(() => window.eventscope!.startDemoServer());
    if (!started.ok) throw new Error(started.error.message);
    await page.getByTestId('open-url').fill(`${started.value.url}/chat`);
    await page.getByTestId('open-method').fill('POST');
    await page.getByTestId('open-body').fill('not json');
    await page.getByTestId('open-submit').click();
    await expect.poll(() => page.getByTestId('feed-panel').count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('feed-state').nth(1).textContent(), { timeout: 20_000 })
      .toBe('failed');
    expect(await page.getByTestId('feed-error-body').textContent()).toMatch(/JSON/i);
    await page.close();
  });
});
