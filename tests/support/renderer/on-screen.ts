/**
 * happy-dom lays nothing out, and its IntersectionObserver never reports. Tests of what a pane
 * does when it comes on screen install this one instead and say themselves which elements are
 * on screen, as the browser would after a layout.
 *
 * Written without DOM type names: tests/support is also compiled for Node (tsconfig.node.json).
 */
interface Record {
  target: unknown;
  isIntersecting: boolean;
}
type Callback = (records: Record[], observer: unknown) => void;

const observers = new Set<ReportedIntersectionObserver>();

class ReportedIntersectionObserver {
  readonly observed = new Set<unknown>();
  constructor(private readonly callback: Callback) {
    observers.add(this);
  }
  observe(target: unknown): void {
    this.observed.add(target);
  }
  unobserve(target: unknown): void {
    this.observed.delete(target);
  }
  disconnect(): void {
    this.observed.clear();
    observers.delete(this);
  }
  takeRecords(): Record[] {
    return [];
  }
  report(target: unknown, isIntersecting: boolean): void {
    if (this.observed.has(target)) this.callback([{ target, isIntersecting }], this);
  }
}

export interface OnScreenControl {
  /** Reports `element` on or off screen to every observer watching it. */
  show(element: unknown, onScreen?: boolean): void;
  /** Puts the environment's own observer back. */
  restore(): void;
}

export function controlOnScreen(): OnScreenControl {
  const dom = globalThis as unknown as { IntersectionObserver: unknown };
  const saved = dom.IntersectionObserver;
  dom.IntersectionObserver = ReportedIntersectionObserver;
  return {
    show(element, onScreen = true) {
      for (const observer of [...observers]) observer.report(element, onScreen);
    },
    restore() {
      dom.IntersectionObserver = saved;
      observers.clear();
    },
  };
}
