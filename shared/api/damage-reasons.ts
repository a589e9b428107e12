/**
 * Why a file was found damaged, as the `reasonCode` param of a notice
 * (shared/api/notifications.ts). The page has a text for each; `other` means "show the English
 * reason the Node side sent".
 */
export const DAMAGE_REASON_CODES = [
  'empty',
  'not-json',
  'schema',
  'not-workspace',
  'id-mismatch',
  'migration-failed',
  'newer-version',
  'index-missing',
  'invalid-values',
  'too-large',
  'not-regular-file',
  'unreadable',
  'other',
] as const;
export type DamageReasonCode = (typeof DAMAGE_REASON_CODES)[number];
