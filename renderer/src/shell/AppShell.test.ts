import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, EventscopeApi, Notice } from '../../../shared/api';
import { ok } from '../../../shared/result';
import type { UserSettings } from '../../../shared/api';
import { defaultRetryPolicy } from '../../../shared/model/retry-policy';
import { i18n } from '../i18n';
import type { ApiConnection } from '../api';
import { useAppStore } from '../stores/useAppStore';
import AppShell from './AppShell.vue';

const INFO: AppInfo = {
  name: 'Eventscope',
  version: '1.2.3',
  platform: 'linux',
  dataDir: '/home/ada/.config/Eventscope',
  face: 'web',
  versions: { node: '20.0.0', electron: null },
};

const SETTINGS: UserSettings = {
  theme: 'dark',
  language: 'zh-CN',
  logRetentionBytes: 64 * 1024 * 1024,
  defaultRetry: defaultRetryPolicy('GET'),
  quickOpenHistory: [],
};

/** An in-memory API connection whose link state and notices the test drives. */
function testConnection(
  startupNotices: Notice[] = [],
  settings: UserSettings = { ...SETTINGS, theme: 'system', language: 'en' },
) {
  let statusListener: ((s: 'connecting' | 'open' | 'closed') => void) | null = null;
  let noticeListener: ((n: Notice) => void) | null = null;
  const api = {
    getAppInfo: async () => ok(INFO),
    getSettings: async () => ok(settings),
    ping: async ({ message }: { message: string }) => ok({ message, receivedAt: '' }),
    onNotice: (listener: (n: Notice) => void) => ((noticeListener = listener), () => {}),
    takeNotices: async () => ok(startupNotices.splice(0)),
    onFeedFrame: () => () => {},
  } as unknown as EventscopeApi;
  const connection: ApiConnection = {
    api,
    face: 'web',
    onStatus: (listener) => ((statusListener = listener), () => {}),
  };
  return {
    connection,
    setStatus: (s: 'connecting' | 'open' | 'closed') => statusListener?.(s),
    notice: (n: Notice) => noticeListener?.(n),
  };
}

beforeEach(() => setActivePinia(createPinia()));

describe('the app shell', () => {
  it('shows the version, face and data directory once the link opens', async () => {
    const test = testConnection();
    await useAppStore().start(test.connection);
    const wrapper = mount(AppShell, { global: { plugins: [i18n] } });
    expect(wrapper.get('[data-testid="link-state"]').text()).toBe('connecting…');
    test.setStatus('open');
    await flushPromises();
    expect(wrapper.get('[data-testid="link-state"]').text()).toBe('connected');
    expect(wrapper.get('[data-testid="app-version"]').text()).toBe('Eventscope 1.2.3');
    expect(wrapper.text()).toContain('web mode · linux');
    expect(wrapper.get('[data-testid="data-dir"]').attributes('title')).toBe(INFO.dataDir);
  });

  it('says when the link to the Node side is lost', async () => {
    const test = testConnection();
    await useAppStore().start(test.connection);
    const wrapper = mount(AppShell, { global: { plugins: [i18n] } });
    test.setStatus('closed');
    await flushPromises();
    expect(wrapper.get('[data-testid="link-state"]').text()).toBe('disconnected — retrying');
  });

  it('lists notices from the Node side, keeping the newest five', async () => {
    const test = testConnection();
    await useAppStore().start(test.connection);
    const wrapper = mount(AppShell, { global: { plugins: [i18n] } });
    for (let i = 1; i <= 7; i++) test.notice({ level: 'info', message: `notice ${i}`, at: i });
    await flushPromises();
    const items = wrapper.findAll('.notices li').map((li) => li.text());
    expect(items).toEqual(['notice 3', 'notice 4', 'notice 5', 'notice 6', 'notice 7']);
  });

  it('shows the notices start-up found, pulled once the page listens', async () => {
    const found: Notice = { level: 'warning', message: 'Restored “Work” from a backup', at: 1 };
    const test = testConnection([found]);
    await useAppStore().start(test.connection);
    const wrapper = mount(AppShell, { global: { plugins: [i18n] } });
    await flushPromises();
    expect(wrapper.findAll('.notices li').map((li) => li.text())).toEqual([found.message]);
  });

  it('applies the saved theme and language once the link opens', async () => {
    const test = testConnection([], SETTINGS);
    await useAppStore().start(test.connection);
    const wrapper = mount(AppShell, { global: { plugins: [i18n] } });
    test.setStatus('open');
    await flushPromises();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(wrapper.get('[data-testid="link-state"]').text()).toBe('已连接');
    expect(wrapper.find('button[aria-label="设置"]').exists()).toBe(true);
    i18n.global.locale.value = 'en';
    delete document.documentElement.dataset.theme;
  });
});
