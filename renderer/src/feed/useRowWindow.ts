import { computed, onBeforeUnmount, onMounted, ref } from 'vue';
import type { Ref } from 'vue';

/**
 * Which rows of a fixed-row-height list are on screen. Written by hand instead of using
 * @tanstack/vue-virtual: that library rebuilds its measurement cache for every item whenever
 * the item count changes — here, every animation frame of a live feed, 50,000 items per list —
 * and four fast feeds then missed their frame budget (docs/performance.md, bench:e2e (d)).
 * With one row height the window is plain arithmetic: O(visible rows) per frame.
 */
export function useRowWindow(
  scroller: Ref<HTMLElement | null>,
  count: Ref<number>,
  rowHeightPx: number,
  overscanRows = 4,
) {
  const scrollTop = ref(0);
  let lastWrittenTop = -1;
  const viewportPx = ref(0);
  let observer: ResizeObserver | null = null;

  onMounted(() => {
    const el = scroller.value;
    if (!el) return;
    viewportPx.value = el.clientHeight;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => (viewportPx.value = el.clientHeight));
      observer.observe(el);
    }
  });
  onBeforeUnmount(() => observer?.disconnect());

  const totalHeightPx = computed(() => count.value * rowHeightPx);
  const range = computed(() => {
    const first = Math.max(0, Math.floor(scrollTop.value / rowHeightPx) - overscanRows);
    const rows = Math.ceil(viewportPx.value / rowHeightPx) + 2 * overscanRows;
    return { first, last: Math.min(count.value, first + rows) };
  });

  /** Call from the scroll event: layout is fresh then, so reading scrollTop is cheap. */
  function onScroll(): void {
    scrollTop.value = scroller.value?.scrollTop ?? 0;
  }

  /** Shows the last row: one scrollTop write, no layout read (the position is computed). */
  function scrollToEnd(): void {
    const el = scroller.value;
    if (!el) return;
    const top = Math.max(0, totalHeightPx.value - viewportPx.value);
    // Writing scrollTop forces a layout; once the ring buffer is full the end no longer moves.
    if (top === scrollTop.value && top === lastWrittenTop) return;
    el.scrollTop = top;
    scrollTop.value = top;
    lastWrittenTop = top;
  }

  return { range, totalHeightPx, onScroll, scrollToEnd };
}
