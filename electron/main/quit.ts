/** How long quitting may take to close feeds and flush logs before the process goes anyway. */
export const QUIT_LIMIT_MS = 5_000;

export type Settled = 'done' | 'failed' | 'timed-out';

/** Waits for `work` but never longer than `limitMs`; never rejects. */
export function settleWithin(work: Promise<unknown>, limitMs: number): Promise<Settled> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timed-out'), limitMs);
    work.then(
      () => {
        clearTimeout(timer);
        resolve('done');
      },
      () => {
        clearTimeout(timer);
        resolve('failed');
      },
    );
  });
}

interface PreventableEvent {
  preventDefault(): void;
}

export interface QuitDeps {
  app: {
    on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
    exit(code?: number): void;
  };
  /** Closes every connection and flushes every log. */
  dispose(): Promise<unknown>;
  limitMs?: number;
  report?(outcome: Settled): void;
}

export interface QuitSequence {
  /** Starts closing (once) and exits when closed or when the limit is reached. */
  quitNow(): Promise<void>;
}

/**
 * Quitting closes the core first, within a limit: a log stuck on a slow disk must not keep a
 * quitting app alive forever. `app.exit` (not `quit`) ends it, because `before-quit` has already
 * run and windows have nothing left to save.
 */
export function installQuitSequence(deps: QuitDeps): QuitSequence {
  let closing: Promise<void> | null = null;
  const quitNow = () => {
    closing ??= settleWithin(deps.dispose(), deps.limitMs ?? QUIT_LIMIT_MS).then((outcome) => {
      deps.report?.(outcome);
      deps.app.exit(outcome === 'done' ? 0 : 1);
    });
    return closing;
  };
  deps.app.on('before-quit', (event) => {
    event.preventDefault();
    void quitNow();
  });
  return { quitNow };
}
