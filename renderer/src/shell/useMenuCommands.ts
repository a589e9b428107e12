import { onScopeDispose } from 'vue';
import type { EventscopeApi, MenuCommand } from '../../../shared/api';

/** What the page does for each application-menu item; items without a handler do nothing. */
export type MenuCommandHandlers = Partial<Record<MenuCommand, () => void>>;

/**
 * Dispatches the desktop app's menu (File › New Endpoint, Import…, Export…, Settings, Help ›
 * Keyboard Shortcuts, View › Theme) to the page's own actions. Call it in a component's setup:
 * the subscription ends with the component. Web mode has no menu and never sends these.
 */
export function useMenuCommands(
  api: Pick<EventscopeApi, 'onMenuCommand'>,
  handlers: MenuCommandHandlers,
): void {
  const unsubscribe = api.onMenuCommand(({ command }) => handlers[command]?.());
  onScopeDispose(unsubscribe);
}
