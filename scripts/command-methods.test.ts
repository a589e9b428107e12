import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../shared/api/commands';
import { commandMethods } from '../shared/api/channels';
import { COMMAND_METHODS_FILE, commandMethodsSource } from './command-methods';

// The zod-free channel → method map is written from the one command table; a row added to the
// table without `npm run gen:api` must fail here (docs/architecture.md, "Adding a command").

describe('the generated channel → method map', () => {
  it('is what `npm run gen:api` writes from the command table today', () => {
    expect(
      readFileSync(COMMAND_METHODS_FILE, 'utf8'),
      'shared/api/command-methods.ts is stale: run `npm run gen:api`',
    ).toBe(commandMethodsSource());
  });

  it('names every channel of the table, with its method, and nothing else', () => {
    expect(Object.keys(commandMethods)).toEqual(Object.keys(commands));
    for (const [channel, declaration] of Object.entries(commands))
      expect(commandMethods[channel as keyof typeof commandMethods]).toBe(declaration.method);
  });

  it('gives every command a method name of its own', () => {
    const methods = Object.values(commandMethods);
    expect(new Set(methods).size).toBe(methods.length);
  });
});
