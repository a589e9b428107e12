import { z } from 'zod';
import { QuickOpenHistorySchema } from '../model/quick-open-history';
import { RetryPolicySchema } from '../model/retry-policy';

/** Schemas of the settings:* and app:reveal-data-dir commands. */

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const ThemeSchema = z.enum(THEMES);
export const LanguageSchema = z.enum(LANGUAGES);
export type Theme = z.infer<typeof ThemeSchema>;
export type Language = z.infer<typeof LanguageSchema>;

/** Session logs smaller than this would be deleted while still useful: a floor, not a default. */
export const MIN_LOG_RETENTION_BYTES = 1024 * 1024;
export const MAX_LOG_RETENTION_BYTES = 1024 * 1024 * 1024 * 1024;

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
