import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventscopeApi, FeedSummary } from '../../../shared/api';
import { controlOnScreen } from '../../../tests/support/renderer/on-screen';
import { i18n } from '../i18n';
import { useFeedsStore } from '../stores/useFeedsStore';
import FeedGrid from './FeedGrid.vue';

beforeEach(() => setActivePinia(createPinia()));

const summary = (feedId: string, at: number): FeedSummary => ({
  feedId,
  name: feedId,
  method: 'GET',
  url: `http://127.0.0.1:8844/${feedId}`,
  state: { type: 'open', at, attempt: 1, url: 'http://127.0.0.1:8844/', status: 200, headers: [] },
  openedAt: 1,
  logFile: null,
});

/** The feeds store on an API stub, holding open feeds `ids`; `onState` reports a feed's state. */
function storeWithFeeds(ids: readonly string[]) {
  let listener: (s: FeedSummary) => void = () => {};
  const api = {
    onFeedFrame: () => () => {},
    onFeedState: (next: (s: FeedSummary) => void) => ((listener = next), () => {}),
  } as unknown as EventscopeApi;
  const store = useFeedsStore();
  store.connect(api, () => {});
  const onState = (state: FeedSummary) => listener(state);
  for (const id of ids) onState(summary(id, 1));
  return { onState };
}

describe('the feed grid', () => {
  it('re-renders only the pane whose feed changed state, not every pane', async () => {
    const { onState } = storeWithFeeds(['f1', 'f2', 'f3']);
    const updated: string[] = [];
    const wrapper = mount(FeedGrid, {
      global: {
        plugins: [i18n],
        mixins: [
          {
            updated(this: { $options: { __name?: string } }) {
              if (this.$options.__name === 'FeedPanel') updated.push('pane');
            },
          },
        ],
      },
      attachTo: document.body,
    });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="feed-panel"]')).toHaveLength(3);
    updated.length = 0;
    onState({
      ...summary('f2', 2),
      state: {
        type: 'closed',
        at: 2,
        attempt: 1,
        reason: 'end-of-stream',
        message: 'the server ended the stream',
      },
    });
    await flushPromises();
    expect(updated).toEqual(['pane']);
    wrapper.unmount();
  });

  it('draws a pane as its name and state until it first comes on screen, then keeps it whole', async () => {
    const onScreen = controlOnScreen();
    try {
      storeWithFeeds(['near', 'middle', 'far']);
      const wrapper = mount(FeedGrid, { global: { plugins: [i18n] }, attachTo: document.body });
      await flushPromises();
      const pane = (name: string) => wrapper.get(`section[aria-label="${name}"]`);
      for (const name of ['near', 'middle', 'far']) {
        expect(pane(name).get('h2').text()).toBe(name);
        expect(pane(name).get('[data-testid="feed-state"]').text()).toBe('open');
        expect(pane(name).find('[role="grid"]').exists()).toBe(false);
        expect(pane(name).find('[role="toolbar"]').exists()).toBe(false);
        // Reachable by Tab: focusing it scrolls it into view.
        expect(pane(name).attributes('tabindex')).toBe('0');
      }

      onScreen.show(pane('far').element);
      await flushPromises();
      expect(pane('far').get('[role="grid"]').attributes('aria-label')).toBe('Events of far');
      expect(pane('far').find('[role="toolbar"]').exists()).toBe(true);
      expect(pane('far').attributes('tabindex')).toBe('-1');
      expect(pane('near').find('[role="grid"]').exists()).toBe(false);

      // Scrolled away again: still whole (its filter and selection live in it).
      onScreen.show(pane('far').element, false);
      await flushPromises();
      expect(pane('far').find('[role="grid"]').exists()).toBe(true);
      wrapper.unmount();
    } finally {
      onScreen.restore();
    }
  });
});
