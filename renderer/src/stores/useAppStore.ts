import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, Notice, RevealOutcome, UserSettings } from '../../../shared/api';
import type { ApiConnection } from '../api';
import { applyLanguage, applyTheme } from '../settings/apply-look';
import { describeError, translatedError } from '../shell/node-messages';

/** Notices kept on screen; older ones scroll away (they are also in the console). */
const MAX_NOTICES = 5;

/** App-wide facts: who serves us, the link state, and notices from the Node side. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const { failure, text: error } = translatedError();
  const link = ref<'connecting' | 'open' | 'closed'>('connecting');
  const notices = ref<Notice[]>([]);
  /** The user's settings (settings.json); null until the Node side answered. */
  const settings = ref<UserSettings | null>(null);
  let linked: ApiConnection | null = null;

  let disconnectLink: () => void = () => {};

  /**
   * Listens to the link state and the Node side's notices. Resolves, once the start-up notices
   * are in, to the disposer that stops listening (the app calls it on unmount); the
   * subscriptions are made before the first await, and starting again disposes them first.
   */
  async function start(connection: ApiConnection): Promise<() => void> {
    disconnectLink();
    linked = connection;
    const offStatus = connection.onStatus((status) => {
      link.value = status;
      if (status === 'open' && !info.value) void loadInfo(connection);
      if (status === 'open' && !settings.value) void loadSettings(connection);
    });
    const offNotice = connection.api.onNotice((notice) => {
      notices.value = [...notices.value, notice].slice(-MAX_NOTICES);
    });
    const dispose = (): void => {
      offStatus();
      offNotice();
      if (disconnectLink === dispose) disconnectLink = () => {};
    };
    disconnectLink = dispose;
    // Start-up notices are pulled once the page listens, so none are lost while it loads.
    const startup = await connection.api.takeNotices();
    if (startup.ok && startup.value.length > 0) {
      notices.value = [...notices.value, ...startup.value].slice(-MAX_NOTICES);
    }
    return dispose;
  }

  /** Stops listening to the Node side (the disposer of the latest `start`). */
  function stop(): void {
    disconnectLink();
  }

  async function loadInfo(connection: ApiConnection): Promise<void> {
    const result = await connection.api.getAppInfo();
    if (result.ok) {
      info.value = result.value;
      failure.value = null;
    } else {
      failure.value = result.error;
    }
  }

  async function loadSettings(connection: ApiConnection): Promise<void> {
    const result = await connection.api.getSettings();
    if (result.ok) adoptSettings(result.value);
  }

  function adoptSettings(next: UserSettings): void {
    settings.value = next;
    applyTheme(next.theme);
    applyLanguage(next.language);
  }

  /** Saves a change to settings.json and applies it; the Node side's error otherwise. */
  async function updateSettings(change: Partial<UserSettings>): Promise<string | null> {
    if (!linked) return null;
    const result = await linked.api.setSettings(change);
    if (!result.ok) return describeError(result.error);
    adoptSettings(result.value);
    return null;
  }

  async function revealDataDir(): Promise<RevealOutcome | null> {
    if (!linked) return null;
    const result = await linked.api.revealDataDir();
    return result.ok ? result.value : null;
  }

  return {
    info,
    error,
    link,
    notices,
    settings,
    start,
    stop,
    updateSettings,
    revealDataDir,
  };
});
