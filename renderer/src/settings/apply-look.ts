import type { Language, Theme } from '../../../shared/api/settings';
import type { Locale } from '../i18n';
import { i18n, systemLocale } from '../i18n';

/**
 * Applies the theme and language the user chose. The theme is a `data-theme` attribute on
 * <html> that styles.css reads; 'system' removes it so prefers-color-scheme decides.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function localeFor(language: Language): Locale {
  return language === 'system' ? systemLocale() : language;
}

export function applyLanguage(
  language: Language,
  root: HTMLElement = document.documentElement,
): void {
  const locale = localeFor(language);
  i18n.global.locale.value = locale;
  // Screen readers and CJK font selection read the document language (HTML §3.2.6.2 lang).
  root.lang = locale;
}
