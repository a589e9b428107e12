/**
 * happy-dom lays nothing out: every element is 0 px tall and its ResizeObserver never reports.
 * The event list reads its viewport from a ResizeObserver, so tests that need rows on screen
 * give its scroller a size and an observer that reports at once.
 */
class ReportingResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(): void {
    this.callback([], this as unknown as ResizeObserver);
  }
  unobserve(): void {}
  disconnect(): void {}
}

/** Scrollers (the list's `.scroller`) measure `heightPx` × `widthPx`; returns the undo. */
export function giveListsAViewport(heightPx = 240, widthPx = 800): () => void {
  const saved = {
    observer: globalThis.ResizeObserver,
    height: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    width: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  const sized = (el: HTMLElement, px: number, fallback?: PropertyDescriptor): number =>
    el.classList.contains('scroller') ? px : ((fallback?.get?.call(el) as number | undefined) ?? 0);
  globalThis.ResizeObserver = ReportingResizeObserver as unknown as typeof ResizeObserver;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, heightPx, saved.height);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, widthPx, saved.width);
    },
  });
  return () => {
    globalThis.ResizeObserver = saved.observer;
    if (saved.height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved.height);
    if (saved.width) Object.defineProperty(HTMLElement.prototype, 'clientWidth', saved.width);
  };
}
