import type { Command } from 'commander';
import { createDemoServer, DEFAULT_DEMO_PORT, DEMO_ROUTES } from '../../core/demo';
import { parsePort } from '../options';
import { untilStopped } from '../until-stopped';

interface DemoServerFlags {
  port: number;
  host: string;
}

/** `eventscope demo-server`: the demo SSE endpoints until Ctrl-C. */
export function registerDemoServerCommand(program: Command): Command {
  return program
    .command('demo-server')
    .description('Serve demo Server-Sent Events endpoints to try Eventscope against.')
    .option(
      '-p, --port <port>',
      'port to listen on (0 = any free port)',
      parsePort,
      DEFAULT_DEMO_PORT,
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .exitOverride()
    .action(async (flags: DemoServerFlags) => {
      let server;
      try {
        server = await createDemoServer({ port: flags.port, host: flags.host });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const hint = code === 'EADDRINUSE' ? ' (is it already running? try --port 0)' : '';
        process.stderr.write(
          `eventscope: cannot listen on ${flags.host}:${flags.port}: ${(error as Error).message}${hint}\n`,
        );
        process.exitCode = 1;
        return;
      }
      const lines = [
        `Eventscope demo server listening on ${server.url}`,
        ...DEMO_ROUTES.map((r) => `  ${r.method.padEnd(4)} ${server.url}${r.path}  ${r.summary}`),
        'Press Ctrl-C to stop.',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      await untilStopped();
      await server.close();
      process.stdout.write('Demo server stopped.\n');
    });
}
