import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommandHandlers } from '../core/api/handlers';
import { describeApp } from '../core/app-info';
import type { WebClient, WebServer } from './server';
import { startWebServer } from './server';

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

/** A web-mode server on 127.0.0.1:0 with the real core handlers; `clients` records connections. */
export async function startTestWebServer(
  onClient: (client: WebClient) => void = () => {},
): Promise<WebServer> {
  return startWebServer({
    host: '127.0.0.1',
    port: 0,
    rendererDir: makeRendererDir(),
    handlersFor: (client) => {
      onClient(client);
      return createCommandHandlers({ appInfo: () => describeApp('web', '/data'), now: () => 0 });
    },
  });
}
