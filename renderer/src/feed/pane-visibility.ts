/**
 * Whether a pane is on screen, from one IntersectionObserver shared by every pane. With 100
 * feeds open, one observer per pane meant 100 observers for the browser to run after each
 * layout, and 100 callbacks (docs/performance.md, "100 feeds, round 5").
 *
 * The root is the viewport: a pane scrolled out of the grid, hidden (`display: none` for a
 * background tab or another pane maximised) or in a hidden page does not intersect
 * (https://w3c.github.io/IntersectionObserver/#update-intersection-observations-algo).
 */
export type VisibilityListener = (onScreen: boolean) => void;

let shared: IntersectionObserver | null = null;
const listeners = new Map<Element, VisibilityListener>();

function observer(): IntersectionObserver {
  shared ??= new IntersectionObserver((records) => {
    // Records come in the order the changes happened: the last one for a pane wins.
    for (const record of records) listeners.get(record.target)?.(record.isIntersecting);
  });
  return shared;
}

/** Whether this page can tell; without it (no layout engine) every pane counts as on screen. */
export const canObserveVisibility = (): boolean => typeof IntersectionObserver !== 'undefined';

/**
 * Calls `listener` whenever `element` comes on or goes off screen (the first report comes after
 * the next layout). Returns the function that stops watching it.
 */
export function watchVisibility(element: Element, listener: VisibilityListener): () => void {
  if (!canObserveVisibility()) {
    listener(true);
    return () => {};
  }
  listeners.set(element, listener);
  observer().observe(element);
  return () => {
    if (listeners.get(element) !== listener) return;
    listeners.delete(element);
    shared?.unobserve(element);
    if (listeners.size === 0) {
      shared?.disconnect();
      shared = null;
    }
  };
}
