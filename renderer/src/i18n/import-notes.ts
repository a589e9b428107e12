import type { I18n } from 'vue-i18n';
import { i18n } from './index';

/**
 * The texts of import notes (`workspaces.importNotes.<code>`) are a large catalogue only an
 * import needs, so they load with the first import instead of with the page: the page's
 * initial script has a size budget (docs/performance.md).
 */
type Catalogue = Record<string, string>;

/** Adds the notes in both languages to an i18n instance. */
export function mergeImportNotes(target: I18n, en: Catalogue, zhCN: Catalogue): void {
  const global = target.global as unknown as {
    mergeLocaleMessage(locale: string, messages: Record<string, unknown>): void;
  };
  global.mergeLocaleMessage('en', { workspaces: { importNotes: en } });
  global.mergeLocaleMessage('zh-CN', { workspaces: { importNotes: zhCN } });
}

let loading: Promise<void> | null = null;

/** Loads the notes into the app's i18n once; later calls wait for the same load. */
export function loadImportNotes(): Promise<void> {
  loading ??= Promise.all([
    import('./locales/en/import-notes'),
    import('./locales/zh-CN/import-notes'),
  ]).then(([en, zhCN]) =>
    mergeImportNotes(i18n as unknown as I18n, en.importNotes, zhCN.importNotes),
  );
  return loading;
}
