import type { Language } from './api/settings-values';

/** The languages Eventscope speaks: the page's catalogues and the seeded Demo workspace. */
export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The first of the preferred languages (BCP 47 tags) we speak; English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    // zh, zh-CN, zh-Hans, zh-SG read Simplified Chinese; zh-TW/zh-HK/zh-Hant do not.
    if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-sg' || lower.startsWith('zh-hans')) {
      return 'zh-CN';
    }
  }
  return 'en';
}

/** The language a Settings choice means: itself, or for "system" the first we speak of the OS's. */
export function resolveLocale(setting: Language, system: readonly string[]): Locale {
  return setting === 'system' ? pickLocale(system) : setting;
}
