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
