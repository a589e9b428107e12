import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocketApiHandle } from '../../renderer/src/socket-api';
import type { TestWebServer } from '../support/web/test-web-server';
import { startTestWebServer } from '../support/web/test-web-server';
import { connectPageApi } from './support';

// settings:get / settings:set and app:reveal-data-dir through web mode's real transport.

let server: TestWebServer | null = null;
let handle: SocketApiHandle | null = null;
afterEach(async () => {
  handle?.dispose();
  await server?.close();
  server = null;
});

describe('settings over the web-mode socket', () => {
  it('starts from defaults that follow the system, and keeps a change in settings.json', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const before = await handle.api.getSettings();
    expect(before).toMatchObject({ ok: true, value: { theme: 'system', language: 'system' } });

    const after = await handle.api.setSettings({
      theme: 'dark',
      language: 'zh-CN',
      logRetentionBytes: 64 * 1024 * 1024,
    });
    expect(after).toMatchObject({
      ok: true,
      value: { theme: 'dark', language: 'zh-CN', logRetentionBytes: 64 * 1024 * 1024 },
    });
    const file = JSON.parse(readFileSync(join(server.dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(file).toMatchObject({
      theme: 'dark',
      language: 'zh-CN',
      storeUnprotectedSecrets: false,
    });
  });

  it('refuses an unknown theme and a tiny log retention, changing nothing', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const bad = await handle.api.setSettings({ theme: 'sepia' as 'dark' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const tiny = await handle.api.setSettings({ logRetentionBytes: 10 });
    expect(tiny).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await handle.api.getSettings()).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it('cannot open a folder in web mode, so it hands the page the data directory to show', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    expect(await handle.api.revealDataDir()).toEqual({
      ok: true,
      value: { type: 'unavailable', path: server.dataDir },
    });
  });
});
