#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { escapeControls } from './ansi';
import { registerCommands } from './program';

/** Exit code for a usage error (bad flag, missing argument): distinct from 1 = runtime failure. */
const EXIT_USAGE = 2;

async function main(argv: string[]): Promise<void> {
  const program = new Command();
  await registerCommands(program, argv.slice(2));
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exitCode 0; everything else commander reports is usage.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    // An unexpected error may quote what a server sent: escaped for the terminal (ansi.ts).
    process.stderr.write(
      escapeControls(`eventscope: ${error instanceof Error ? error.message : String(error)}\n`),
    );
    process.exitCode = 1;
  }
}

void main(process.argv);
