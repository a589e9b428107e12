import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import type { MenuCommandInvoked } from '../../../shared/api';
import { useMenuCommands } from './useMenuCommands';

function menuApi() {
  const listeners = new Set<(payload: MenuCommandInvoked) => void>();
  return {
    onMenuCommand(listener: (payload: MenuCommandInvoked) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    choose: (payload: MenuCommandInvoked) => listeners.forEach((listener) => listener(payload)),
    listening: () => listeners.size,
  };
}

describe('menu commands in the page', () => {
  it('runs the handler of the chosen menu item and ignores items it has no handler for', () => {
    const api = menuApi();
    const settings = vi.fn();
    const scope = effectScope();
    scope.run(() => useMenuCommands(api, { settings }));
    api.choose({ command: 'settings' });
    api.choose({ command: 'export' });
    expect(settings).toHaveBeenCalledTimes(1);
    scope.stop();
  });

  it('stops listening when the component that asked goes away', () => {
    const api = menuApi();
    const scope = effectScope();
    scope.run(() => useMenuCommands(api, {}));
    expect(api.listening()).toBe(1);
    scope.stop();
    expect(api.listening()).toBe(0);
  });
});
