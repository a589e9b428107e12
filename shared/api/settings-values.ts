/**
 * The values the settings may take, without their schemas (shared/api/settings.ts): the page
 * offers them but never validates, and must not bundle a validation library for that
 * (docs/performance.md, "The page").
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export type Theme = (typeof THEMES)[number];
export type Language = (typeof LANGUAGES)[number];

/** Session logs smaller than this would be deleted while still useful: a floor, not a default. */
export const MIN_LOG_RETENTION_BYTES = 1024 * 1024;
export const MAX_LOG_RETENTION_BYTES = 1024 * 1024 * 1024 * 1024;
