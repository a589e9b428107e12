import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventscopeApi, FeedSummary } from '../../../shared/api';
import { openFeedSummary } from '../../../tests/support/renderer/feed-summary';
import { i18n } from '../i18n';
import { useFeedsStore } from '../stores/useFeedsStore';
import SessionsPanel from './SessionsPanel.vue';

beforeEach(() => setActivePinia(createPinia()));

describe('the sessions panel', () => {
  it('lists the open feeds for export and does not re-render when one of them changes state', async () => {
    let onState: (s: FeedSummary) => void = () => {};
    const api = {
      onFeedFrame: () => () => {},
      onFeedState: (listener: (s: FeedSummary) => void) => ((onState = listener), () => {}),
    } as unknown as EventscopeApi;
    useFeedsStore().connect(api, () => {});
    for (const name of ['One', 'Two']) onState(openFeedSummary({ feedId: name, name }));
    let renders = 0;
    const wrapper = mount(SessionsPanel, {
      global: {
        plugins: [i18n],
        mixins: [
          {
            updated(this: { $options: { __name?: string } }) {
              if (this.$options.__name === 'SessionsPanel') renders++;
            },
          },
        ],
      },
    });
    await flushPromises();
    const exports = () => wrapper.findAll('li button').map((b) => b.text());
    expect(exports()).toEqual(['Export One…', 'Export Two…']);

    onState(
      openFeedSummary({
        feedId: 'Two',
        name: 'Two',
        state: { type: 'closed', at: 2, attempt: 1, reason: 'end-of-stream', message: 'ended' },
      }),
    );
    await flushPromises();
    expect(renders).toBe(0);

    onState(openFeedSummary({ feedId: 'Three', name: 'Three' }));
    await flushPromises();
    expect(exports()).toEqual(['Export One…', 'Export Two…', 'Export Three…']);
    wrapper.unmount();
  });
});
