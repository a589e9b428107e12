import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, Notice } from '../../../shared/api';
import type { ApiConnection } from '../api';

/** Notices kept on screen; older ones scroll away (they are also in the console). */
const MAX_NOTICES = 5;

/** App-wide facts: who serves us, the link state, and notices from the Node side. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const error = ref<string | null>(null);
  const link = ref<'connecting' | 'open' | 'closed'>('connecting');
  const notices = ref<Notice[]>([]);

  async function start(connection: ApiConnection): Promise<void> {
    connection.onStatus((status) => {
      link.value = status;
      if (status === 'open' && !info.value) void loadInfo(connection);
    });
    connection.api.onNotice((notice) => {
      notices.value = [...notices.value, notice].slice(-MAX_NOTICES);
    });
    // Start-up notices are pulled once the page listens, so none are lost while it loads.
    const startup = await connection.api.takeNotices();
    if (startup.ok && startup.value.length > 0) {
      notices.value = [...notices.value, ...startup.value].slice(-MAX_NOTICES);
    }
  }

  async function loadInfo(connection: ApiConnection): Promise<void> {
    const result = await connection.api.getAppInfo();
    if (result.ok) {
      info.value = result.value;
      error.value = null;
    } else {
      error.value = result.error.message;
    }
  }

  return { info, error, link, notices, start };
});
