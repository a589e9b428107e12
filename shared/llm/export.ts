import type { LlmRunSnapshot } from './run';
import type { ToolCall } from './types';

/**
 * The merged run as one JSON record — the CLI's final jsonl line and the app's JSON export share
 * it — and as Markdown for pasting into an issue or a chat.
 */
export interface MergedRecord {
  kind: 'merged';
  profile: string | null;
  status: string;
  messages: Array<{
    index: number;
    text: string;
    reasoning: string;
    toolCalls: Array<{ id: string; name: string; arguments: string }>;
  }>;
  stopReason: string | null;
  usage: LlmRunSnapshot['merge']['usage'];
  timing: {
    ttfbMs: number | null;
    ttftMs: number | null;
    durationMs: number | null;
    tokensPerSecond: number | null;
  };
  error: string | null;
}

export function mergedRecord(run: LlmRunSnapshot): MergedRecord {
  return {
    kind: 'merged',
    profile: run.profile,
    status: run.status,
    messages: run.merge.messages.map((m) => ({
      index: m.index,
      text: m.text,
      reasoning: m.reasoning,
      toolCalls: m.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })),
    })),
    stopReason: run.merge.stopReason,
    usage: run.merge.usage,
    timing: {
      ttfbMs: run.timing.ttfbMs,
      ttftMs: run.timing.ttftMs,
      durationMs: run.timing.durationMs,
      tokensPerSecond: run.timing.tokensPerSecond,
    },
    error: run.error,
  };
}

export type ToolArguments =
  { valid: true; pretty: string } | { valid: false; raw: string; message: string };

/** A complete tool call's arguments pretty-printed, or flagged when they are not valid JSON. */
export function formatToolArguments(call: Pick<ToolCall, 'arguments'>): ToolArguments {
  try {
    return { valid: true, pretty: JSON.stringify(JSON.parse(call.arguments), null, 2) };
  } catch (error) {
    return {
      valid: false,
      raw: call.arguments,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Markdown of the run: text, reasoning as a quote, tool calls as JSON blocks, then the numbers. */
export function mergedMarkdown(run: LlmRunSnapshot): string {
  const lines: string[] = [];
  const many = run.merge.messages.length > 1;
  for (const message of run.merge.messages) {
    if (many) lines.push(`## Choice ${message.index}`, '');
    if (message.reasoning !== '') {
      lines.push('**Reasoning**', '', ...message.reasoning.split('\n').map((l) => `> ${l}`), '');
    }
    if (message.text !== '') lines.push(message.text, '');
    for (const call of message.toolCalls) {
      const args = formatToolArguments(call);
      lines.push(`**Tool call** \`${call.name}\`${call.id ? ` (${call.id})` : ''}`, '');
      lines.push('```json', args.valid ? args.pretty : args.raw, '```', '');
      if (!args.valid) lines.push(`_Invalid JSON: ${args.message}_`, '');
    }
  }
  const facts = [
    `- Profile: ${run.profile ?? 'none'}`,
    `- Status: ${run.status}`,
    `- Stop reason: ${run.merge.stopReason ?? '—'}`,
  ];
  const usage = run.merge.usage;
  if (usage !== null) {
    facts.push(
      `- Usage: ${Object.entries(usage)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')}`,
    );
  }
  const t = run.timing;
  const ms = (v: number | null): string => (v === null ? '—' : `${v} ms`);
  facts.push(
    `- Time to first byte: ${ms(t.ttfbMs)}, to first token: ${ms(t.ttftMs)}, total: ${ms(t.durationMs)}`,
  );
  if (t.tokensPerSecond !== null) facts.push(`- Rate: ${t.tokensPerSecond} ${t.rateUnit}/s`);
  if (run.error !== null) facts.push(`- Error: ${run.error}`);
  if (run.merge.sequenceGaps.length > 0) {
    facts.push(
      `- Sequence gaps: ${run.merge.sequenceGaps.map((g) => `expected ${g.expected}, got ${g.got}`).join('; ')}`,
    );
  }
  lines.push('---', '', ...facts, '');
  return lines.join('\n');
}
