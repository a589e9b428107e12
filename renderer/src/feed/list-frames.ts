/**
 * What the event lists of a page coordinate per animation frame (docs/performance.md, "The
 * list writes only new rows").
 */

/**
 * Scroll positions the lists want, written together once they all wrote their rows.
 *
 * Writing `scrollTop` makes the browser lay the page out there and then (it must know how far
 * the element can scroll). Four lists following four busy feeds each did that after writing
 * their own rows: four layouts a frame, each finding the rows the next list had just written.
 * The lists render in the same task (one store update per animation frame), so a microtask
 * queued by the first runs after the last: one layout covers them all.
 */
const pendingScrolls = new Map<HTMLElement, number>();

function flushScrolls(): void {
  for (const [element, top] of pendingScrolls) element.scrollTop = top;
  pendingScrolls.clear();
}

/** Scrolls `element` to `top` after the current task's other DOM writes. */
export function scrollAfterWrites(element: HTMLElement, top: number): void {
  if (pendingScrolls.size === 0) queueMicrotask(flushScrolls);
  pendingScrolls.set(element, top);
}

/**
 * A list following a feed faster than its rows (every row on screen new in every frame) is
 * text nobody can read at 60 frames a second, and redrawing all of it is most of a frame's
 * time (bench:e2e (d): four such lists took ~6 ms of layout and as much paint per frame on our
 * machines). Such lists redraw in turns: a list in one frame of every LIST_TURN_FRAMES, lists
 * of consecutive panes in consecutive frames, so four busy panes cost one list's redraw a frame
 * (each still 15 times a second). A list that is not replacing every row, or that the user
 * scrolls, filters or resizes, draws at once.
 */
export const LIST_TURN_FRAMES = 4;

let phases = 0;
let seenTime: number | null = null;
let frames = 0;

/** The turn of a new list: 0, 1, 2, 3, 0… in the order the panes open. */
export function nextPhase(): number {
  return phases++ % LIST_TURN_FRAMES;
}

/** Counts animation frames as the lists see them: one document timeline time per frame. */
function frameNumber(): number | null {
  const time = typeof document === 'undefined' ? null : document.timeline?.currentTime;
  if (typeof time !== 'number') return null;
  if (time !== seenTime) {
    seenTime = time;
    frames++;
  }
  return frames;
}

/**
 * Whether a following list's new rows move its text faster than anyone reads: a quarter of its
 * rows or more new in one frame, the whole screen replaced within LIST_TURN_FRAMES frames.
 * Such a list also takes turns — at 1,000 events/s a list that drew 16 new rows in every frame
 * (bench:e2e (c)) laid out, painted and layerized its window 60 times a second for text that
 * moved 23,000 px/s.
 */
export function outpacesReading(newRows: number, rowsShown: number): boolean {
  return rowsShown > 0 && newRows * LIST_TURN_FRAMES >= rowsShown;
}

/** Whether a list of this turn may replace all its rows in the current frame. */
export function mayReplaceAllRows(phase: number): boolean {
  const frame = frameNumber();
  return frame === null || frame % LIST_TURN_FRAMES === phase;
}

/**
 * The spacer that gives a list its scroll height grows by more than one frame's rows: changing
 * a scroller's height makes the browser rebuild its compositing layers and repaint (bench:e2e
 * (c) with a filter, 200 new matches a second: a Chromium trace showed 62 ms a second in
 * `PaintArtifactCompositor::Update` with the height written every frame, 5 ms with it fixed).
 * The rows past the last entry are never shown: the list keeps its scroll position above them.
 */
export const SPACER_SLACK_MAX_ROWS = 512;
/** Slack in eighths of the rows: the scrollbar's thumb stays within an eighth of the end. */
const SPACER_SLACK_SHARE = 8;

/** Rows the spacer holds for `length` rows, keeping `current` while it still fits. */
export function spacerRows(length: number, current: number): number {
  const slack = Math.min(SPACER_SLACK_MAX_ROWS, Math.floor(length / SPACER_SLACK_SHARE));
  return current >= length && current <= length + slack ? current : length + slack;
}
