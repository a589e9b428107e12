import { enqueueDialog } from './dialog-requests';

export interface PromptOptions {
  title: string;
  /** The text box's accessible name. */
  label: string;
  initial?: string;
  confirmLabel: string;
}

/**
 * An in-app replacement for window.prompt (which Electron does not implement): resolves the
 * trimmed text, or null on Cancel, Esc or an empty answer.
 */
export function usePrompt(): (options: PromptOptions) => Promise<string | null> {
  return (options) =>
    new Promise<string | null>((resolve) =>
      enqueueDialog({ type: 'prompt', initial: '', ...options, resolve }),
    );
}
