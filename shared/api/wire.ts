import type { Result } from '../result';
import type { NotificationChannel } from './channels';

/**
 * Web mode's WebSocket messages: the same three lanes as IPC, as JSON text frames.
 * The server validates every client message (electron/web/client-message.ts); the client trusts
 * the server it authenticated to (same origin, token-checked). No zod here: the page bundles it.
 */

export const WEB_API_PATH = '/api';
/**
 * Largest client message the server handles. It must fit the largest valid request — a 20 MiB
 * import (IMPORT_TEXT_MAX_CHARS) even of non-Latin text, at up to 3 UTF-8 bytes per character,
 * and a 10 MiB feed body — plus the envelope. A larger message gets an error reply; the socket
 * and the page's feeds stay up.
 */
export const WEB_MAX_CLIENT_MESSAGE_BYTES = 64 * 1024 * 1024;
/**
 * Beyond this the WebSocket library drops the connection (close code 1009) instead of buffering
 * more: the only message size that ends a page's session. The page's client never sends more
 * than WEB_MAX_CLIENT_MESSAGE_BYTES.
 */
export const WEB_SOCKET_MAX_PAYLOAD_BYTES = 4 * WEB_MAX_CLIENT_MESSAGE_BYTES;

export interface ClientMessage {
  type: 'command';
  id: number;
  channel: string;
  request?: unknown;
}

/**
 * Everything the server sends but feed frames. A feed frame is sent as its encoded text
 * (shared/api/frame-codec.ts), a JSON array: the only message that starts with `[`.
 */
export type ServerMessage =
  /** `id` null: the message was too malformed to tell which command it was. */
  | { type: 'result'; id: number | null; result: Result<unknown> }
  | { type: 'notification'; channel: NotificationChannel; payload: unknown };

/** Whether a server message is a feed frame (see ServerMessage). */
export function isEncodedFrame(text: string): boolean {
  return text.charCodeAt(0) === 0x5b; // '['
}

/**
 * Web mode sends the frames of a page's feeds that are ready at the same moment as one message,
 * joined by this separator (electron/web/frame-batcher.ts). JSON text never contains a raw line
 * feed (RFC 8259 §7: control characters in strings are escaped), so it cannot occur inside a
 * frame.
 */
export const FRAME_SEPARATOR = '\n';

/** The frames of one socket message, in the order they were sent. */
export function splitFrames(text: string): string[] {
  return text.indexOf(FRAME_SEPARATOR) < 0 ? [text] : text.split(FRAME_SEPARATOR);
}
