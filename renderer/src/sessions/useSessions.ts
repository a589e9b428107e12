import { computed, ref } from 'vue';
import type { SessionInfo } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { useApi } from './api-injection';
import { resultTaker, translatedError } from '../shell/node-messages';

export interface SessionGroup {
  workspace: string;
  endpoint: string;
  sessions: SessionInfo[];
}

/** Past sessions of every endpoint, from the Node side's session list (docs/sessions.md). */
export function useSessions() {
  const sessions = ref<SessionInfo[]>([]);
  // Worded when read, so a language switch rewords an error already on screen.
  const { failure, text: failureText } = translatedError();
  /** A problem the page found itself (already in the page's language); cleared by any answer. */
  const hint = ref<string | null>(null);
  const error = computed(() => hint.value ?? failureText.value);
  const message = ref<string | null>(null);
  const api = useApi();

  const takeResult = resultTaker(failure);
  const take = <T>(result: Result<T>): T | null => {
    hint.value = null;
    return takeResult(result);
  };

  async function refresh(): Promise<void> {
    if (!api) return;
    const list = take(await api.listSessions({}));
    if (list) sessions.value = list;
  }

  async function remove(id: string): Promise<void> {
    if (api && take(await api.deleteSession({ id }))) await refresh();
  }

  async function replay(id: string, workspaceId: string): Promise<{ url: string } | null> {
    return api ? take(await api.replaySession({ id, workspaceId })) : null;
  }

  /** One group per endpoint, newest session first inside it. */
  const groups = computed<SessionGroup[]>(() => {
    const byKey = new Map<string, SessionGroup>();
    for (const session of sessions.value) {
      const key = `${session.workspace}\u0000${session.endpoint}`;
      let group = byKey.get(key);
      if (!group) {
        group = { workspace: session.workspace, endpoint: session.endpoint, sessions: [] };
        byKey.set(key, group);
      }
      group.sessions.push(session);
    }
    return [...byKey.values()];
  });

  return { sessions, groups, error, hint, message, refresh, remove, replay };
}
