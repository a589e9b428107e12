import { WebSocket } from 'ws';
import type { WebServer } from '../../../electron/web/server';
import { decodeFeedFrame } from '../../../shared/api/frame-codec';
import type { FeedFrame } from '../../../shared/api/frames';
import { isEncodedFrame, splitFrames } from '../../../shared/api/wire';

/**
 * A page's socket to web mode driven by hand, as a hostile or buggy page could: any bytes, any
 * size. Keeps every server message so tests can look at results and feed frames.
 */
export interface RawSocket {
  readonly ws: WebSocket;
  readonly messages: Array<Record<string, unknown>>;
  /** Sends `data` as is and resolves the next result whose id is `id` (null: an unnamed one). */
  send(data: string | Buffer, id: number | null, options?: { binary?: boolean }): Promise<unknown>;
  /** Sends a well-formed command and resolves its result. */
  command(id: number, channel: string, request?: unknown): Promise<unknown>;
  frames(): FeedFrame[];
  close(): void;
}

export async function openRawSocket(server: WebServer): Promise<RawSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/${server.token}/api`, {
    maxPayload: 0,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const messages: Array<Record<string, unknown>> = [];
  const frames: FeedFrame[] = [];
  const waiters: Array<{ id: number | null; resolve: (result: unknown) => void }> = [];
  ws.on('message', (data) => {
    const text = data.toString();
    // Feed frames arrive in their wire form (shared/api/frame-codec.ts), several to a message
    // (shared/api/wire.ts, FRAME_SEPARATOR); everything else as JSON.
    if (isEncodedFrame(text)) {
      for (const frame of splitFrames(text)) frames.push(decodeFeedFrame(frame));
      return;
    }
    const message = JSON.parse(text) as Record<string, unknown>;
    messages.push(message);
    if (message.type !== 'result') return;
    const index = waiters.findIndex((w) => w.id === message.id);
    if (index === -1) return;
    const [waiter] = waiters.splice(index, 1);
    waiter?.resolve(message.result);
  });
  const send: RawSocket['send'] = (data, id, options = {}) =>
    new Promise((resolve) => {
      waiters.push({ id, resolve });
      ws.send(data, { binary: options.binary ?? false });
    });
  return {
    ws,
    messages,
    send,
    command: (id, channel, request) =>
      send(JSON.stringify({ type: 'command', id, channel, request }), id),
    frames: () => frames,
    close: () => ws.close(),
  };
}
