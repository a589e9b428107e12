import type { DemoRoute } from '../demo-context';
import { json, playLlmStream, type LlmStep } from './play';
import {
  argumentFragments,
  DEMO_LLM_MODEL,
  DEMO_REASONING,
  DEMO_TOOL,
  DEMO_USAGE,
  failsMidway,
  replyTokens,
} from './script';

/**
 * `/openai/chat`: an OpenAI Chat Completions stream (`chat.completion.chunk` data events with
 * `delta.reasoning_content`, `delta.content`, `delta.tool_calls` fragments, `finish_reason`, a
 * usage chunk, then `data: [DONE]`). `?fail=midway` cuts the connection half way.
 */
export function openAiChatSteps(failMidway: boolean): LlmStep[] {
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): LlmStep => ({
    data: json({
      id: 'chatcmpl-demo',
      object: 'chat.completion.chunk',
      created,
      model: DEMO_LLM_MODEL,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    }),
  });
  const tokens = replyTokens();
  const half = Math.floor(tokens.length / 2);
  const steps: LlmStep[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of DEMO_REASONING) steps.push(chunk({ reasoning_content: piece }));
  for (const [i, token] of tokens.entries()) {
    if (failMidway && i === half) return [...steps, { cut: true }];
    steps.push(chunk({ content: token }));
  }
  steps.push(
    chunk({
      tool_calls: [
        {
          index: 0,
          id: DEMO_TOOL.id,
          type: 'function',
          function: { name: DEMO_TOOL.name, arguments: '' },
        },
      ],
    }),
  );
  for (const fragment of argumentFragments()) {
    steps.push(chunk({ tool_calls: [{ index: 0, function: { arguments: fragment } }] }));
  }
  steps.push(chunk({}, 'tool_calls'));
  steps.push({
    data: json({
      id: 'chatcmpl-demo',
      object: 'chat.completion.chunk',
      created,
      model: DEMO_LLM_MODEL,
      choices: [],
      usage: {
        prompt_tokens: DEMO_USAGE.inputTokens,
        completion_tokens: DEMO_USAGE.outputTokens,
        total_tokens: DEMO_USAGE.inputTokens + DEMO_USAGE.outputTokens,
      },
    }),
  });
  steps.push({ data: '[DONE]' });
  return steps;
}

export const openAiChatRoute: DemoRoute = (req, res, url, ctx) =>
  playLlmStream(req, res, ctx, openAiChatSteps(failsMidway(url)));
