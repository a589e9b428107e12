import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where every journey's screenshots go: test-results/journeys/<journey>/<NN>-<step>.png. */
export const JOURNEY_SCREENSHOTS_DIR = join('test-results', 'journeys');

export interface Journey {
  /**
   * One step a user takes: runs `action`, then saves a screenshot named after the step.
   * Steps are numbered in the order they run, so the folder reads as a storyboard.
   */
  step<T>(title: string, action: () => Promise<T>): Promise<T>;
  /** The screenshots saved so far (paths), for tests that assert on them. */
  readonly screenshots: readonly string[];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'step'
  );
}

/**
 * A journey through the real app: drive `page` by role and accessible name only inside the
 * steps (no CSS selectors, no test ids), as a user would.
 */
export function startJourney(page: Page, name: string): Journey {
  const dir = join(JOURNEY_SCREENSHOTS_DIR, slug(name));
  mkdirSync(dir, { recursive: true });
  const screenshots: string[] = [];
  return {
    screenshots,
    async step(title, action) {
      const result = await action();
      const path = join(
        dir,
        `${String(screenshots.length + 1).padStart(2, '0')}-${slug(title)}.png`,
      );
      await page.screenshot({ path });
      screenshots.push(path);
      return result;
    },
  };
}
