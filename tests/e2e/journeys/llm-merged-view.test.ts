import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_REPLY, DEMO_TOOL } from '../../../electron/core/demo/llm/script';
import { startJourney } from '../../support/journey';
import { chromiumAvailable } from '../support/chromium';
import { useWebModeSession } from '../support/session';

/** The open button of a Demo endpoint in the Endpoints list, named after the endpoint. */
function openButton(page: Page, endpoint: string) {
  return page
    .getByRole('list', { name: 'Endpoints' })
    .getByRole('button', { name: `Open ${endpoint}`, exact: true });
}

/** A feed's pane: a region named after the feed. */
function pane(page: Page, endpoint: string) {
  return page.getByRole('region', { name: endpoint, exact: true });
}

describe.runIf(chromiumAvailable)('journey: reading an LLM stream in the merged view', () => {
  const session = useWebModeSession();

  it('opens the Anthropic demo, reads the merged answer, its tool call and status, and exports it', async () => {
    const page = await session.browser.newPage();
    const journey = startJourney(page, 'llm merged view');

    await journey.step('open the app with the Demo workspace', async () => {
      await page.goto(session.web.url);
      await openButton(page, 'Anthropic Messages stream').waitFor();
    });

    await journey.step('open the Anthropic Messages demo as a live feed', async () => {
      await openButton(page, 'Anthropic Messages stream').click();
      await pane(page, 'Anthropic Messages stream').getByRole('tab', { name: 'Merged' }).waitFor();
    });

    await journey.step(
      'switch the feed to its Merged tab and wait for the run to complete',
      async () => {
        const feed = pane(page, 'Anthropic Messages stream');
        await feed.getByRole('tab', { name: 'Merged' }).click();
        await expect
          .poll(() => feed.getByRole('status', { name: 'Run status' }).textContent(), {
            timeout: 30_000,
          })
          .toBe('completed');
      },
    );

    await journey.step('read the merged text, the reasoning and the tool call', async () => {
      // The text the demo server streamed token by token, assembled.
      expect((await page.getByLabel('Merged text').textContent())?.trim()).toBe(DEMO_REPLY);
      const region = page.getByRole('region', { name: 'Merged LLM output' });
      await expect.poll(() => region.getByText('Reasoning').count()).toBeGreaterThan(0);
      await region.getByText(`Tool call ${DEMO_TOOL.name}`).waitFor();
      await region.getByText('"city": "Paris"').waitFor();
      await region.getByText('tool_use').waitFor();
      await region.getByText('input 24 · output 42 · total 66').waitFor();
      await region.getByText('detected from the URL').waitFor();
    });

    await journey.step('export the run as Markdown', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export Markdown' }).click(),
      ]);
      const path = await download.path();
      const markdown = readFileSync(path, 'utf8');
      expect(download.suggestedFilename()).toBe('Anthropic-Messages-stream.merged.md');
      expect(markdown).toContain(DEMO_REPLY);
      expect(markdown).toContain('- Status: completed');
      expect(markdown).toMatch(/Time to first byte: \d+ ms, to first token: \d+ ms, total: \d+ ms/);
    });

    await journey.step(
      'open the failing Anthropic demo and see it errored, with the message',
      async () => {
        await openButton(page, 'Anthropic stream that fails midway').click();
        const feed = pane(page, 'Anthropic stream that fails midway');
        await feed.getByRole('tab', { name: 'Merged' }).click();
        const status = feed.getByRole('status', { name: 'Run status' });
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('errored');
        await feed.getByRole('alert').filter({ hasText: 'overloaded_error' }).waitFor();
      },
    );
    await page.close();
  });
});
