import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anthropicStream } from '../../support/llm/provider-streams';
import { startTestServer } from '../../support/sse/test-server';
import { startJourney } from '../../support/journey';
import { fill, openApp, textsFor, useCleanup } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

const zh = textsFor('zh-CN');

/** An English sentence fragment: three letters or more, a space, two or more. */
const ENGLISH_WORDS = /[a-z]{3,} [a-z]{2,}/i;

/**
 * A data folder holding one workspace in the format of version 1, whose endpoint "Chat" names
 * a CA file that no longer exists: opening it migrates it and drops that setting.
 */
function withOldWorkspace(dataDir: string): void {
  const fixture = join(__dirname, '../../../electron/core/store/fixtures/v1-ca-files.json');
  const text = readFileSync(fixture, 'utf8')
    .replace('"__CA_FILE__"', JSON.stringify(join(dataDir, 'gone', 'ca.pem')))
    .replace('"__OTHER_CA_FILE__"', '""');
  const dir = join(dataDir, 'workspaces');
  mkdirSync(dir, { recursive: true });
  const entry = { id: 'id-1', name: '旧工作区', updatedAt: '2026-01-01T00:00:00.000Z' };
  const index = { format: 'eventscope-workspace-index', schemaVersion: 1, workspaces: [entry] };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'id-1.json'), text);
}

describe.runIf(chromiumAvailable)('journey: messages from the Node side in 简体中文', () => {
  const closeAfter = useCleanup();

  it('reads a migration, a refused CA file and broken tool-call arguments in Chinese', async () => {
    // An Anthropic Messages stream whose tool call's arguments break off mid-string; the
    // connection stays open, so the run is not re-fetched by a reconnect.
    const server = closeAfter(
      await startTestServer({
        '/anthropic/messages': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const events = anthropicStream({ pieces: ['你好'], argumentPieces: ['{"city": "Par'] });
          for (const event of events) res.write(`event: ${event.type}\ndata: ${event.data}\n\n`);
        },
      }),
    );
    const app = closeAfter(
      await openApp({ locale: 'zh-CN', colorScheme: 'dark' }, { prepareDataDir: withOldWorkspace }),
    );
    const { page } = app;
    const journey = startJourney(page, 'node messages in chinese');

    await journey.step('the migrated workspace says what changed, in Chinese', async () => {
      const note = page
        .getByText('端点“Chat”：已移除 CA 文件设置（文件不存在）；请重新附加证书。', {
          exact: false,
        })
        .first();
      await note.waitFor({ timeout: 20_000 });
      const text = (await note.textContent()) ?? '';
      expect(text).toContain('已从格式 1');
      expect(text).not.toMatch(/setting was removed|does not exist|attach the certificate/);
      // Its sealed secrets cannot be opened with this data folder's key: named in Chinese too.
      const reenter = page.getByText('Chat › 请求头 Authorization', { exact: false }).first();
      await reenter.waitFor();
      expect(await reenter.textContent()).not.toMatch(/ › (header|proxy)\b/);
    });

    await journey.step('a file that is not a certificate is refused in Chinese', async () => {
      await page
        .getByRole('button', { name: fill(zh.workspaces.list.edit, { name: 'Chat' }) })
        .click();
      const editor = page.getByRole('dialog', { name: zh.workspaces.editor.editTitle });
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        editor.getByRole('button', { name: zh.workspaces.editor.attachCa }).click(),
      ]);
      await chooser.setFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a certificate\n'),
      });
      const alert = editor.getByRole('alert');
      await alert.getByText('不是证书文件：notes.txt 中没有证书', { exact: false }).waitFor();
      // "-----BEGIN CERTIFICATE-----" is the file's own marker, not a sentence.
      const text = ((await alert.textContent()) ?? '').replace('BEGIN CERTIFICATE', '');
      expect(text).not.toMatch(ENGLISH_WORDS);
      await editor.getByRole('button', { name: zh.common.cancel }).click();
      await editor.waitFor({ state: 'detached' });
    });

    await journey.step('broken tool-call arguments say where they break, in Chinese', async () => {
      const form = page.getByRole('form', { name: zh.shell.quickOpen });
      await form
        .getByRole('textbox', { name: zh.workspaces.quickOpen.url })
        .fill(server.url('/anthropic/messages'));
      await form.getByRole('button', { name: zh.workspaces.quickOpen.open }).click();
      await page.getByRole('tab', { name: zh.feed.tabs.merged }).click();
      const region = page.getByRole('region', { name: zh.llm.mergedView.region });
      const flag = region.getByText('无效的 JSON：在第 1 行第 14 列中断');
      await flag.waitFor({ timeout: 20_000 });
      expect(await region.textContent()).not.toMatch(/Unterminated|Unexpected|in JSON/);
    });
  });

  it('seeds the Demo workspace in Chinese when Chinese was chosen before the first launch', async () => {
    const app = closeAfter(
      await openApp(
        { locale: 'en', colorScheme: 'light' },
        {
          prepareDataDir: (dataDir) =>
            writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language: 'zh-CN' })),
        },
      ),
    );
    const { page } = app;
    const journey = startJourney(page, 'demo workspace in chinese');
    await journey.step('the Demo workspace and its endpoints are named in Chinese', async () => {
      const open = page.getByRole('button', {
        name: fill(zh.workspaces.list.open, { name: '时钟' }),
      });
      await open.waitFor();
      const switcher = page.getByRole('combobox', { name: zh.workspaces.actions.workspace });
      const selected = await switcher.evaluate(
        (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent,
      );
      expect(selected).toBe('演示');
      await open.click();
      // The seeded endpoint streams from the built-in demo server like the English one.
      await page
        .getByRole('region', { name: '时钟', exact: true })
        .getByText('connecttime')
        .first()
        .waitFor({ timeout: 20_000 });
    });
  });
});
