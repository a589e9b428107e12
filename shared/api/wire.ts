import type { Result } from '../result';
import type { NotificationChannel } from './channels';

/**
 * Web mode's WebSocket messages: the same three lanes as IPC, as JSON text frames.
 * The server validates every client message (electron/web/client-message.ts); the client trusts
 * the server it authenticated to (same origin, token-checked). No zod here: the page bundles it.
 */

export const WEB_API_PATH = '/api';
/** Largest client message the server accepts; commands are small, big payloads are abuse. */
export const WEB_MAX_CLIENT_MESSAGE_BYTES = 1024 * 1024;

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
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'notification'; channel: NotificationChannel; payload: unknown };

/** Whether a server message is a feed frame (see ServerMessage). */
export function isEncodedFrame(text: string): boolean {
  return text.charCodeAt(0) === 0x5b; // '['
}
