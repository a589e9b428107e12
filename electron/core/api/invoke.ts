import { describeIssues, issuePaths } from '../../../shared/validation';
import type { z } from 'zod';
import { isCommandChannel } from '../../../shared/api/channels';
import type { CommandChannel } from '../../../shared/api/channels';
import { commandSchemas } from '../../../shared/api/commands';
import { CommandError, fail, ok } from '../../../shared/result';
import { StoreError } from '../store/notices';
import type { Result } from '../../../shared/result';
import type { FeedSink } from '../feeds/feed-manager';
import type { CommandHandlers } from './handlers';

/**
 * Validate `input` against `schema`, run `fn`, and turn every outcome into a `Result` — the one
 * place where commands meet untrusted input, shared by the Electron and web faces so they
 * cannot drift. Never throws: a thrown error becomes `internal`.
 */
export async function invokeValidated<S extends z.ZodType, T>(
  channel: string,
  schema: S,
  fn: (request: z.infer<S>) => T | Promise<T>,
  input: unknown,
): Promise<Result<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return fail(
      'invalid-input',
      `Invalid request for ${channel}: ${describeIssues(parsed.error)}`,
      {
        reason: 'request-invalid',
        params: { channel, paths: issuePaths(parsed.error) },
      },
    );
  }
  try {
    return ok(await fn(parsed.data));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof CommandError) return fail(error.code, message, error.detail);
    if (error instanceof StoreError) {
      const { code } = error;
      // The store refuses what its schema refuses (a reserved id, say): the caller's input.
      if (code === 'invalid') {
        return fail('invalid-input', `${channel} failed: ${message}`, {
          reason: 'workspace-invalid',
        });
      }
      return fail('internal', `${channel} failed: ${message}`, { reason: `store-${code}` });
    }
    return fail('internal', `${channel} failed: ${message}`);
  }
}

/** Dispatch by channel name, for transports that receive the channel as data (web mode). */
export async function dispatchCommand(
  handlers: CommandHandlers,
  channel: unknown,
  input: unknown,
  caller: FeedSink,
): Promise<Result<unknown>> {
  if (!isCommandChannel(channel)) {
    return fail('unknown-channel', `Unknown command ${JSON.stringify(channel)}`);
  }
  return invokeChannel(handlers, channel, input, caller);
}

/** Validates `input` for `channel` and runs its handler on behalf of `caller`. */
export function invokeChannel<K extends CommandChannel>(
  handlers: CommandHandlers,
  channel: K,
  input: unknown,
  caller: FeedSink,
): Promise<Result<unknown>> {
  const handler = handlers[channel] as (request: unknown, caller: FeedSink) => unknown;
  return invokeValidated(
    channel,
    commandSchemas[channel],
    (request) => handler(request, caller),
    input,
  );
}
