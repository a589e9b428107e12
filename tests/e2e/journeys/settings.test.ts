import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/sse/test-server';
import { startJourney } from '../../support/journey';
import { fill, openApp, textsFor, useCleanup } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

const en = textsFor('en');
const zh = textsFor('zh-CN');

/**
 * A data folder whose only workspace, "Payments API", has a torn file and no backup: opening it
 * makes the store report it, by name, as damaged beyond repair.
 */
function withDamagedWorkspace(dataDir: string): void {
  const dir = join(dataDir, 'workspaces');
  mkdirSync(dir, { recursive: true });
  const entry = { id: 'payments', name: 'Payments API', updatedAt: '2026-01-01T00:00:00.000Z' };
  const index = { format: 'eventscope-workspace-index', schemaVersion: 1, workspaces: [entry] };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'payments.json'), '{"format": "eventscope-workspace", "schema');
}

function settingsOnDisk(dataDir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe.runIf(chromiumAvailable)('journey: theme, language and the data folder', () => {
  const closeAfter = useCleanup();

  it('follows the system, then switches to dark and 简体中文, and keeps them after a reload', async () => {
    // Not an event stream: the standard fails such a connection (WHATWG HTML, EventSource).
    const server = closeAfter(
      await startTestServer({
        '/page': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<h1>login</h1>');
        },
      }),
    );
    const app = closeAfter(
      await openApp(
        { locale: 'en', colorScheme: 'light' },
        { prepareDataDir: withDamagedWorkspace },
      ),
    );
    const { page, web } = app;
    const notices = page.getByRole('list', { name: en.shell.notices.name });
    const journey = startJourney(page, 'change theme and language');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    await journey.step('the app follows the light system theme in English', async () => {
      await page.getByRole('button', { name: en.shell.settings, exact: true }).waitFor();
      expect(await theme()).toBe('system');
      expect(await background()).toBe('rgb(245, 246, 248)');
      // The store names the damaged workspace as the user named it, not by its id.
      await notices.getByText('Workspace “Payments API” was damaged', { exact: false }).waitFor();
    });

    const dialog = page.getByRole('dialog', { name: en.settings.title });
    await journey.step('open Settings', async () => {
      await page.getByRole('button', { name: en.shell.settings, exact: true }).click();
      await dialog.waitFor();
    });

    await journey.step('reveal the data folder: web mode shows and copies the path', async () => {
      await dialog.getByText(web.dataDir).waitFor();
      await dialog.getByRole('button', { name: en.settings.reveal }).click();
      await dialog.getByText(en.settings.revealUnavailable).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(web.dataDir);
    });

    await journey.step('choose the dark theme and Simplified Chinese, then save', async () => {
      await dialog.getByRole('combobox', { name: en.settings.theme }).selectOption('dark');
      await dialog.getByRole('combobox', { name: en.settings.language }).selectOption('zh-CN');
      await dialog.getByRole('button', { name: en.common.save }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: zh.shell.settings, exact: true }).waitFor();
      expect(await theme()).toBe('dark');
      expect(await background()).toBe('rgb(20, 22, 26)');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    });
    expect(settingsOnDisk(web.dataDir)).toMatchObject({ theme: 'dark', language: 'zh-CN' });

    await journey.step('the store notice now reads in Chinese, naming the workspace', async () => {
      const zhNotices = page.getByRole('list', { name: zh.shell.notices.name });
      const notice = zhNotices.getByText('工作区“Payments API”已损坏', { exact: false });
      await notice.waitFor();
      expect(await notice.textContent()).not.toMatch(/damaged|backup/i);
    });

    await journey.step(
      'a feed from a server answering text/html fails, said in Chinese',
      async () => {
        const form = page.getByRole('form', { name: zh.shell.quickOpen });
        await form
          .getByRole('textbox', { name: zh.workspaces.quickOpen.url })
          .fill(server.url('/page'));
        await form.getByRole('button', { name: zh.workspaces.quickOpen.open }).click();
        const stateLine = page
          .getByText(`${server.url('/page')} 返回的 Content-Type 是 text/html; charset=utf-8`, {
            exact: false,
          })
          .first();
        await stateLine.waitFor({ timeout: 20_000 });
        const text = (await stateLine.textContent()) ?? '';
        expect(text).toContain('失败');
        expect(text).not.toMatch(/answered|failed|not read as events/);
      },
    );

    const alert = page.getByRole('alert');
    const curlBox = page.getByRole('textbox', { name: zh.workspaces.curl.label });
    const pasteCurl = async (command: string) => {
      if (!(await curlBox.isVisible())) {
        await page.getByRole('button', { name: zh.workspaces.actions.pasteCurl }).click();
      }
      await curlBox.fill(command);
      await page.getByRole('button', { name: zh.workspaces.curl.add }).click();
    };

    await journey.step('create a workspace to paste curl commands into', async () => {
      await page.getByRole('button', { name: zh.workspaces.actions.newWorkspace }).click();
      const dialog = page.getByRole('dialog', { name: zh.workspaces.actions.newTitle });
      await dialog.getByRole('textbox', { name: zh.workspaces.actions.nameLabel }).fill('流接口');
      await dialog.getByRole('button', { name: zh.workspaces.actions.create }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    await journey.step('a curl paste with an unclosed quote is refused in Chinese', async () => {
      await pasteCurl(`curl '${server.url('/events')}`);
      await alert.getByText('无法按 bash 读取命令行：第 1 行第 6 列的', { exact: false }).waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('输入无效');
      expect(text).not.toMatch(/unterminated|could not read|command line/i);
    });

    await journey.step(
      'a curl paste with an unknown option imports, noted in Chinese',
      async () => {
        await pasteCurl(`curl --frobnicate -k '${server.url('/events')}'`);
        const note = page.getByText('已忽略未知的 curl 选项 --frobnicate', { exact: false });
        await note.waitFor();
        const text = (await note.textContent()) ?? '';
        expect(text).toContain('已导入“流接口”');
        expect(text).toContain('此端点不检查证书');
        expect(text).not.toMatch(/ignored|unknown|certificate checks|Imported/i);
        // The endpoint is named from its method and URL, as the importer names it.
        const endpoint = `GET ${server.url('/events').replace(/^http:\/\//, '')}`;
        await page
          .getByRole('button', { name: fill(zh.workspaces.list.open, { name: endpoint }) })
          .waitFor();
      },
    );

    await journey.step('a Postman v2.0 collection is refused in Chinese', async () => {
      const collection = {
        info: {
          name: 'Old collection',
          schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json',
        },
        item: [],
      };
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: zh.workspaces.actions.import }).click(),
      ]);
      await chooser.setFiles({
        name: 'old.postman_collection.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(collection)),
      });
      await alert.getByText('这是 Postman Collection v2.0 文件', { exact: false }).waitFor();
      expect((await alert.textContent()) ?? '').not.toMatch(/export the collection|this is/i);
    });

    await journey.step('reload: the choices are kept', async () => {
      await page.reload();
      await page.getByRole('button', { name: zh.workspaces.actions.newWorkspace }).waitFor();
      await expect.poll(theme).toBe('dark');
    });

    await journey.step('back to the light theme, in Chinese', async () => {
      await page.getByRole('button', { name: zh.shell.settings, exact: true }).click();
      const zhDialog = page.getByRole('dialog', { name: zh.settings.title });
      await zhDialog.getByRole('combobox', { name: zh.settings.theme }).selectOption('light');
      await zhDialog.getByRole('button', { name: zh.common.save }).click();
      await zhDialog.waitFor({ state: 'detached' });
      expect(await theme()).toBe('light');
    });
    expect(settingsOnDisk(web.dataDir)).toMatchObject({ theme: 'light', language: 'zh-CN' });
  });
});
