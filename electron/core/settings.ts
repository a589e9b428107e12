import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from './store/durable-write';

/** App-wide choices the user made, kept beside the workspaces. */
const SettingsSchema = z.object({
  /**
   * The user agreed to store secrets although the OS offers no protection for the key
   * (issue #5 §3); until then they live for the session only.
   */
  storeUnprotectedSecrets: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

const SETTINGS_FILE = 'settings.json';

export interface SettingsFile {
  get(): Settings;
  update(change: Partial<Settings>): Promise<Settings>;
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
