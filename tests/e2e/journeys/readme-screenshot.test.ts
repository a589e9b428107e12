import { describe, expect, it } from 'vitest';
import { startJourney } from '../../support/journey';
import { fill, openApp, textsFor, useCleanup } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

/**
 * The README's picture is renewed from the real app with UPDATE_README_SCREENSHOT=1; other runs
 * write it under test-results/ so a test run leaves the work tree clean.
 */
const README_SCREENSHOT =
  process.env.UPDATE_README_SCREENSHOT === '1'
    ? 'docs/screenshot.png'
    : 'test-results/journeys/readme-screenshot.png';

describe.runIf(chromiumAvailable)('journey: the README screenshot', () => {
  const closeAfter = useCleanup();

  it('shows the endpoint editor over two live feeds of the Demo workspace', async () => {
    const T = textsFor('en');
    const app = closeAfter(await openApp({ locale: 'en', colorScheme: 'dark' }));
    const { page } = app;
    // Wide enough that both feeds show beside the editor.
    await page.setViewportSize({ width: 1920, height: 1080 });
    const journey = startJourney(page, 'readme screenshot');
    const open = (name: string) =>
      page.getByRole('button', { name: fill(T.workspaces.list.open, { name }) });

    await journey.step('open two demo endpoints side by side', async () => {
      await open('Counter').click();
      await open('Chat completion').click();
      await page
        .getByRole('heading', { name: 'Counter' })
        .or(page.getByText('Counter').nth(1))
        .first()
        .waitFor();
      // Let both feeds show a few events.
      await page.waitForTimeout(2_500);
    });

    await journey.step('open the editor of the chat endpoint', async () => {
      await page
        .getByRole('button', { name: fill(T.workspaces.list.edit, { name: 'Chat completion' }) })
        .click();
      await page.getByRole('dialog', { name: T.workspaces.editor.editTitle }).waitFor();
      await page.screenshot({ path: README_SCREENSHOT });
    });
    expect(journey.screenshots).toHaveLength(2);
  });
});
