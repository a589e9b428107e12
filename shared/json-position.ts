/**
 * Where JSON.parse stopped, as line and column (from 1), read from its error message ("… in
 * JSON at position 12", "Unexpected end of JSON input"), so a page can say where the text
 * is broken in its own language instead of showing V8's English. Null when the message names
 * no place (V8 words some errors without a position).
 */
export function jsonErrorPosition(
  text: string,
  message: string,
): { line: number; column: number } | null {
  const at = /at position (\d+)/.exec(message);
  let index: number;
  if (at !== null) index = Math.min(Number(at[1]), text.length);
  else if (/Unexpected end of JSON input/i.test(message)) index = text.length;
  else return null;
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}
