import { inject } from 'vue';
import type { InjectionKey } from 'vue';
import type { EventscopeApi } from '../../../shared/api';

/**
 * The API for the sessions and export components, provided by main.ts. Injected rather than
 * imported so that mounting them (tests, other shells) never opens a connection of its own.
 */
export const EVENTSCOPE_API: InjectionKey<EventscopeApi> = Symbol('eventscope-api');

export function useApi(): EventscopeApi | null {
  return inject(EVENTSCOPE_API, null);
}
