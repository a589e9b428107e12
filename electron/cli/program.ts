import type { Command } from 'commander';

declare const __APP_VERSION__: string | undefined;

type RegisterCommand = (program: Command) => unknown;

/**
 * The `eventscope` subcommands, each in `commands/<name>.ts`, loaded only when chosen: a user
 * pays at start-up for the one command that runs, not for every dependency of every command
 * (docs/performance.md, "CLI start-up"). Adding a command is one line here:
 *
 *   'my-command': async () => (await import('./commands/my-command')).registerMyCommand,
 *
 * The key is the name typed after `eventscope`; the module's register function adds exactly
 * that command to the program (explicit registration, no auto-discovery: docs/architecture.md, "Resources, tests and comments").
 */
export const COMMANDS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  serve: async () => (await import('./commands/serve')).registerServeCommand,
  watch: async () => (await import('./commands/watch')).registerWatchCommand,
  'demo-server': async () => (await import('./commands/demo-server')).registerDemoServerCommand,
  workspace: async () => (await import('./commands/workspace')).registerWorkspaceCommand,
  export: async () => (await import('./commands/export')).registerExportCommand,
  sessions: async () => (await import('./commands/sessions')).registerSessionsCommand,
  replay: async () => (await import('./commands/replay')).registerReplayCommand,
};

/** Program-level flags that need no command at all. */
const VERSION_FLAGS: ReadonlySet<string> = new Set(['-V', '--version']);

/**
 * Which commands `args` (argv without node and the script) needs: the one it names, none for
 * `--version`, and all of them when the answer must list them (help, a typo to suggest for).
 */
export function commandsFor(args: readonly string[]): string[] {
  const all = Object.keys(COMMANDS);
  const first = args.find((arg) => !arg.startsWith('-'));
  if (first === undefined) return args.some((arg) => VERSION_FLAGS.has(arg)) ? [] : all;
  // `eventscope help watch` is commander's own form of `eventscope watch --help`.
  const named = first === 'help' ? args[args.indexOf(first) + 1] : first;
  return named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : all;
}

/** Builds the `eventscope` command tree with the commands `args` needs. */
export async function registerCommands(
  program: Command,
  args: readonly string[],
): Promise<Command> {
  program
    .name('eventscope')
    .description('Watch, debug and record Server-Sent Events streams.')
    .version(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true });
  const registers = await Promise.all(commandsFor(args).map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  return program;
}
