import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { EventscopeApi, Unsubscribe } from '../../shared/api';
import {
  COMMAND_CHANNELS,
  commandMethods,
  FEED_FRAME_CHANNEL,
  FEED_FRAME_METHOD,
  NOTIFICATION_CHANNELS,
  notificationMethods,
} from '../../shared/api/channels';
import { splitFrames } from '../../shared/api/wire';

type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function subscriber(ipc: IpcLike, channel: string) {
  return (listener: (payload: unknown) => void): Unsubscribe => {
    // Only the payload crosses into the page: the IPC event object carries `sender`, which
    // would hand the page a way back to ipcRenderer.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  };
}

/**
 * Feed frames: one IPC message may carry the frames of several feeds (electron/main/window-sink.ts,
 * joined as in shared/api/wire.ts); the page gets them one frame at a time, as in web mode.
 */
function frameSubscriber(ipc: IpcLike) {
  return (listener: (payload: unknown) => void): Unsubscribe => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
      if (typeof payload !== 'string') return;
      for (const frame of splitFrames(payload)) listener(frame);
    };
    ipc.on(FEED_FRAME_CHANNEL, wrapped);
    return () => {
      ipc.removeListener(FEED_FRAME_CHANNEL, wrapped);
    };
  };
}

/**
 * Builds `window.eventscope`: exactly one function per channel, each bound to its channel at
 * build time. The page can never name a channel itself, so there is no generic `invoke`.
 */
export function buildPreloadApi(ipc: IpcLike): EventscopeApi {
  const api: Record<string, unknown> = {};
  for (const channel of COMMAND_CHANNELS) {
    api[commandMethods[channel]] = (request?: unknown) => ipc.invoke(channel, request);
  }
  for (const channel of NOTIFICATION_CHANNELS) {
    api[notificationMethods[channel]] = subscriber(ipc, channel);
  }
  api[FEED_FRAME_METHOD] = frameSubscriber(ipc);
  return Object.freeze(api) as EventscopeApi;
}
