/**
 * WHATWG HTML EventSource processing model: the response opens the stream only when its
 * Content-Type's MIME type essence is `text/event-stream` (ASCII case-insensitive; parameters
 * such as `charset` are allowed and ignored — the stream is always UTF-8).
 */
export const EVENT_STREAM_MIME = 'text/event-stream';

export function isEventStreamContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim();
  return essence.toLowerCase() === EVENT_STREAM_MIME;
}
