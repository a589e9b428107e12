/**
 * Serialises events in the wire format of WHATWG HTML "Server-sent events" §9.2.5
 * ("Interpreting an event stream"): one `field: value` line per field, a data line per line of
 * the payload, and an empty line to dispatch.
 */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
  retryMs?: number;
}

export function formatSseMessage(message: SseMessage): string {
  let text = '';
  if (message.retryMs !== undefined) text += `retry: ${Math.trunc(message.retryMs)}\n`;
  if (message.id !== undefined) text += `id: ${message.id}\n`;
  if (message.event !== undefined) text += `event: ${message.event}\n`;
  // A payload with line breaks must become several data lines, or the client would read the
  // text after the break as a field of its own.
  for (const line of message.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

/** A comment line: ignored by parsers, so it keeps proxies and idle timers awake. */
export function formatSseComment(text: string): string {
  return `: ${text.replace(/\r\n|\r|\n/g, ' ')}\n\n`;
}
