import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppCore } from '../../../electron/core/app-core';
import type { WebClient, WebServer } from '../../../electron/web/server';
import { startWebServer } from '../../../electron/web/server';

export const SECRET_BESIDE_RENDERER = 'TOP-SECRET-NOT-PART-OF-THE-APP';

/**
 * A tiny stand-in for out/renderer, so server tests do not depend on a build. A secret file
 * sits beside it (`../secret.js`) to prove requests cannot climb out.
 */
export function makeRendererDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'eventscope-renderer-'));
  writeFileSync(join(parent, 'secret.js'), SECRET_BESIDE_RENDERER);
  const dir = join(parent, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Eventscope</title><div id="app"></div>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app");');
  return dir;
}

export interface TestWebServer extends WebServer {
  dataDir: string;
}

/**
 * A web-mode server on 127.0.0.1:0 over the real core (data in a temp dir). `onClient` sees
 * each page that connects; `close()` also disposes the core (feeds, logs, demo server).
 */
export async function startTestWebServer(
  onClient: (client: WebClient) => void = () => {},
  onClientClosed: (client: WebClient) => void = () => {},
): Promise<TestWebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-data-'));
  const core = await openAppCore({ face: 'web', dataDir, saveDebounceMs: 10 });
  const server = await startWebServer({
    host: '127.0.0.1',
    port: 0,
    rendererDir: makeRendererDir(),
    handlers: core.handlers,
    downloads: core.downloads,
    onClientOpened: (client) => {
      core.attach(client);
      onClient(client);
    },
    onClientClosed: (client) => {
      onClientClosed(client);
      void core.detach(client);
    },
  });
  return {
    ...server,
    url: server.url,
    dataDir,
    close: async () => {
      await core.dispose();
      await server.close();
    },
  };
}
