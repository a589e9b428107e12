import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/core/export/run-export';
import {
  AWKWARD_DATA,
  sampleEntries,
  tempDir,
  writeSessionLog,
} from '../support/sessions/fixture-log';
import { chromiumAvailable, launchBrowser } from './support/chromium';

describe.runIf(chromiumAvailable)('the HTML session report', () => {
  it('opens in Chromium without the app, showing the request and every event', async () => {
    const log = await writeSessionLog(tempDir(), [
      ...sampleEntries(Date.UTC(2026, 0, 2, 3, 4, 5)),
      {
        seq: 99,
        at: Date.UTC(2026, 0, 2, 3, 5),
        kind: 'event',
        type: 'message',
        data: '<img src=x onerror=alert(1)>',
        lastEventId: '',
        attempt: 1,
        sizeBytes: 28,
      },
    ]);
    const out = join(tempDir(), 'report.html');
    await runExport({
      sources: [{ paths: [log], trimmed: false }],
      format: 'html',
      destination: out,
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(out).toString());
      await expect
        .poll(() => page.getByRole('heading', { name: 'Eventscope session report' }).count())
        .toBe(1);
      expect(await page.getByText('GET http://127.0.0.1:1/counter').count()).toBe(1);
      const rows = page.getByRole('row');
      // Header row, state, retry, the events and the markup event shown as text.
      expect(await rows.count()).toBe(1 + 2 + AWKWARD_DATA.length + 1);
      expect(await page.getByRole('cell', { name: '<img src=x onerror=alert(1)>' }).count()).toBe(
        1,
      );
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
