/// <reference types="vite/client" />
import type { EventscopeApi } from '../../shared/api';

declare global {
  interface Window {
    /** Set by the preload in Electron, by api.ts in a browser (web mode). */
    eventscope?: EventscopeApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
