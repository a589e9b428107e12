import { Command, CommanderError } from 'commander';
import { COMMANDS, registerCommands } from '../cli/program';

/**
 * The arguments the user typed. A packaged app is `Eventscope <args>`; under a development
 * launcher (`electron .`) Electron sets `process.defaultApp` and the app path comes first.
 */
export function userArguments(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

/** The CLI's subcommand names (and commander's `help`), read from the one command table. */
export function cliCommandNames(): ReadonlySet<string> {
  return new Set([...Object.keys(COMMANDS), 'help']);
}

/**
 * `Eventscope watch …` (and `/usr/bin/eventscope watch …` from the deb) runs the command line
 * tool instead of opening a window: the installed app is also the `eventscope` command, since
 * the RunAsNode fuse is off and `ELECTRON_RUN_AS_NODE` cannot be used.
 */
export function isCliInvocation(args: readonly string[]): boolean {
  const [first] = args;
  return first !== undefined && cliCommandNames().has(first);
}

/** How often the pass-through looks whether the CLI has anything left running. */
export const CLI_IDLE_POLL_MS = 100;

function countByType(resources: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const resource of resources) counts.set(resource, (counts.get(resource) ?? 0) + 1);
  return counts;
}

/**
 * Resolves once the CLI has nothing left running — Node's own rule for when a CLI process ends.
 * The Electron main process never ends by itself, and commands such as `serve` return from their
 * action while their server keeps going. What was active before the CLI started (the host's own
 * handles, terminal stdio) does not count.
 */
export function whenIdle(
  baseline: readonly string[],
  activeResources: () => string[] = () => process.getActiveResourcesInfo(),
  pollMs = CLI_IDLE_POLL_MS,
): Promise<void> {
  const before = countByType(baseline);
  return new Promise((resolve) => {
    const check = () => {
      const now = countByType(activeResources());
      // The timer running this check is still listed while its callback runs.
      now.set('Timeout', (now.get('Timeout') ?? 1) - 1);
      if ([...now].every(([type, count]) => count <= (before.get(type) ?? 0))) resolve();
      else setTimeout(check, pollMs);
    };
    setTimeout(check, 0);
  });
}

/** Runs the CLI with `args` and resolves its exit code (2 = usage error, as in the CLI entry). */
export async function runCli(args: readonly string[]): Promise<number> {
  const baseline = process.getActiveResourcesInfo();
  const program = await registerCommands(new Command(), args);
  program.exitOverride();
  try {
    await program.parseAsync([...args], { from: 'user' });
    await whenIdle(baseline);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`eventscope: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
