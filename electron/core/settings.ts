import { rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { UserSettings } from '../../shared/api/settings';
import {
  LanguageSchema,
  QuickOpenHistorySchema,
  ThemeSchema,
  UserSettingsSchema,
} from '../../shared/api/settings';
import { RetryPolicySchema, defaultRetryPolicy } from '../../shared/model/retry-policy';
import { DEFAULT_MAX_LOG_BYTES } from './feeds/log-retention';
import { errorCode, writeFileDurable } from './store/durable-write';
import { fileStamp } from './store/paths';
import { damageReasonCode } from './store/damage-reason';
import { readRegularFile } from './store/safe-file-read';

/**
 * App-wide choices the user made, kept beside the workspaces. Each field is validated on its
 * own, so one bad value costs that value only (and is named in a notice), never the others.
 */
const SETTING_FIELDS = {
  /**
   * The user agreed to store secrets although the OS offers no protection for the key
   * (README "Where data lives"); until then they live for the session only.
   */
  storeUnprotectedSecrets: z.boolean(),
  theme: ThemeSchema,
  language: LanguageSchema,
  logRetentionBytes: UserSettingsSchema.shape.logRetentionBytes,
  defaultRetry: RetryPolicySchema,
  quickOpenHistory: QuickOpenHistorySchema,
};
export type Settings = { [K in keyof typeof SETTING_FIELDS]: z.output<(typeof SETTING_FIELDS)[K]> };

function defaultSettings(): Settings {
  return {
    storeUnprotectedSecrets: false,
    theme: 'system',
    language: 'system',
    logRetentionBytes: DEFAULT_MAX_LOG_BYTES,
    defaultRetry: defaultRetryPolicy('GET'),
    quickOpenHistory: [],
  };
}

/** How each setting is named to the user when it had to be reset. */
export interface SettingsNotice {
  code: 'settings.damaged' | 'settings.reset';
  /** `settings`: the reset settings' keys, comma-separated; the page names each by its label. */
  params: { reason: string; reasonCode: string; file: string; settings: string };
  message: string;
}

const SETTING_LABELS: Record<keyof Settings, string> = {
  storeUnprotectedSecrets:
    'storing secrets without OS protection (turned off: secrets are kept for this session only until you allow it again)',
  theme: 'theme',
  language: 'language',
  logRetentionBytes: 'session-log retention size',
  defaultRetry: 'default retry policy',
  quickOpenHistory: 'quick open history',
};

const SETTINGS_FILE = 'settings.json';
/** Far more than the settings will ever need; a bigger file is damage, not settings. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface SettingsFile {
  get(): Settings;
  update(change: Partial<Settings>): Promise<Settings>;
  /** What the user must be told about the file as found at start-up (damage, reset settings). */
  /** What went wrong reading settings.json: a stable code and params, plus the English text. */
  readonly notices: SettingsNotice[];
}

/** The part of the settings the page reads and writes (settings:get / settings:set). */
export function userSettings(settings: Settings): UserSettings {
  const { theme, language, logRetentionBytes, defaultRetry, quickOpenHistory } = settings;
  return { theme, language, logRetentionBytes, defaultRetry, quickOpenHistory };
}

/**
 * Reads settings.json. A missing file means defaults. A damaged one — not JSON, a setting of
 * the wrong type — is never silently replaced: it is set aside as
 * `settings.corrupt-<time>.json` (like a damaged workspace, electron/core/store/README.md) and a
 * notice names each setting that was reset, because a silently revoked consent would drop the
 * user's stored secrets at the next save.
 */
export async function openSettings(dataDir: string): Promise<SettingsFile> {
  const path = join(dataDir, SETTINGS_FILE);
  const defaults = defaultSettings();
  let current: Settings = defaults;
  const notices: SettingsNotice[] = [];
  const read = await readSettings(path);
  if (read.type === 'ok' || read.type === 'damaged') {
    const { settings, reset } =
      read.type === 'ok'
        ? salvage(read.json)
        : { settings: defaults, reset: Object.keys(SETTING_LABELS) as Array<keyof Settings> };
    current = settings;
    if (read.type === 'damaged' || reset.length > 0) {
      const why = read.type === 'damaged' ? read.reason : 'some settings had invalid values';
      const aside = join(dataDir, `settings.corrupt-${fileStamp(Date.now())}.json`);
      const moved = await rename(path, aside).then(
        () => ({ text: `it was moved to ${aside}`, file: basename(aside) }),
        (error: unknown) => ({
          text: `it could not be moved aside (${errorCode(error) ?? String(error)})`,
          file: '',
        }),
      );
      const names = reset.map((key) => SETTING_LABELS[key]);
      notices.push({
        code: names.length === 0 ? 'settings.damaged' : 'settings.reset',
        params: {
          reason: why,
          reasonCode: damageReasonCode(why),
          file: moved.file,
          settings: reset.join(', '),
        },
        message:
          names.length === 0
            ? `The settings file was damaged (${why}); ${moved.text}. No setting was lost.`
            : `The settings file was damaged (${why}); ${moved.text}. These settings were reset to their defaults: ${names.join('; ')}.`,
      });
    }
  }
  return {
    get: () => current,
    notices,
    async update(change) {
      current = { ...current, ...change };
      await writeFileDurable(path, `${JSON.stringify(current, null, 2)}\n`);
      return current;
    },
  };
}

type SettingsRead =
  { type: 'missing' } | { type: 'ok'; json: unknown } | { type: 'damaged'; reason: string };

async function readSettings(path: string): Promise<SettingsRead> {
  let text: string;
  try {
    text = (await readRegularFile(path, MAX_SETTINGS_BYTES)).toString('utf8');
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    if (reason === 'not-found') return { type: 'missing' };
    return { type: 'damaged', reason: error instanceof Error ? error.message : String(error) };
  }
  if (text.trim() === '') return { type: 'damaged', reason: 'the file is empty' };
  try {
    return { type: 'ok', json: JSON.parse(text) };
  } catch {
    // V8's message quotes the text; the reason never does.
    return { type: 'damaged', reason: 'not valid JSON (truncated or damaged)' };
  }
}

/** Keeps every setting that is valid; the others take their defaults and are listed. */
function salvage(json: unknown): { settings: Settings; reset: Array<keyof Settings> } {
  const defaults = defaultSettings();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { settings: defaults, reset: Object.keys(SETTING_LABELS) as Array<keyof Settings> };
  }
  const settings: Settings = { ...defaults };
  const reset: Array<keyof Settings> = [];
  const record = json as Record<string, unknown>;
  for (const key of Object.keys(SETTING_FIELDS) as Array<keyof Settings>) {
    if (!(key in record)) continue;
    const field = SETTING_FIELDS[key].safeParse(record[key]);
    if (field.success) (settings as Record<keyof Settings, unknown>)[key] = field.data;
    else reset.push(key);
  }
  return { settings, reset };
}
