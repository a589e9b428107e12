import { createI18n } from 'vue-i18n';
import { en, type MessageSchema } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { pickLocale, type Locale } from '../../../shared/locale';

export { SUPPORTED_LOCALES, pickLocale, type Locale } from '../../../shared/locale';

/** The first of the browser's preferred languages we have a catalogue for; English otherwise. */
export function systemLocale(): Locale {
  return pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/**
 * One i18n instance for the app (Composition API only). Components call `useI18n()` and `t()`;
 * code outside components uses `i18n.global.t`. Messages are compiled by vue-i18n's JIT
 * compiler, which builds no functions from strings, so the strict CSP holds.
 */
export function createAppI18n(locale: Locale = systemLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export const i18n = createAppI18n();
