import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiMethodNames } from '../../shared/api/channels';
import { chromiumAvailable } from './support/chromium';
import { useWebModeSession } from './support/session';

describe.runIf(chromiumAvailable)('web mode in Chromium', () => {
  const session = useWebModeSession();

  it('shows the app shell and round-trips app:info through window.eventscope', async () => {
    const page = await session.browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    const response = await page.goto(session.web.url);
    expect(response?.status()).toBe(200);
    await page.getByTestId('app-shell').waitFor();
    await expect.poll(() => page.getByTestId('link-state').textContent()).toBe('connected');
    await expect
      .poll(() => page.getByTestId('app-version').textContent())
      .toMatch(/^Eventscope \d+\.\d+\.\d+/);

    const info = await page.evaluate(() => window.eventscope!.getAppInfo());
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'Eventscope', face: 'web', dataDir: session.web.dataDir },
    });
    const ping = await page.evaluate(() => window.eventscope!.ping({ message: 'from the page' }));
    expect(ping).toMatchObject({ ok: true, value: { message: 'from the page' } });
    const refused = await page.evaluate(() =>
      (window.eventscope!.ping as unknown as (r: unknown) => Promise<unknown>)({ message: 5 }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    mkdirSync('test-results/e2e', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e/web-mode.png' });
    // No CSP violation, no script error while the shell loaded and talked to the server.
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses the same URL without its token', async () => {
    await session.browser.clearCookies();
    const page = await session.browser.newPage();
    const bare = new URL(session.web.url);
    bare.pathname = '/';
    const response = await page.goto(bare.href);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toMatch(/access token/);
    await page.close();
  });

  it('exposes exactly the API methods on window.eventscope and cannot be replaced by the page', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.web.url);
    await page.getByTestId('app-shell').waitFor();
    const keys = await page.evaluate(() => Object.keys(window.eventscope!).sort());
    expect(keys).toEqual(apiMethodNames());
    const replaced = await page.evaluate(() => {
      try {
        (window as unknown as { eventscope: unknown }).eventscope = {};
      } catch {
        // strict-mode assignment to a read-only property throws; either way it must not stick
      }
      return Object.keys(window.eventscope!).length;
    });
    expect(replaced).toBe(apiMethodNames().length);
    await page.close();
  });
});
