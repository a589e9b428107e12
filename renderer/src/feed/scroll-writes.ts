/**
 * Scroll positions the event lists want, written together once they all wrote their rows.
 *
 * Writing `scrollTop` makes the browser lay the page out there and then (it must know how far
 * the element can scroll). Four lists following four busy feeds each did that after writing
 * their own rows: four layouts a frame, each finding the rows the next list had just written.
 * The lists render in the same task (one store update per animation frame), so a microtask
 * queued by the first runs after the last: one layout covers them all (docs/performance.md).
 */
const pending = new Map<HTMLElement, number>();

function flush(): void {
  for (const [element, top] of pending) element.scrollTop = top;
  pending.clear();
}

/** Scrolls `element` to `top` after the current task's other DOM writes. */
export function scrollAfterWrites(element: HTMLElement, top: number): void {
  if (pending.size === 0) queueMicrotask(flush);
  pending.set(element, top);
}
