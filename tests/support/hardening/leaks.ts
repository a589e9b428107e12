import { leakForms } from '../store/test-store';

/** The forms of `secret` (raw, base64, base64url, URL-encoded, JSON-escaped) found in `text`. */
export function findLeaksInText(text: string, secret: string): string[] {
  return leakForms(secret).filter((form) => text.includes(form));
}
