import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startJourney } from '../../support/journey';
import { openApp, textsFor, useCleanup } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

const zh = textsFor('zh-CN');
const DAMAGED_SETTINGS = '{"theme": "dark", "storeUnprotectedSecrets": tru';

describe.runIf(chromiumAvailable)('journey: what the Node side tells the user, in Chinese', () => {
  const closeAfter = useCleanup();

  it('reports a damaged settings.json in Simplified Chinese, naming the file it was moved to', async () => {
    const app = closeAfter(
      await openApp(
        { locale: 'zh-CN', colorScheme: 'light' },
        { prepareDataDir: (dir) => writeFileSync(join(dir, 'settings.json'), DAMAGED_SETTINGS) },
      ),
    );
    const { page, web } = app;
    const journey = startJourney(page, 'node-side notice in Chinese');

    await journey.step('the damaged settings file is reported in Chinese', async () => {
      const notices = page.getByRole('list', { name: zh.shell.notices.name });
      await notices.waitFor();
      const [aside] = readdirSync(web.dataDir).filter((n) => n.startsWith('settings.corrupt-'));
      expect(aside).toBeDefined();
      expect(readFileSync(join(web.dataDir, aside ?? ''), 'utf8')).toBe(DAMAGED_SETTINGS);
      // The sentence comes from the zh-CN catalogue, filled with the name the core chose.
      const notice = notices.getByText(`已移到一旁并命名为 ${aside}`, { exact: false });
      await notice.waitFor();
      await notice.scrollIntoViewIfNeeded();
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('设置文件已损坏');
      expect(text).not.toContain('The settings file was damaged');
    });
  });
});
