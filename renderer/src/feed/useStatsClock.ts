import { onBeforeUnmount, readonly, ref } from 'vue';
import type { Ref } from 'vue';

/**
 * Counters, the sparkline, the type chips and the "showing X of Y" line refresh at this pace,
 * not per animation frame: 4 Hz reads as live and costs a pane four renders a second.
 */
export const STATS_REFRESH_MS = 250;

const tick = ref(0);
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

/**
 * One clock for every pane instead of one timer each: with 100 feeds open, 100 timers fired at
 * 100 different moments and each woke Vue on its own (docs/performance.md, bench:e2e (f)).
 * Components that read it re-render on its beat; the pane around them does not.
 */
export function useStatsClock(): Readonly<Ref<number>> {
  users += 1;
  timer ??= setInterval(() => tick.value++, STATS_REFRESH_MS);
  onBeforeUnmount(() => {
    users -= 1;
    if (users === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  });
  return readonly(tick);
}
