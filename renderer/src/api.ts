import type { EventscopeApi } from '../../shared/api';
import type { SocketStatus } from './socket-api';
import { createSocketApi, socketUrlFor } from './socket-api';

/**
 * The renderer's only way to the Node side (docs/architecture.md, "One core, four faces"). Inside Electron the preload has put
 * the API on `window.eventscope`; in a browser (web mode) we build the same API over the
 * WebSocket and publish it at the same place, so both faces look identical to the app.
 */
export interface ApiConnection {
  api: EventscopeApi;
  face: 'electron' | 'web';
  /** Live link state: always 'open' in Electron, the socket's state in web mode. */
  onStatus(listener: (status: SocketStatus) => void): () => void;
}

function resolveApi(): ApiConnection {
  if (window.eventscope) {
    return {
      api: window.eventscope,
      face: 'electron',
      onStatus: (listener) => (listener('open'), () => {}),
    };
  }
  const handle = createSocketApi({ url: socketUrlFor(window.location) });
  Object.defineProperty(window, 'eventscope', { value: handle.api, writable: false });
  return {
    api: handle.api,
    face: 'web',
    onStatus: (listener) => {
      listener(handle.status());
      return handle.onStatus(listener);
    },
  };
}

export const connection: ApiConnection = resolveApi();
export const api: EventscopeApi = connection.api;
