import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { openAppCore } from '../../core/app-core';
import { defaultDataDir } from '../../core/app-info';
import { startWebServer } from '../../web/server';
import { openInBrowser } from '../open-browser';
import { parsePort } from '../options';

export const DEFAULT_WEB_PORT = 8845;
export const DEFAULT_WEB_HOST = '127.0.0.1';

/**
 * The built renderer: beside out/main when bundled (this command is loaded on demand from
 * out/main/chunks/, see program.ts), under out/ when run from source.
 */
function findRendererDir(): string | null {
  const candidates = [
    join(__dirname, '../../renderer'),
    join(__dirname, '../renderer'),
    join(__dirname, '../../../out/renderer'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

interface ServeOptions {
  port: number;
  host: string;
  open?: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the Eventscope app to a browser (web mode), on this machine only by default.',
    )
    .option(
      '-p, --port <port>',
      'port to listen on (0 picks a free one)',
      parsePort,
      DEFAULT_WEB_PORT,
    )
    .option(
      '--host <address>',
      'address to bind; anything but loopback exposes the app',
      DEFAULT_WEB_HOST,
    )
    .option('--open', 'open the URL in the default browser')
    .action(async (options: ServeOptions) => {
      const rendererDir = findRendererDir();
      if (!rendererDir) {
        process.stderr.write(
          'eventscope serve: the app is not built (no out/renderer/index.html). Run `npm run build` first.\n',
        );
        process.exitCode = 1;
        return;
      }
      const core = await openAppCore({ face: 'web', dataDir: defaultDataDir() });
      let server;
      try {
        server = await startWebServer({
          host: options.host,
          port: options.port,
          rendererDir,
          handlers: core.handlers,
          downloads: core.downloads,
          onClientOpened: (client) => core.attach(client),
          onClientClosed: (client) => void core.detach(client),
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const hint =
          code === 'EADDRINUSE'
            ? `port ${options.port} is in use — pick another with --port, or --port 0 for any free one`
            : error instanceof Error
              ? error.message
              : String(error);
        process.stderr.write(
          `eventscope serve: cannot listen on ${options.host}:${options.port}: ${hint}\n`,
        );
        process.exitCode = 1;
        await core.dispose();
        return;
      }
      const exposed = !['127.0.0.1', 'localhost', '::1'].includes(options.host);
      process.stdout.write(
        [
          'Eventscope web mode is running. Open this URL in a browser:',
          '',
          `  ${server.url}`,
          '',
          'The URL carries a random access token: requests without it are refused.',
          exposed
            ? `Warning: bound to ${options.host}, so other machines can reach this port (the token still guards it).`
            : 'Only this machine can connect.',
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
      if (options.open && !(await openInBrowser(server.url))) {
        process.stderr.write('Could not open a browser; open the URL above yourself.\n');
      }
      const stop = () => {
        // Close feeds first so their session logs are flushed, then the sockets.
        void core
          .dispose()
          .then(() => server.close())
          .then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
