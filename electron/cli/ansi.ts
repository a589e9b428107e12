/**
 * Minimal ANSI styling for the pretty format. Colour is decided once by the caller
 * (`shouldColor`): only on a terminal, never with NO_COLOR (no-color.org), FORCE_COLOR to insist.
 */
const CODES = {
  dim: [2, 22],
  bold: [1, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
} as const;

export type Style = keyof typeof CODES;
export type Paint = (style: Style, text: string) => string;

export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;
}

export function shouldColor(isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') {
    return true;
  }
  return isTty && env.TERM !== 'dumb';
}

/**
 * Shows control characters as visible escapes. Event data, status text, error bodies and
 * headers come from a remote server; printed raw, an ESC or C1 sequence in them (CSI `ESC [`,
 * OSC `ESC ]` …) could recolour, retitle or scramble the user's terminal (ECMA-48 §5), and a
 * bidirectional override (Unicode UAX #9) could make text read differently than it is.
 * Tabs and line feeds stay: they only move the cursor.
 */
export function escapeControls(text: string): string {
  return text.replace(TERMINAL_UNSAFE, unicodeEscape);
}

// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal may act on: DEL, C1, bidi overrides. */
const JSON_LEFT_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * JSON text safe for a terminal and still the same JSON: the characters JSON.stringify leaves
 * raw can only occur inside strings, where a `\u` escape means the same character.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(JSON_LEFT_RAW, unicodeEscape);
}
