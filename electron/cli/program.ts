import type { Command } from 'commander';
import { registerDemoServerCommand } from './commands/demo-server';
import { registerExportCommand } from './commands/export';
import { registerReplayCommand } from './commands/replay';
import { registerSessionsCommand } from './commands/sessions';
import { registerServeCommand } from './commands/serve';
import { registerWatchCommand } from './commands/watch';
import { registerWorkspaceCommand } from './commands/workspace';

declare const __APP_VERSION__: string | undefined;

/**
 * Builds the `eventscope` command tree. Each subcommand lives in `commands/<name>.ts` and is
 * registered here by one explicit call (DESIGN.md §6: no auto-discovery).
 */
export function registerCommands(program: Command): Command {
  program
    .name('eventscope')
    .description('Watch, debug and record Server-Sent Events streams.')
    .version(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true });
  registerServeCommand(program);
  registerWatchCommand(program);
  registerDemoServerCommand(program);
  registerWorkspaceCommand(program);
  registerExportCommand(program);
  registerSessionsCommand(program);
  registerReplayCommand(program);
  return program;
}
