/**
 * The width of one glyph of a monospace font, measured once per font on a canvas (no layout):
 * the event list cuts a row's preview to what its data column can show.
 */
const measured = new Map<string, number | null>();

/** px per character of `font` (a CSS font shorthand), or null when it is not monospace. */
export function monospaceGlyphPx(font: string): number | null {
  const known = measured.get(font);
  if (known !== undefined) return known;
  let width: number | null = null;
  const context = document.createElement('canvas').getContext('2d');
  if (context && font) {
    context.font = font;
    const narrow = context.measureText('i'.repeat(10)).width / 10;
    const wide = context.measureText('W'.repeat(10)).width / 10;
    width = narrow > 0 && Math.abs(narrow - wide) < 0.01 ? narrow : null;
  }
  measured.set(font, width);
  return width;
}
