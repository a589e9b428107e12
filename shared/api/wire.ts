import type { Result } from '../result';
import type { NotificationChannel } from './channels';
import type { FeedFrame } from './frames';

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

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'notification'; channel: NotificationChannel; payload: unknown }
  | { type: 'frame'; frame: FeedFrame };
