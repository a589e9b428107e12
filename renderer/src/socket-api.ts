import type { EventscopeApi, Unsubscribe } from '../../shared/api';
import {
  COMMAND_CHANNELS,
  commandMethods,
  FEED_FRAME_METHOD,
  NOTIFICATION_CHANNELS,
  notificationMethods,
} from '../../shared/api/channels';
import type { ServerMessage } from '../../shared/api/wire';
import {
  isEncodedFrame,
  splitFrames,
  WEB_API_PATH,
  WEB_MAX_CLIENT_MESSAGE_BYTES,
} from '../../shared/api/wire';
import type { Result } from '../../shared/result';
import { fail } from '../../shared/result';

/** Reconnect delays after the socket drops (server restarted, laptop slept): quick, then calm. */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

export type SocketStatus = 'connecting' | 'open' | 'closed';

export interface SocketApiHandle {
  api: EventscopeApi;
  status(): SocketStatus;
  onStatus(listener: (status: SocketStatus) => void): Unsubscribe;
  dispose(): void;
}

export interface SocketApiOptions {
  /** ws:// or wss:// URL of the API socket, token included. */
  url: string;
  WebSocketImpl?: typeof WebSocket;
}

/**
 * The socket URL for the page we were loaded from: same host, and beside the page, so under the
 * same `/<token>/` the server requires (web mode serves the app there).
 */
export function socketUrlFor(location: Pick<Location, 'protocol' | 'host' | 'pathname'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const base = location.pathname.slice(0, location.pathname.lastIndexOf('/'));
  return `${scheme}//${location.host}${base}${WEB_API_PATH}`;
}

/**
 * `EventscopeApi` over web mode's WebSocket — the browser twin of the preload. Commands wait
 * for the socket; when it drops, pending commands fail with `unavailable` (never hang) and the
 * socket reconnects on its own.
 */
export function createSocketApi(options: SocketApiOptions): SocketApiHandle {
  const WS = options.WebSocketImpl ?? WebSocket;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const queue: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: SocketStatus) => void>();
  let status: SocketStatus = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const setStatus = (next: SocketStatus) => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const emit = (key: string, payload: unknown) => {
    for (const listener of listeners.get(key) ?? []) listener(payload);
  };

  function connect(): void {
    setStatus('connecting');
    const ws = new WS(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
      for (const message of queue.splice(0)) ws.send(message);
    };
    ws.onmessage = (event: MessageEvent) => {
      const text = String(event.data);
      // Frames go to the feeds store as text: it decodes them (shared/api/frame-codec.ts). One
      // message can carry the frames of several feeds (shared/api/wire.ts, FRAME_SEPARATOR).
      if (isEncodedFrame(text)) {
        for (const frame of splitFrames(text)) emit(FEED_FRAME_METHOD, frame);
        return;
      }
      const message = JSON.parse(text) as ServerMessage;
      switch (message.type) {
        case 'result':
          // id null: the server could not tell which command a message was; ours always carry one.
          if (message.id === null) break;
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'notification':
          emit(message.channel, message.payload);
          break;
      }
    };
    ws.onclose = () => {
      socket = null;
      for (const resolve of pending.values()) {
        resolve(
          fail('unavailable', 'Lost the connection to Eventscope; retrying.', {
            reason: 'connection-lost',
          }),
        );
      }
      pending.clear();
      queue.length = 0;
      setStatus('closed');
      if (disposed) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
      attempt += 1;
      reconnectTimer = setTimeout(() => connect(), delay);
    };
  }

  function invoke(channel: string, request: unknown): Promise<Result<unknown>> {
    if (disposed) {
      return Promise.resolve(
        fail('unavailable', 'The API was disposed.', { reason: 'api-disposed' }),
      );
    }
    return new Promise((resolve) => {
      const id = nextId++;
      const message = JSON.stringify({ type: 'command', id, channel, request });
      // Refused here rather than sent: far beyond the limit the server drops the socket.
      // A UTF-16 unit is at most 3 UTF-8 bytes: only a long message needs counting.
      const bytes =
        message.length * 3 > WEB_MAX_CLIENT_MESSAGE_BYTES
          ? new TextEncoder().encode(message).length
          : message.length;
      if (bytes > WEB_MAX_CLIENT_MESSAGE_BYTES) {
        resolve(
          fail(
            'invalid-input',
            `Message too large: ${bytes} bytes; the limit is ${WEB_MAX_CLIENT_MESSAGE_BYTES} bytes.`,
            {
              reason: 'message-too-large',
              params: { bytes, limit: WEB_MAX_CLIENT_MESSAGE_BYTES },
            },
          ),
        );
        return;
      }
      pending.set(id, resolve);
      if (socket && socket.readyState === WS.OPEN) socket.send(message);
      else queue.push(message);
    });
  }

  function subscribe(key: string) {
    return (listener: (payload: unknown) => void): Unsubscribe => {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    };
  }

  const api: Record<string, unknown> = {};
  for (const channel of COMMAND_CHANNELS) {
    api[commandMethods[channel]] = (request?: unknown) => invoke(channel, request);
  }
  for (const channel of NOTIFICATION_CHANNELS) {
    api[notificationMethods[channel]] = subscribe(channel);
  }
  api[FEED_FRAME_METHOD] = subscribe(FEED_FRAME_METHOD);

  connect();

  return {
    api: Object.freeze(api) as EventscopeApi,
    status: () => status,
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    dispose: () => {
      disposed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket?.close();
    },
  };
}
