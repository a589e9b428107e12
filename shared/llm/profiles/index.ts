import type { CustomProfileConfig, LlmProfile, LlmProfileId } from '../types';
import { anthropicProfile } from './anthropic';
import { createCustomProfile } from './custom';
import { geminiProfile } from './gemini';
import { openAiChatProfile } from './openai-chat';
import { openAiResponsesProfile } from './openai-responses';

export {
  anthropicProfile,
  createCustomProfile,
  geminiProfile,
  openAiChatProfile,
  openAiResponsesProfile,
};

/** The profile for an id; `custom` needs its path (a JsonPathError when it is unreadable). */
export function profileFor(id: LlmProfileId, custom?: CustomProfileConfig): LlmProfile {
  switch (id) {
    case 'openai-chat':
      return openAiChatProfile;
    case 'openai-responses':
      return openAiResponsesProfile;
    case 'anthropic':
      return anthropicProfile;
    case 'gemini':
      return geminiProfile;
    case 'custom':
      return createCustomProfile(custom ?? { path: '$.token' });
  }
}
