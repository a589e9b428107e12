import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandError } from '../../../shared/result';
import { StoreError } from '../store/notices';
import { invokeValidated } from './invoke';

const anything = z.unknown();

describe('the command invoker turning a thrown error into a failed result', () => {
  it('names the reason of a store refusal so the page can word it in its language', async () => {
    const result = await invokeValidated(
      'workspaces:save',
      anything,
      () => {
        throw new StoreError(
          'read-only',
          'Workspace "w1" was saved by a newer Eventscope (format 9).',
        );
      },
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'workspaces:save failed: Workspace "w1" was saved by a newer Eventscope (format 9).',
        reason: 'store-read-only',
      },
    });
  });

  it('answers a store schema refusal as the caller input, with a reason the page words', async () => {
    const result = await invokeValidated(
      'workspaces:save',
      anything,
      () => {
        throw new StoreError('invalid', 'invalid workspace: name: Required');
      },
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'workspaces:save failed: invalid workspace: name: Required',
        reason: 'workspace-invalid',
      },
    });
  });

  it('keeps the code and message of a command error as they were thrown', async () => {
    const result = await invokeValidated(
      'endpoints:choose-ca-file',
      anything,
      () => {
        throw new CommandError('invalid-certificate', 'not a PEM certificate');
      },
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-certificate', message: 'not a PEM certificate' },
    });
  });

  it('passes on the reason and params of a command error for the page to word', async () => {
    const result = await invokeValidated(
      'workspaces:import',
      anything,
      () => {
        throw new CommandError('invalid-input', 'unknown curl thing', {
          reason: 'import-json-invalid',
          params: { line: 2, column: 5 },
        });
      },
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'unknown curl thing',
        reason: 'import-json-invalid',
        params: { line: 2, column: 5 },
      },
    });
  });

  it('names the fields of a request its schema refuses, not zod sentences', async () => {
    const schema = z.object({ name: z.string(), url: z.string().url() }).strict();
    const result = await invokeValidated('workspaces:create', schema, () => 1, { url: 'x' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        reason: 'request-invalid',
        params: { channel: 'workspaces:create', paths: 'name, url' },
      },
    });
  });
});
