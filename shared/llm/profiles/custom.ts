import { parseJsonPath, selectJsonPath } from '../json-path';
import { appendText, errorMessageOf, parseJson } from '../state-ops';
import type { CustomProfileConfig, LlmProfile } from '../types';

/**
 * A stream of the user's own shape: the string values at a JSON path are concatenated (`$.token`,
 * `$.choices[*].text`), and an event whose data — or type — equals the terminator ends the run.
 * Throws a JsonPathError for a path it cannot read, so the mistake is shown, not ignored.
 */
export function createCustomProfile(config: CustomProfileConfig): LlmProfile {
  const segments = parseJsonPath(config.path);
  const terminator = config.terminator?.trim() ?? '';
  return {
    id: 'custom',
    apply(state, event) {
      if (terminator !== '' && (event.data.trim() === terminator || event.type === terminator)) {
        state.terminated = true;
        return;
      }
      const value = parseJson(event.data);
      if (value === null) return;
      const error = errorMessageOf(value);
      if (error !== null) {
        state.error = error;
        return;
      }
      const text = selectJsonPath(value, segments)
        .filter((v): v is string => typeof v === 'string')
        .join('');
      appendText(state, 0, text, event.receivedAt);
    },
  };
}
