import { computed, shallowRef } from 'vue';
import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Notice, NoticeParams } from '../../../shared/api/notifications';
import type { AppError, Result } from '../../../shared/result';
import type { ImportNote } from '../../../shared/import-notes';
import { decodeMigrationNotes } from '../../../shared/migration-notes';
import { formatBytes } from '../../../shared/format-bytes';
import { i18n } from '../i18n';
import { loadImportNotes } from '../i18n/import-notes';

/** What rendering needs of vue-i18n: translate, and ask whether a key exists. */
export interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  te(key: string): boolean;
}

/**
 * A notice from the Node side in the page's language: its `code` picks the text under
 * `shell.notices`, filled from its `params`. A notice whose code this page does not know (or
 * that has none) shows the English `message` the Node side sent, so nothing is lost.
 */
export function noticeText(
  translator: Translator,
  notice: Pick<Notice, 'code' | 'params' | 'message'>,
): string {
  const key = notice.code ? `shell.notices.${notice.code}` : null;
  // `name` is the list's label, not a notice.
  if (!key || notice.code === 'name' || !translator.te(key)) return notice.message;
  return translator.t(key, translatedParams(translator, notice.code ?? '', notice.params ?? {}));
}

/**
 * The settings a notice may name, by their key in settings.json, and where the Settings
 * dialog's catalogue labels them.
 */
const SETTING_LABEL_KEYS: Record<string, string> = {
  storeUnprotectedSecrets: 'settings.storeUnprotected',
  theme: 'settings.theme',
  language: 'settings.language',
  logRetentionBytes: 'settings.logRetention',
  defaultRetry: 'settings.defaultRetry',
  quickOpenHistory: 'settings.quickOpenHistory',
};

/**
 * Params that are codes rather than words are said in the page's language: a damage reason by
 * its `reasonCode`, the reset settings by their labels. A code this page does not know keeps
 * the English the Node side sent.
 */
function translatedParams(
  translator: Translator,
  code: string,
  params: NoticeParams,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  const reasonKey = `shell.reasons.${String(params.reasonCode ?? '')}`;
  if (params.reasonCode !== undefined && translator.te(reasonKey)) {
    out.reason = translator.t(reasonKey);
  }
  if (
    (code === 'store.secrets-need-reentry' || code === 'store.secrets-not-saved') &&
    typeof params.fields === 'string'
  ) {
    out.fields = secretLabels(translator, params.fields);
  }
  if (code === 'import.failed' && typeof params.errorReason === 'string') {
    const error = reasonText(translator, params.errorReason, params.errorParams);
    if (error !== null) out.error = error;
  }
  if (code === 'import.done-with-warnings' && typeof params.notes === 'string') {
    // Until the notes' texts have loaded the English stays; loading them rewords the notice.
    void loadImportNotes();
    const notes = importNotesText(translator, params.notes);
    if (notes !== null) out.warnings = notes;
  }
  if (code === 'store.migrated' && typeof params.detailCodes === 'string') {
    const details = migrationDetails(translator, params.detailCodes);
    if (details !== null) out.details = details;
  }
  if (code.startsWith('settings.') && typeof params.settings === 'string') {
    out.settings = params.settings
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => {
        const labelKey = SETTING_LABEL_KEYS[name];
        return labelKey && translator.te(labelKey) ? translator.t(labelKey) : name;
      })
      .join(translator.t('shell.listSeparator'));
  }
  return out;
}

/** A failure's reason in the page's language, its params given as JSON text; null if unknown. */
function reasonText(translator: Translator, reason: string, paramsJson: unknown): string | null {
  const key = `shell.errors.reasons.${reason}`;
  if (!translator.te(key)) return null;
  const params = typeof paramsJson === 'string' ? parseRecord(paramsJson) : {};
  return params === null ? null : translator.t(key, formatted(params));
}

/** Import notes given as JSON text `[{ code, params }]`, worded; null if unreadable. */
function importNotesText(translator: Translator, json: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const texts: string[] = [];
  for (const item of value) {
    const code = (item as { code?: unknown } | null)?.code;
    const params = parseRecord(JSON.stringify((item as { params?: unknown } | null)?.params ?? {}));
    if (typeof code !== 'string' || params === null) return null;
    const note = { code, params, message: '' } as unknown as ImportNote;
    const text = importNoteText(translator, note);
    if (text === '') return null;
    texts.push(text);
  }
  return texts.join(translator.t('workspaces.importNotes.separator'));
}

/** A JSON object of string and number values, or null. */
function parseRecord(json: string): Record<string, string | number> | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')) return null;
    return Object.fromEntries(entries) as Record<string, string | number>;
  } catch {
    return null;
  }
}

/**
 * The store names a secret as "ENDPOINT › header NAME" or "ENDPOINT › proxy"
 * (electron/core/store/sealing.ts); those two words are said in the page's language.
 */
function secretLabels(translator: Translator, fields: string): string {
  return fields
    .replace(/ › header /g, ` › ${translator.t('shell.secretLabels.header')} `)
    .replace(/ › proxy(?=, |$)/g, ` › ${translator.t('shell.secretLabels.proxy')}`);
}

/**
 * What a migration changed, from the notice's `detailCodes`; null (keep the English details)
 * when the list cannot be read or names a code this page does not know.
 */
function migrationDetails(translator: Translator, detailCodes: string): string | null {
  const notes = decodeMigrationNotes(detailCodes);
  if (notes === null) return null;
  const texts: string[] = [];
  for (const note of notes) {
    const key = `shell.migrationNotes.${note.code}`;
    if (!translator.te(key)) return null;
    const params: Record<string, string | number> = { ...note.params };
    const causeKey = `shell.migrationNotes.causes.${String(note.params['cause'] ?? '')}`;
    if (note.params['cause'] !== undefined && translator.te(causeKey)) {
      params.cause = translator.t(causeKey);
    }
    texts.push(translator.t(key, params));
  }
  return texts.join(' ');
}

/**
 * A failed command in the page's language: a translated headline for its error code, with the
 * Node side's message as the detail (shared/result.ts: the code is stable, the message is not).
 */
export function errorText(translator: Translator, error: AppError): string {
  const key = `shell.errors.${error.code}`;
  if (!translator.te(key)) return error.message;
  const headline = translator.t(key);
  // A known reason is worded here; otherwise the Node side's English stays as the detail.
  const reasonKey = error.reason ? `shell.errors.reasons.${error.reason}` : '';
  const detail =
    reasonKey && translator.te(reasonKey)
      ? translator.t(reasonKey, formatted(error.params ?? {}))
      : error.message;
  if (!detail) return headline;
  return translator.t('shell.errors.withDetail', { headline, detail });
}

/**
 * What an import skipped or approximated, in the page's language: its code picks the text under
 * `workspaces.importNotes`, said after the request or folder it is about (`where`). A code this
 * page does not know shows the Node side's English, so nothing is lost.
 */
export function importNoteText(
  translator: Translator,
  note: Pick<ImportNote, 'code' | 'params' | 'message'>,
): string {
  const key = `workspaces.importNotes.${note.code}`;
  if (!translator.te(key)) return note.message;
  const text = translator.t(key, note.params);
  const where = note.params['where'];
  return where === undefined
    ? text
    : translator.t('workspaces.importNotes.withWhere', { where, text });
}

/** Byte counts as people read them ("64 MiB"), other values as they came. */
function formatted(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' && /bytes|limit/i.test(name) ? formatBytes(value) : value,
    ]),
  );
}

/** The same, bound to the component's i18n. */
export function useNodeMessages() {
  const { t, te } = useI18n();
  const translator: Translator = { t: (key, params) => t(key, params ?? {}), te: (key) => te(key) };
  return {
    noticeText: (notice: Pick<Notice, 'code' | 'params' | 'message'>) =>
      noticeText(translator, notice),
    errorText: (error: AppError) => errorText(translator, error),
    importNoteText: (note: ImportNote) => importNoteText(translator, note),
  };
}

/** For stores: import notes in the app's language, one sentence after another. */
export function describeImportNotes(notes: readonly ImportNote[]): string {
  const { t, te } = i18n.global;
  const translator: Translator = { t: (key, params) => t(key, params ?? {}), te: (key) => te(key) };
  return notes
    .map((note) => importNoteText(translator, note))
    .join(t('workspaces.importNotes.separator'));
}

/** For stores and other code outside components: the app's one i18n instance. */
export function describeError(error: AppError): string {
  const { t, te } = i18n.global;
  return errorText({ t: (key, params) => t(key, params ?? {}), te: (key) => te(key) }, error);
}

/**
 * A store's last failed command, kept as the error and worded when read, so switching the
 * language rewords an error already on screen.
 */
export function translatedError() {
  const failure = shallowRef<AppError | null>(null);
  const text = computed(() => (failure.value === null ? null : describeError(failure.value)));
  return { failure, text };
}

/**
 * Unwraps a Node-side answer for a store: its value (clearing `failure`), or null with
 * `failure` set to the error, which `translatedError` words in the page's language.
 */
export function resultTaker(failure: Ref<AppError | null>): <T>(result: Result<T>) => T | null {
  return (result) => {
    if (result.ok) {
      failure.value = null;
      return result.value;
    }
    failure.value = result.error;
    return null;
  };
}
