import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './api';

// The renderer's only door to the Node side (docs/architecture.md, "The API contract"): typed, one method per channel.
contextBridge.exposeInMainWorld('eventscope', buildPreloadApi(ipcRenderer));
