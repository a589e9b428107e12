import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { FeedEntry } from '../../../shared/api/frames';
import type { LlmEvent } from '../../../shared/llm/types';
import { anthropicStream, splitSurrogates } from '../../../tests/support/llm/provider-streams';
import { RingBuffer } from '../feed/ring-buffer';
import { i18n } from '../i18n';
import MergedView from './MergedView.vue';

const URL_ = 'http://127.0.0.1:1/anthropic/messages';
const stream = anthropicStream({
  pieces: ['Grüße ', '日本', ...splitSurrogates('🎉')],
  reasoning: ['Think ', 'first.'],
  argumentPieces: ['{"city":', ' "Paris"}'],
  start: 1_100,
});

function window(events: readonly LlmEvent[], buffer = new RingBuffer<FeedEntry>(1000, Infinity)) {
  let seq = (buffer.last()?.seq ?? 0) + 1;
  if (seq === 1) {
    buffer.push(
      {
        seq: seq++,
        at: 1_000,
        kind: 'state',
        state: { type: 'connecting', at: 1_000, attempt: 1, url: URL_ },
      },
      1,
    );
    buffer.push(
      {
        seq: seq++,
        at: 1_050,
        kind: 'state',
        state: { type: 'open', at: 1_050, attempt: 1, url: URL_, status: 200, headers: [] },
      },
      1,
    );
  }
  for (const e of events) {
    buffer.push(
      {
        seq: seq++,
        at: e.receivedAt,
        kind: 'event',
        type: e.type,
        data: e.data,
        lastEventId: '',
        attempt: 1,
        sizeBytes: e.data.length,
      },
      1,
    );
  }
  return buffer;
}

const mountView = (entries: RingBuffer<FeedEntry>, version = 1) =>
  mount(MergedView, {
    props: { entries, version, url: URL_, name: 'Anthropic' },
    global: { plugins: [i18n] },
  });

describe('the merged view', () => {
  it('shows the assembled text, reasoning apart, the pretty tool call, usage and the status', () => {
    const wrapper = mountView(window(stream));
    const text = wrapper.text();
    expect(wrapper.get('[aria-label="Merged text"]').text()).toBe('Grüße 日本🎉');
    expect(wrapper.get('.reasoning-text').text()).toBe('Think first.');
    expect(text).toContain('Tool call lookup');
    expect(wrapper.get('.tools pre').text()).toBe('{\n  "city": "Paris"\n}');
    expect(wrapper.get('[role="status"]').text()).toBe('completed');
    expect(text).toContain('Anthropic Messages · detected from the URL');
    expect(text).toContain('input 5 · output 9 · total 14');
    expect(text).toContain('tool_use');
    expect(text).toContain('First byte50 ms');
  });

  it('updates live as deltas arrive, and says truncated when the stream ends early', async () => {
    const half = Math.floor(stream.length / 2);
    const buffer = window(stream.slice(0, half));
    const wrapper = mountView(buffer);
    expect(wrapper.get('[role="status"]').text()).toBe('streaming');
    const before = wrapper.get('[aria-label="Merged text"]').text();
    window(stream.slice(half, -2), buffer);
    buffer.push(
      {
        seq: (buffer.last()?.seq ?? 0) + 1,
        at: 9_999,
        kind: 'state',
        state: { type: 'closed', at: 9_999, attempt: 1, reason: 'end-of-stream', message: 'ended' },
      },
      1,
    );
    await wrapper.setProps({ version: 2 });
    await nextTick();
    expect(wrapper.get('[aria-label="Merged text"]').text().length).toBeGreaterThan(before.length);
    expect(wrapper.get('[role="status"]').text()).toBe('truncated');
  });

  it('flags tool arguments that are not valid JSON, and copies the merged text', async () => {
    const broken = anthropicStream({ pieces: ['Hi'], argumentPieces: ['{"city": "Par'] });
    const wrapper = mountView(window(broken));
    expect(wrapper.get('.tools pre').text()).toBe('{"city": "Par');
    expect(wrapper.text()).toContain('Invalid JSON: it breaks off at line 1, column 14');
    const copyButton = wrapper.findAll('button').find((b) => b.text() === 'Copy text');
    await copyButton?.trigger('click');
    await nextTick();
    expect(await navigator.clipboard.readText()).toBe('Hi');
    expect(wrapper.text()).toContain('Copied');
  });

  it('says where broken tool arguments stop in Chinese, without the parser English', async () => {
    const broken = anthropicStream({ pieces: ['Hi'], argumentPieces: ['{"city": "Par'] });
    i18n.global.locale.value = 'zh-CN';
    try {
      const wrapper = mountView(window(broken));
      const flag = wrapper.get('.tools .error').text();
      expect(flag).toBe('无效的 JSON：在第 1 行第 14 列中断');
    } finally {
      i18n.global.locale.value = 'en';
    }
  });

  it('words an unusable custom JSON path in Chinese, not the parser English', () => {
    i18n.global.locale.value = 'zh-CN';
    try {
      const wrapper = mount(MergedView, {
        props: {
          entries: window(stream),
          version: 1,
          url: URL_,
          name: 'Custom',
          llm: { setting: 'custom', custom: { path: 'token' } },
        },
        global: { plugins: [i18n] },
      });
      expect(wrapper.text()).toContain('JSON 路径必须以 $ 开头');
      expect(wrapper.text()).not.toContain('a JSON path starts with');
    } finally {
      i18n.global.locale.value = 'en';
    }
  });

  it('lets the user turn merging off for this view', async () => {
    const wrapper = mountView(window(stream));
    await wrapper.get('select').setValue('none');
    await nextTick();
    expect(wrapper.text()).toContain('Merging is off for this endpoint');
  });
});
