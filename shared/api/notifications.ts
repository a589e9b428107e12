import { z } from 'zod';
import type { NotificationChannel } from './channels';
import { FeedSummarySchema } from './feeds';
import { WorkspacesChangedSchema } from './workspaces';
import { ExportProgressSchema } from './sessions';

/**
 * Notifications: Node side → renderer, low rate (DESIGN.md §2, lane 2). Named
 * `domain:past-tense`; the renderer subscribes with `onX(cb)` and gets an unsubscribe back.
 */

export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  at: z.number(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const notificationSchemas = {
  'app:notice-posted': NoticeSchema,
  'feeds:state-changed': FeedSummarySchema,
  'workspaces:changed': WorkspacesChangedSchema,
  'export:progressed': ExportProgressSchema,
} as const satisfies Record<NotificationChannel, z.ZodType>;

export type NotificationPayload<K extends NotificationChannel> = z.infer<
  (typeof notificationSchemas)[K]
>;
