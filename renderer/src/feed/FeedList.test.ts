import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import type { FeedEntry, FeedEventEntry } from '../../../shared/api/frames';
import { parseFilter } from '../../../shared/filter';
import { createFeedView } from './feed-view';
import { RingBuffer } from './ring-buffer';
import { i18n } from '../i18n';
import FeedList from './FeedList.vue';
import { giveListsAViewport } from '../../../tests/support/renderer/list-viewport';

// Ten rows tall: every test's rows fit on screen.
let undoViewport: () => void = () => {};
beforeEach(() => {
  undoViewport = giveListsAViewport(240);
});
afterEach(() => undoViewport());

const entry = (seq: number, type = 'message'): FeedEventEntry => ({
  seq,
  at: 1_700_000_000_000 + seq,
  kind: 'event',
  type,
  data: `event ${seq}`,
  lastEventId: String(seq),
  attempt: 1,
  sizeBytes: 7,
});

function setup(n: number, filterText = '', capacity = 1000) {
  const buffer = new RingBuffer<FeedEntry>(capacity, Infinity);
  for (let seq = 1; seq <= n; seq++) buffer.push(entry(seq, seq % 2 ? 'odd' : 'even'), 1);
  const view = createFeedView(buffer);
  const parsed = parseFilter(filterText);
  const filter = parsed.ok && !parsed.filter.isEmpty ? parsed.filter : null;
  view.setFilter(filter, new Set());
  const tick = ref(0);
  const wrapper = mount(FeedList, {
    props: {
      view,
      ticks: () => tick.value,
      redraw: 0,
      label: 'Clock',
      openedAt: 1_700_000_000_000,
      timeMode: 'absolute' as const,
      wrap: false,
      filter,
      selectedSeq: null,
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  return { buffer, view, tick, wrapper };
}

/** Event 2 with 4 KiB of one character as its data. */
const longEvent = (char: string): FeedEntry => ({
  ...entry(2),
  data: char.repeat(4096),
  sizeBytes: 4096,
});

const rowShowing = (el: Element, text: string) =>
  [...el.querySelectorAll<HTMLElement>('[role="row"].row')].find(
    (row) => !row.hidden && row.querySelector('.data')?.textContent === text,
  );

/** The rows on screen in the order they show (row elements are reused out of order). */
const rowTexts = (el: Element) =>
  [...el.querySelectorAll<HTMLElement>('[role="row"].row')]
    .filter((row) => !row.hidden)
    .sort(
      (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
    )
    .map((row) => row.textContent ?? '');

describe('the event list', () => {
  it('is a grid named after the feed whose rows carry the type and the data preview', async () => {
    const { wrapper } = setup(3);
    await nextTick();
    const grid = wrapper.get('[role="grid"]');
    expect(grid.attributes('aria-label')).toBe('Events of Clock');
    expect(grid.attributes('aria-rowcount')).toBe('4');
    const rows = rowTexts(wrapper.element);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('odd');
    expect(rows[0]).toContain('event 1');
    wrapper.unmount();
  });

  it('writes new rows when the feed ticks, without re-rendering through Vue', async () => {
    const { wrapper, buffer, tick } = setup(2);
    await nextTick();
    buffer.push(entry(3), 1);
    tick.value++;
    await nextTick();
    expect(rowTexts(wrapper.element).at(-1)).toContain('event 3');
    wrapper.unmount();
  });

  it('marks what the filter matched inside the data', async () => {
    const { wrapper } = setup(12, '"event 1"');
    await nextTick();
    const marks = [...wrapper.element.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['event 1']));
    wrapper.unmount();
  });

  it('moves the selection with the arrow keys and opens it with Enter', async () => {
    const { wrapper } = setup(5);
    await nextTick();
    const grid = wrapper.get('[role="grid"]');
    await grid.trigger('keydown', { key: 'Home' });
    expect(wrapper.emitted('select')?.at(-1)?.[0]).toMatchObject({ seq: 1 });
    await wrapper.setProps({ selectedSeq: 1 });
    await grid.trigger('keydown', { key: 'ArrowDown' });
    expect(wrapper.emitted('select')?.at(-1)?.[0]).toMatchObject({ seq: 2 });
    await wrapper.setProps({ selectedSeq: 2 });
    await grid.trigger('keydown', { key: 'End' });
    expect(wrapper.emitted('select')?.at(-1)?.[0]).toMatchObject({ seq: 5 });
    await grid.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('open')?.at(-1)?.[0]).toMatchObject({ seq: 2 });
    wrapper.unmount();
  });

  it('draws nothing while its pane is off screen and catches up when it shows again', async () => {
    const { wrapper, buffer, tick } = setup(2);
    await nextTick();
    await wrapper.setProps({ active: false });
    buffer.push(entry(3), 1);
    tick.value++;
    await nextTick();
    expect(rowTexts(wrapper.element).join()).not.toContain('event 3');
    await wrapper.setProps({ active: true });
    await nextTick();
    expect(rowTexts(wrapper.element).at(-1)).toContain('event 3');
    wrapper.unmount();
  });

  it('leaves the rows already shown as they are when newer entries arrive', async () => {
    // Twenty rows in a list ten rows tall: each new one scrolls the others up.
    const { wrapper, buffer, tick } = setup(20);
    await nextTick();
    const row = rowShowing(wrapper.element, 'event 15')!;
    const text = row.querySelector('.data')!.firstChild;
    buffer.push(entry(21), 1);
    tick.value++;
    await nextTick();
    expect(rowTexts(wrapper.element).at(-1)).toContain('event 21');
    // The same element, its text not rewritten: only the new row was written.
    expect(rowShowing(wrapper.element, 'event 15')).toBe(row);
    expect(row.querySelector('.data')!.firstChild).toBe(text);
    wrapper.unmount();
  });

  it('opens the entry a clicked row showed, even after newer entries pushed it out of the view', async () => {
    const { wrapper, buffer } = setup(4, '', 4);
    await nextTick();
    const row = rowShowing(wrapper.element, 'event 2')!;
    // A fast feed: four more entries arrive (evicting the shown ones) before the next frame.
    for (let seq = 5; seq <= 8; seq++) buffer.push(entry(seq), 1);
    row.click();
    expect(wrapper.emitted('open')?.at(-1)?.[0]).toMatchObject({ seq: 2 });
    expect(wrapper.emitted('select')?.at(-1)?.[0]).toMatchObject({ seq: 2 });
    wrapper.unmount();
  });

  it('opens the entry a clicked row showed while a filter is set and the buffer moves on', async () => {
    const { wrapper, buffer } = setup(8, 'event', 8);
    await nextTick();
    const row = rowShowing(wrapper.element, 'event 6')!;
    for (let seq = 9; seq <= 16; seq++) buffer.push(entry(seq), 1);
    row.click();
    expect(wrapper.emitted('open')?.at(-1)?.[0]).toMatchObject({ seq: 6 });
    wrapper.unmount();
  });

  it("draws a slow feed's new row in the frame it arrives and a fast feed's rows in its turns", async () => {
    // Nineteen row slots (ten on screen and overscan); frames told apart by the timeline's time.
    let time = 1_000;
    vi.spyOn(document.timeline, 'currentTime', 'get').mockImplementation(() => time);
    const { wrapper, buffer, tick } = setup(40);
    await nextTick();
    let seq = 40;
    for (let frame = 0; frame < 4; frame++) {
      time += 16.7;
      buffer.push(entry(++seq), 1);
      tick.value++;
      await nextTick();
      expect(rowTexts(wrapper.element).at(-1)).toContain(`event ${seq}`);
    }
    // Ten new rows a frame (more than a quarter of the slots): drawn in one frame of four.
    let drawn = 0;
    for (let frame = 0; frame < 4; frame++) {
      time += 16.7;
      for (let i = 0; i < 10; i++) buffer.push(entry(++seq), 1);
      tick.value++;
      await nextTick();
      if (rowTexts(wrapper.element).at(-1)?.includes(`event ${seq}`)) drawn++;
    }
    expect(drawn).toBe(1);
    wrapper.unmount();
    vi.restoreAllMocks();
  });

  it('keeps its scroll height while new rows fit in the slack below the last one', async () => {
    // 40 rows: the spacer holds 45 (an eighth more) and is not resized for the next five.
    const { wrapper, buffer, tick } = setup(40);
    await nextTick();
    const spacer = wrapper.get('.spacer').element as HTMLElement;
    expect(spacer.style.height).toBe(`${45 * 24}px`);
    for (let seq = 41; seq <= 45; seq++) {
      buffer.push(entry(seq), 1);
      tick.value++;
      await nextTick();
      expect(spacer.style.height).toBe(`${45 * 24}px`);
    }
    expect(rowTexts(wrapper.element).at(-1)).toContain('event 45');
    buffer.push(entry(46), 1);
    tick.value++;
    await nextTick();
    expect(spacer.style.height).toBe(`${(46 + 5) * 24}px`);
    wrapper.unmount();
  });

  it('never scrolls past its last row into the slack, and follows the feed from there', async () => {
    const { wrapper, buffer, tick } = setup(40);
    await nextTick();
    const scroller = wrapper.get('.scroller').element as HTMLElement;
    // Ten rows tall (240 px): the last row's bottom is at 40 × 24 px.
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await nextTick();
    expect(wrapper.find('button.latest').exists()).toBe(true);
    scroller.scrollTop = 45 * 24 - 240;
    scroller.dispatchEvent(new Event('scroll'));
    await nextTick();
    expect(scroller.scrollTop).toBe(40 * 24 - 240);
    expect(wrapper.find('button.latest').exists()).toBe(false);
    buffer.push(entry(41), 1);
    tick.value++;
    await nextTick();
    await Promise.resolve();
    expect(scroller.scrollTop).toBe(41 * 24 - 240);
    wrapper.unmount();
  });

  it('cuts a long preview to what its data column can show', async () => {
    undoViewport();
    undoViewport = giveListsAViewport(240, 1600, 800);
    const { wrapper, buffer, tick } = setup(1);
    await nextTick();
    buffer.push(longEvent('x'), 1);
    tick.value++;
    await nextTick();
    const data = rowShowing(wrapper.element, 'x'.repeat(160));
    // 800 px at no fewer than 5 px a glyph: 160 characters, not the 4,096 nor the row's 320.
    expect(data).toBeDefined();
    wrapper.unmount();
  });

  it('keeps at least a line of the preview in a narrow column, for screen readers', async () => {
    undoViewport();
    undoViewport = giveListsAViewport(240, 400, 100);
    const { wrapper, buffer, tick } = setup(1);
    await nextTick();
    buffer.push(longEvent('y'), 1);
    tick.value++;
    await nextTick();
    expect(rowShowing(wrapper.element, 'y'.repeat(120))).toBeDefined();
    wrapper.unmount();
  });

  it('moves its window, not its rows, when every row it draws is new', async () => {
    const { wrapper, buffer } = setup(40);
    await nextTick();
    const windowEl = wrapper.get('.window').element as HTMLElement;
    const rowElements = () => [
      ...(wrapper.element as Element).querySelectorAll<HTMLElement>('.row'),
    ];
    // Two screens of new rows at once, drawn at once (a redraw does not wait for a turn).
    for (let seq = 41; seq <= 80; seq++) buffer.push(entry(seq), 1);
    await wrapper.setProps({ redraw: 1 });
    expect(rowTexts(wrapper.element).at(-1)).toContain('event 80');
    const tops = rowElements().map((row) => row.style.top);
    const shift = windowEl.style.transform;
    for (let seq = 81; seq <= 120; seq++) buffer.push(entry(seq), 1);
    await wrapper.setProps({ redraw: 2 });
    expect(rowTexts(wrapper.element).at(-1)).toContain('event 120');
    expect(rowElements().map((row) => row.style.top)).toEqual(tops);
    expect(windowEl.style.transform).not.toBe(shift);
    wrapper.unmount();
  });

  it('puts its row elements back in the order they show once the feed is still, for screen readers', async () => {
    const { wrapper, buffer, tick } = setup(20);
    await nextTick();
    for (let seq = 21; seq <= 27; seq++) {
      buffer.push(entry(seq), 1);
      tick.value++;
      await nextTick();
    }
    await new Promise((resolve) => setTimeout(() => resolve(undefined), 400));
    const shown = [...(wrapper.element as Element).querySelectorAll<HTMLElement>('.row')]
      .filter((row) => !row.hidden)
      .map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(shown.at(-1)).toBe(28);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    wrapper.unmount();
  });
});
