import type { DemoRoute } from '../demo-context';
import { json, playLlmStream, type LlmStep } from './play';
import {
  DEMO_LLM_MODEL,
  DEMO_REASONING,
  DEMO_TOOL,
  DEMO_USAGE,
  failsMidway,
  replyTokens,
} from './script';

/** Gemini sends text in bigger pieces than one word per event. */
const GEMINI_TOKENS_PER_CHUNK = 3;

/**
 * `/gemini`: a Gemini `streamGenerateContent?alt=sse` stream — each event a whole
 * GenerateContentResponse: thought parts (`thought: true`), text parts, a complete
 * `functionCall`, then `finishReason: "STOP"` with `usageMetadata`. No terminator: the body
 * just ends. `?fail=midway` ends the body half way, with no finishReason.
 */
export function geminiSteps(failMidway: boolean): LlmStep[] {
  const response = (parts: unknown[], extra: Record<string, unknown> = {}): LlmStep => ({
    data: json({
      candidates: [{ content: { parts, role: 'model' }, index: 0, ...extra }],
      modelVersion: DEMO_LLM_MODEL,
    }),
  });
  const steps: LlmStep[] = DEMO_REASONING.map((piece) =>
    response([{ text: piece, thought: true }]),
  );
  const tokens = replyTokens();
  const chunks: string[] = [];
  for (let i = 0; i < tokens.length; i += GEMINI_TOKENS_PER_CHUNK) {
    chunks.push(tokens.slice(i, i + GEMINI_TOKENS_PER_CHUNK).join(''));
  }
  const half = Math.floor(chunks.length / 2);
  for (const [i, text] of chunks.entries()) {
    if (failMidway && i === half) return steps;
    steps.push(response([{ text }]));
  }
  steps.push(
    response([
      { functionCall: { name: DEMO_TOOL.name, args: JSON.parse(DEMO_TOOL.arguments) as unknown } },
    ]),
  );
  steps.push({
    data: json({
      candidates: [
        { content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 },
      ],
      usageMetadata: {
        promptTokenCount: DEMO_USAGE.inputTokens,
        candidatesTokenCount: DEMO_USAGE.outputTokens,
        totalTokenCount: DEMO_USAGE.inputTokens + DEMO_USAGE.outputTokens,
      },
      modelVersion: DEMO_LLM_MODEL,
    }),
  });
  return steps;
}

export const geminiRoute: DemoRoute = (req, res, url, ctx) =>
  playLlmStream(req, res, ctx, geminiSteps(failsMidway(url)));
