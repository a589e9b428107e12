import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium';
import { useWebModeSession } from './support/session';

describe.runIf(chromiumAvailable)('saved workspaces in web mode', () => {
  const session = useWebModeSession();

  it('starts with the Demo workspace, whose endpoints stream live with one click', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.web.url);
    await expect.poll(() => page.getByTestId('workspace-select').inputValue()).not.toBe('');
    expect(await page.getByTestId('workspace-select').locator('option:checked').textContent()).toBe(
      'Demo',
    );
    const items = page.getByTestId('endpoint-item');
    await expect.poll(() => items.count()).toBe(10);
    await items.filter({ hasText: 'Counter' }).getByTestId('endpoint-open').click();
    await items.filter({ hasText: 'Chat completion' }).getByTestId('endpoint-open').click();
    await expect.poll(() => page.getByTestId('feed-panel').count()).toBe(2);
    await expect
      .poll(async () => Number(await page.getByTestId('feed-events').nth(1).textContent()), {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(5);
    mkdirSync('test-results/e2e', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e/workspaces.png' });
    await page.close();
  });

  it('adds an endpoint from a pasted curl command and exports the workspace without secrets', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.web.url);
    await expect.poll(() => page.getByTestId('endpoint-item').count()).toBeGreaterThan(0);
    const before = await page.getByTestId('endpoint-item').count();
    await page.getByRole('button', { name: 'Paste curl' }).click();
    await page
      .getByTestId('curl-input')
      .fill(
        `curl 'http://127.0.0.1:9/events' -H 'Authorization: Bearer sk-e2e-secret' -H 'Accept: text/event-stream'`,
      );
    await page.getByTestId('curl-import').click();
    await expect.poll(() => page.getByTestId('endpoint-item').count()).toBe(before + 1);

    const download = page.waitForEvent('download');
    await page.getByTestId('workspace-export').click();
    await page
      .getByRole('dialog', { name: /^Export/ })
      .getByRole('button', { name: 'Export without secrets' })
      .click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'eventscope-workspace-export',
      secretsIncluded: false,
    });
    expect(text).toContain('127.0.0.1:9/events');
    expect(text).not.toContain('sk-e2e-secret');
    await page.close();
  });
});
