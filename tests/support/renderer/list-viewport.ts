/**
 * happy-dom lays nothing out: every element is 0 px tall and its ResizeObserver never reports.
 * The event list reads its viewport from a ResizeObserver, so tests that need rows on screen
 * give its scroller a size and an observer that reports at once.
 *
 * Written without DOM type names: tests/support is also compiled for Node (tsconfig.node.json).
 */
interface Sized {
  classList: { contains(name: string): boolean };
}
interface DomGlobals {
  ResizeObserver: unknown;
  HTMLElement: { prototype: object };
}

class ReportingResizeObserver {
  constructor(private readonly callback: (entries: unknown[], observer: unknown) => void) {}
  observe(): void {
    this.callback([], this);
  }
  unobserve(): void {}
  disconnect(): void {}
}

/**
 * Scrollers (the list's `.scroller`) measure `heightPx` × `widthPx`, and the data column's
 * header (`.col-data`) `dataColumnPx` wide when given; returns the undo.
 */
export function giveListsAViewport(
  heightPx = 240,
  widthPx = 800,
  dataColumnPx?: number,
): () => void {
  const dom = globalThis as unknown as DomGlobals;
  const prototype = dom.HTMLElement.prototype;
  const saved = {
    observer: dom.ResizeObserver,
    height: Object.getOwnPropertyDescriptor(prototype, 'clientHeight'),
    width: Object.getOwnPropertyDescriptor(prototype, 'clientWidth'),
  };
  const sized = (el: Sized, px: number, fallback?: PropertyDescriptor): number =>
    el.classList.contains('scroller') ? px : ((fallback?.get?.call(el) as number | undefined) ?? 0);
  dom.ResizeObserver = ReportingResizeObserver;
  Object.defineProperty(prototype, 'clientHeight', {
    configurable: true,
    get(this: Sized) {
      return sized(this, heightPx, saved.height);
    },
  });
  Object.defineProperty(prototype, 'clientWidth', {
    configurable: true,
    get(this: Sized) {
      if (dataColumnPx !== undefined && this.classList.contains('col-data')) return dataColumnPx;
      return sized(this, widthPx, saved.width);
    },
  });
  return () => {
    dom.ResizeObserver = saved.observer;
    if (saved.height) Object.defineProperty(prototype, 'clientHeight', saved.height);
    if (saved.width) Object.defineProperty(prototype, 'clientWidth', saved.width);
  };
}
