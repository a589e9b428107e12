import { enqueueDialog } from './dialog-requests';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** The button that answers yes; name it after the action ("Delete"), not "OK". */
  confirmLabel: string;
  danger?: boolean;
}

/**
 * An in-app replacement for window.confirm: resolves true when the user confirms, false on
 * Cancel or Esc. Needs a DialogHost mounted once (AppShell does).
 */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  return (options) =>
    new Promise<boolean>((resolve) =>
      enqueueDialog({ type: 'confirm', danger: false, ...options, resolve }),
    );
}
