import { z } from 'zod';
import type { ClientMessage } from '../../shared/api/wire';

/** Runtime check of what a page sends over web mode's socket (shape in shared/api/wire.ts). */
export const ClientMessageSchema = z
  .object({
    type: z.literal('command'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(100),
    request: z.unknown().optional(),
  })
  .strict() satisfies z.ZodType<ClientMessage>;

/** The id of a message that failed validation, when it is one a page could have sent. */
export function messageIdOf(json: unknown): number | null {
  const id = (json as { id?: unknown } | null)?.id;
  return Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : null;
}

/**
 * The id of a message too large to parse, read from its start: the page's client writes
 * `{"type":"command","id":N,…`, so it is within the first few dozen characters.
 */
export function peekMessageId(text: string): number | null {
  const match = /"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(text.slice(0, 200));
  return match ? messageIdOf({ id: Number(match[1]) }) : null;
}
