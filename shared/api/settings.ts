import { z } from 'zod';
import { QUICK_OPEN_HISTORY_MAX } from '../model/quick-open-history';
import { RetryPolicySchema } from '../model/retry-policy';
import {
  LANGUAGES,
  MAX_LOG_RETENTION_BYTES,
  MIN_LOG_RETENTION_BYTES,
  THEMES,
} from './settings-values';

export * from './settings-values';

/** Schemas of the settings:* and app:reveal-data-dir commands. */

export const ThemeSchema = z.enum(THEMES);
export const LanguageSchema = z.enum(LANGUAGES);

export const RecentRequestSchema = z.object({
  name: z.string().max(200),
  url: z.string().max(16_384),
  method: z.string().max(64),
  /** One `Name: value` per line, secret values blanked. */
  headers: z.string().max(65_536),
  body: z.string().max(65_536),
});
export const QuickOpenHistorySchema = z.array(RecentRequestSchema).max(QUICK_OPEN_HISTORY_MAX);

/** What the page may read and change; `storeUnprotectedSecrets` goes through secrets:set-policy. */
export const UserSettingsSchema = z.object({
  theme: ThemeSchema,
  language: LanguageSchema,
  /** Total size of the session logs kept on disk; the oldest sessions go first. */
  logRetentionBytes: z.number().int().min(MIN_LOG_RETENTION_BYTES).max(MAX_LOG_RETENTION_BYTES),
  /** Given to new endpoints and to quick-open feeds. */
  defaultRetry: RetryPolicySchema,
  /** Quick open's recent requests, newest first, secret header values blanked. */
  quickOpenHistory: QuickOpenHistorySchema,
});
export type UserSettings = z.infer<typeof UserSettingsSchema>;

export const SettingsSetRequestSchema = UserSettingsSchema.partial().strict();

/** Electron opens the folder; web mode cannot, so the page shows the path to copy. */
export type RevealOutcome = { type: 'revealed' } | { type: 'unavailable'; path: string };
