import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor, registerCommands } from './program';

describe('lazy command loading', () => {
  it('needs only the command the arguments name', () => {
    expect(commandsFor(['watch', 'http://127.0.0.1:1/', '--no-retry'])).toEqual(['watch']);
    expect(commandsFor(['workspace', 'list', '--json'])).toEqual(['workspace']);
  });

  it('needs no command for --version', () => {
    expect(commandsFor(['--version'])).toEqual([]);
    expect(commandsFor(['-V'])).toEqual([]);
  });

  it('needs every command to list them in help or suggest one for a typo', () => {
    const all = Object.keys(COMMANDS);
    expect(commandsFor([])).toEqual(all);
    expect(commandsFor(['--help'])).toEqual(all);
    expect(commandsFor(['wacth'])).toEqual(all);
  });

  it('takes the command after help from `help <command>`', () => {
    expect(commandsFor(['help', 'serve'])).toEqual(['serve']);
  });

  it('registers exactly the commands chosen, each under its table name', async () => {
    const program = await registerCommands(new Command(), ['demo-server', '--port', '0']);
    expect(program.commands.map((c) => c.name())).toEqual(['demo-server']);
    const everything = await registerCommands(new Command(), ['--help']);
    expect(everything.commands.map((c) => c.name()).sort()).toEqual(Object.keys(COMMANDS).sort());
  });
});
