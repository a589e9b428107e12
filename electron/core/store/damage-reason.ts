import type { DamageReasonCode } from '../../../shared/api/damage-reasons';

/**
 * Why a file was found damaged, as a stable code the page can say in the user's language
 * (shared/api/notifications.ts). The store and the settings file word their reasons in English
 * for the CLI and the logs; this reads the code back from those fixed phrases, so the
 * producers keep their wording and only the notice gains a `reasonCode` param. A reason no
 * phrase matches is `other`: the page then shows the English reason as it came.
 */
/** Checked in order: the first phrase found in the reason names it. */
const PHRASES: ReadonlyArray<readonly [RegExp, DamageReasonCode]> = [
  [/^the file is empty$/, 'empty'],
  [/not valid JSON/, 'not-json'],
  [/^after migrating from version/, 'migration-failed'],
  [/^not an Eventscope workspace file/, 'not-workspace'],
  [/^schema check failed/, 'schema'],
  [/^the workspace id inside does not match/, 'id-mismatch'],
  [/^saved by a newer Eventscope/, 'newer-version'],
  [/^the index was missing$/, 'index-missing'],
  [/^some settings had invalid values$/, 'invalid-values'],
  [/too large|larger than/, 'too-large'],
  [/not a regular file| is a folder$/, 'not-regular-file'],
  [/cannot be read/, 'unreadable'],
  [/migrat/i, 'migration-failed'],
];

export function damageReasonCode(reason: string): DamageReasonCode {
  return PHRASES.find(([phrase]) => phrase.test(reason))?.[1] ?? 'other';
}
