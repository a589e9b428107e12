import { computed, ref } from 'vue';

export type ColumnId = 'time' | 'type' | 'id' | 'size' | 'data';
type SizedColumn = Exclude<ColumnId, 'data'>;

const STORAGE_KEY = 'eventscope.feed.columns';
const DEFAULT_WIDTHS_PX: Record<SizedColumn, number> = { time: 96, type: 96, id: 56, size: 64 };
const MIN_WIDTH_PX = 28;
const MAX_WIDTH_PX = 480;

function load(): Record<SizedColumn, number> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (saved && typeof saved === 'object') {
      const widths = { ...DEFAULT_WIDTHS_PX };
      for (const key of Object.keys(widths) as SizedColumn[]) {
        const value = (saved as Record<string, unknown>)[key];
        if (typeof value === 'number' && value >= MIN_WIDTH_PX && value <= MAX_WIDTH_PX) {
          widths[key] = value;
        }
      }
      return widths;
    }
  } catch {
    // unreadable or unavailable storage: the defaults
  }
  return { ...DEFAULT_WIDTHS_PX };
}

/** Widths shared by every pane (one setting, remembered), the data column taking the rest. */
const widths = ref<Record<SizedColumn, number>>(load());

/** Column widths of the event lists, resizable by dragging a header's edge. */
export function useColumnWidths() {
  const template = computed(
    () =>
      `${widths.value.time}px ${widths.value.type}px ${widths.value.id}px ${widths.value.size}px minmax(80px, 1fr)`,
  );

  function startResize(column: ColumnId, event: PointerEvent): void {
    if (column === 'data') return;
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = widths.value[column];
    const move = (e: PointerEvent) => {
      const width = Math.max(MIN_WIDTH_PX, Math.min(MAX_WIDTH_PX, startWidth + e.clientX - startX));
      widths.value = { ...widths.value, [column]: Math.round(width) };
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(widths.value));
      } catch {
        // not remembered, still applied
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  return { widths, template, startResize };
}
