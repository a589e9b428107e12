import { z } from 'zod';
import type { NotificationChannel } from './channels';
import { FeedSummarySchema } from './feeds';
import { WorkspacesChangedSchema } from './workspaces';
import { ExportProgressSchema } from './sessions';

/**
 * Notifications: Node side → renderer, low rate (docs/architecture.md, "The API contract", lane 2). Named
 * `domain:past-tense`; the renderer subscribes with `onX(cb)` and gets an unsubscribe back.
 */

/**
 * A notice names what happened with a stable `code` and its `params`; the page renders that in
 * the user's language (renderer/src/shell/notice-text.ts). `message` is the English sentence
 * for the CLI, logs and any page that does not know the code.
 */
export const NoticeParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type NoticeParams = z.infer<typeof NoticeParamsSchema>;

export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  code: z.string().optional(),
  params: NoticeParamsSchema.optional(),
  at: z.number(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/**
 * What the desktop app's menu asks the page to do. The page owns these dialogs and views, so
 * main only names the action; web mode has no application menu and never sends it.
 */
export const MENU_COMMANDS = [
  'new-endpoint',
  'import',
  'export',
  'settings',
  'shortcuts',
  'theme-system',
  'theme-light',
  'theme-dark',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MenuCommandInvokedSchema = z.object({ command: z.enum(MENU_COMMANDS) });
export type MenuCommandInvoked = z.infer<typeof MenuCommandInvokedSchema>;

export const notificationSchemas = {
  'app:notice-posted': NoticeSchema,
  'feeds:state-changed': FeedSummarySchema,
  'workspaces:changed': WorkspacesChangedSchema,
  'menu:command-invoked': MenuCommandInvokedSchema,
  'export:progressed': ExportProgressSchema,
} as const satisfies Record<NotificationChannel, z.ZodType>;

export type NotificationPayload<K extends NotificationChannel> = z.infer<
  (typeof notificationSchemas)[K]
>;
