/**
 * `{{ name }}` with optional inner spaces, the one spelling of a variable placeholder that the
 * workspace resolves, the importers keep and the editor highlights. The name syntax is
 * VARIABLE_NAME_PATTERN's (workspace-defaults.ts); group 1 is the name.
 */
const PLACEHOLDER_SOURCE = String.raw`\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}`;

/** A new global pattern per call: a shared `g` pattern would carry `lastIndex` between uses. */
export function placeholderPattern(): RegExp {
  return new RegExp(PLACEHOLDER_SOURCE, 'g');
}
