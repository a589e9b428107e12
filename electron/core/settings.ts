import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { UserSettings } from '../../shared/api/settings';
import { LanguageSchema, ThemeSchema, UserSettingsSchema } from '../../shared/api/settings';
import { QuickOpenHistorySchema } from '../../shared/model/quick-open-history';
import { RetryPolicySchema, defaultRetryPolicy } from '../../shared/model/retry-policy';
import { DEFAULT_MAX_LOG_BYTES } from './feeds/log-retention';
import { writeFileDurable } from './store/durable-write';

/**
 * App-wide choices the user made, kept beside the workspaces. Every field has a default and is
 * read on its own (`.catch`), so one bad or missing value costs that value only, never the others.
 */
const SettingsSchema = z.object({
  /**
   * The user agreed to store secrets although the OS offers no protection for the key
   * (README "Where data lives"); until then they live for the session only.
   */
  storeUnprotectedSecrets: z.boolean().catch(false),
  theme: ThemeSchema.catch('system'),
  language: LanguageSchema.catch('system'),
  logRetentionBytes: UserSettingsSchema.shape.logRetentionBytes.catch(DEFAULT_MAX_LOG_BYTES),
  defaultRetry: RetryPolicySchema.catch(() => defaultRetryPolicy('GET')),
  quickOpenHistory: QuickOpenHistorySchema.catch([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

const SETTINGS_FILE = 'settings.json';

export interface SettingsFile {
  get(): Settings;
  update(change: Partial<Settings>): Promise<Settings>;
}

/** The part of the settings the page reads and writes (settings:get / settings:set). */
export function userSettings(settings: Settings): UserSettings {
  const { theme, language, logRetentionBytes, defaultRetry, quickOpenHistory } = settings;
  return { theme, language, logRetentionBytes, defaultRetry, quickOpenHistory };
}

/** Reads settings.json; a missing or unreadable file means defaults (and is rewritten on change). */
export async function openSettings(dataDir: string): Promise<SettingsFile> {
  const path = join(dataDir, SETTINGS_FILE);
  let current: Settings;
  try {
    current = SettingsSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    current = SettingsSchema.parse({});
  }
  return {
    get: () => current,
    async update(change) {
      current = { ...current, ...change };
      await writeFileDurable(path, `${JSON.stringify(current, null, 2)}\n`);
      return current;
    },
  };
}
