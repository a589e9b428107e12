import { readdirSync, readFileSync } from 'node:fs';
import { readLogRecords } from '../../support/sessions/read-log';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseFilter } from '../../../shared/filter';
import { startJourney } from '../../support/journey';
import { chromiumAvailable } from '../support/chromium';
import { useWebModeSession } from '../support/session';

interface LoggedEvent {
  kind: string;
  seq: number;
  data: string;
  lastEventId: string;
  type: string;
}

/** Every event the Node side logged for the counter session (what the server sent). */
function loggedEvents(dataDir: string): LoggedEvent[] {
  const dir = join(dataDir, 'logs', 'Demo', 'Demo counter');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ndjson'))
    .flatMap((name) => readLogRecords(join(dir, name)) as unknown as LoggedEvent[])
    .filter((record) => record.kind === 'event');
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

const EVEN = '/[02468]$/';

describe.runIf(chromiumAvailable)('journey: export a filtered live feed and a past session', () => {
  const session = useWebModeSession();

  it('downloads the filtered live feed as CSV and the past session as JSONL', async () => {
    const page = await session.browser.newPage();
    const journey = startJourney(page, 'export and sessions');

    await journey.step('open the app and start the demo counter', async () => {
      await page.goto(session.web.url);
      await page.getByRole('button', { name: 'Counter', exact: true }).click();
      await expect
        .poll(
          () => {
            try {
              return loggedEvents(session.web.dataDir).length;
            } catch {
              return 0;
            }
          },
          { timeout: 30_000 },
        )
        .toBeGreaterThanOrEqual(4);
    });

    const dialog = page.getByRole('dialog', { name: 'Export' });
    await journey.step('filter the live pane and press its Export…', async () => {
      const pane = page.getByRole('region', { name: 'Demo counter', exact: true });
      await pane.getByRole('textbox', { name: 'Filter events' }).fill(EVEN);
      await pane.getByRole('button', { name: 'Export…', exact: true }).click();
      // The dialog starts from what the pane shows: its filter comes along.
      await expect
        .poll(() => dialog.getByRole('textbox', { name: 'Filter' }).inputValue())
        .toBe(EVEN);
      await dialog.getByRole('radio', { name: 'What the view shows (with the filter)' }).check();
      await dialog.getByRole('combobox', { name: 'Format' }).selectOption('csv');
    });

    const csv = await journey.step('export the filtered view as CSV', async () => {
      const text = await downloadText(page, () =>
        dialog.getByRole('button', { name: 'Export', exact: true }).click(),
      );
      await expect
        .poll(() => dialog.getByRole('status').last().textContent())
        .toMatch(/Downloaded/);
      return text;
    });
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    const filter = parseFilter(EVEN);
    if (!filter.ok) throw new Error(filter.error.message);
    const logged = loggedEvents(session.web.dataDir);
    // Every matching event the server had sent by then, in order, and nothing else.
    const expected = logged
      .filter((e) => filter.filter.matches(e))
      .filter((e) => e.seq <= Number(rows.at(-1)?.seq ?? 0));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.map((r) => r.data)).toEqual(expected.map((e) => e.data));
    expect(rows.map((r) => r.lastEventId)).toEqual(expected.map((e) => e.lastEventId));
    expect(rows.every((r) => Number(r.data) % 2 === 0)).toBe(true);

    await journey.step(
      'close the dialog and reload: the live session becomes a past one',
      async () => {
        await dialog.getByRole('button', { name: 'Close' }).click();
        await page.reload();
        await page.getByRole('button', { name: 'Refresh the list of sessions' }).click();
        await expect
          .poll(() => page.getByRole('listitem', { name: /Demo counter, started/ }).count())
          .toBe(1);
      },
    );

    // A reloaded page re-attaches to its running feed (feeds outlive a reload), so the counter
    // may still be logging while the session is exported: the export holds at least what was
    // logged before it started, in order, and nothing that was not logged.
    const loggedBeforeExport = loggedEvents(session.web.dataDir).length;
    const jsonl = await journey.step('export the past session as JSONL', async () => {
      await page.getByRole('button', { name: /^Export session Demo counter, started/ }).click();
      await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
      return downloadText(page, () =>
        dialog.getByRole('button', { name: 'Export', exact: true }).click(),
      );
    });
    const records = jsonl
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LoggedEvent);
    const all = loggedEvents(session.web.dataDir).slice(0, records.length);
    expect(records.length).toBeGreaterThanOrEqual(loggedBeforeExport);
    expect(records.map((r) => r.data)).toEqual(all.map((e) => e.data));
    expect(records.map((r) => r.lastEventId)).toEqual(all.map((e) => e.data));
    expect(records.every((r) => typeof r.lastEventId === 'string')).toBe(true);

    await journey.step('open the past session read-only', async () => {
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: /^Open Demo counter, started .* read-only$/ }).click();
      await expect.poll(() => page.getByText('Demo counter').count()).toBeGreaterThanOrEqual(2);
    });
    await page.close();
  });
});
