import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { FeedEntry } from '../../../shared/api/frames';
import { RingBuffer } from '../feeds/ring-buffer';
import FeedList from './FeedList.vue';

const entry = (seq: number): FeedEntry => ({
  seq,
  at: seq,
  kind: 'event',
  type: 'message',
  data: `event ${seq}`,
  lastEventId: '',
  attempt: 1,
  sizeBytes: 7,
});

function filled(n: number, buffer = new RingBuffer<FeedEntry>(1000, Infinity)) {
  const start = (buffer.last()?.seq ?? 0) + 1;
  for (let seq = start; seq < start + n; seq++) buffer.push(entry(seq), 1);
  return buffer;
}

describe('the feed list', () => {
  it('follows new entries by pinning its scroll position to the bottom', async () => {
    const buffer = filled(100);
    const wrapper = mount(FeedList, { props: { buffer, version: 1 } });
    const scroller = wrapper.get('[data-testid="feed-list"]').element as HTMLElement;
    filled(50, buffer);
    await wrapper.setProps({ version: 2 });
    await nextTick();
    expect(scroller.scrollTop).toBe(150 * 24);
  });

  it('stops following when the user scrolls up, and says how to get back', async () => {
    const buffer = filled(100);
    const wrapper = mount(FeedList, { props: { buffer, version: 1 } });
    const list = wrapper.get('[data-testid="feed-list"]');
    await list.trigger('wheel', { deltaY: -120 });
    const scroller = list.element as HTMLElement;
    scroller.scrollTop = 240;
    filled(50, buffer);
    await wrapper.setProps({ version: 2 });
    await nextTick();
    expect(scroller.scrollTop).toBe(240);
    const latest = wrapper.get('button.latest');
    await latest.trigger('click');
    expect(scroller.scrollTop).toBe(150 * 24);
    expect(wrapper.find('button.latest').exists()).toBe(false);
  });
});

describe('the feed list window', () => {
  it('renders only the rows around the view, however long the feed, the newest when following', async () => {
    const buffer = new RingBuffer<FeedEntry>(50_000, Infinity);
    filled(20_000, buffer);
    const wrapper = mount(FeedList, { props: { buffer, version: 1 } });
    await wrapper.setProps({ version: 2 });
    await nextTick();
    const seqs = wrapper.findAll('.row').map((row) => Number(row.attributes('data-seq')));
    expect(seqs.length).toBeLessThan(60);
    expect(seqs).toContain(20_000);
  });

  it('shows the rows at the scroll position when the user scrolls back', async () => {
    const buffer = new RingBuffer<FeedEntry>(50_000, Infinity);
    filled(20_000, buffer);
    const wrapper = mount(FeedList, { props: { buffer, version: 1 } });
    const list = wrapper.get('[data-testid="feed-list"]');
    await list.trigger('wheel', { deltaY: -120 });
    (list.element as HTMLElement).scrollTop = 1000 * 24;
    await list.trigger('scroll');
    const seqs = wrapper.findAll('.row').map((row) => Number(row.attributes('data-seq')));
    expect(seqs).toContain(1001);
    expect(seqs).not.toContain(20_000);
  });
});
