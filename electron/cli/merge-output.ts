import type { ConnectionState } from '../../shared/model/connection-state';
import type { SseEvent } from '../../shared/model/sse-event';
import { formatToolArguments, mergedRecord } from '../../shared/llm/export';
import { createLlmRun, type LlmRunSnapshot } from '../../shared/llm/run';
import type { CustomProfileConfig, LlmProfileSetting, RunStatus } from '../../shared/llm/types';
import { escapeControls, painter } from './ansi';
import type { OutputFormat } from './watch-output';

/** `watch --merge`: which profile, and for `custom` its JSON path and terminator. */
export interface MergeSettings {
  setting: LlmProfileSetting;
  custom?: CustomProfileConfig;
}

export interface MergeOutput {
  /**
   * stdout text for one event: in `pretty`, the newly merged text replaces the raw event; in the
   * other formats null, so the raw event is printed as usual.
   */
  event(event: SseEvent): string | null;
  /** Text to print before a status line (a line break when merged text left the line open). */
  state(state: ConnectionState): string;
  /** The terminator arrived: the connection must not reconnect (docs/llm-streams.md). */
  readonly terminated: boolean;
  /** The closing text (pretty: status and timing; jsonl: the `merged` record) and the status. */
  finish(): { text: string; status: RunStatus; snapshot: LlmRunSnapshot };
}

/**
 * Merges an LLM token stream for the terminal (shared/llm does the merging): the answer printed
 * live, reasoning dimmed, each tool call once complete; then the run status and timings.
 */
export function createMergeOutput(
  settings: MergeSettings,
  url: string,
  format: OutputFormat,
  color: boolean,
): MergeOutput {
  const run = createLlmRun({ ...settings, url });
  const paint = painter(color);
  /** Characters already printed per message: `text` and `reasoning`; tool calls by position. */
  const printed = new Map<number, { text: number; reasoning: number; tools: number }>();
  let lineOpen = false;
  let lastMessage = 0;

  function live(): string {
    let out = '';
    // The live state, not a snapshot: this runs per event, and a copy per event adds up.
    for (const message of run.live.messages) {
      const seen = printed.get(message.index) ?? { text: 0, reasoning: 0, tools: 0 };
      printed.set(message.index, seen);
      const reasoning = message.reasoning.slice(seen.reasoning);
      const text = message.text.slice(seen.text);
      if ((reasoning !== '' || text !== '') && message.index !== lastMessage) {
        out += `${lineOpen ? '\n' : ''}${paint('cyan', `[choice ${message.index}]`)} `;
        lastMessage = message.index;
      }
      if (reasoning !== '') out += paint('dim', escapeControls(reasoning));
      if (text !== '') {
        if (seen.text === 0 && message.reasoning !== '') out += '\n';
        out += escapeControls(text);
      }
      seen.reasoning = message.reasoning.length;
      seen.text = message.text.length;
      if (out !== '') lineOpen = !out.endsWith('\n');
      while (seen.tools < message.toolCalls.length && message.toolCalls[seen.tools]!.complete) {
        const call = message.toolCalls[seen.tools]!;
        const args = formatToolArguments(call);
        const body = args.valid ? args.pretty : `${args.raw}\n(invalid JSON: ${args.message})`;
        out += `${lineOpen ? '\n' : ''}${paint('magenta', `tool call ${escapeControls(call.name)}`)}${call.id ? paint('dim', ` ${escapeControls(call.id)}`) : ''}\n${escapeControls(body)}\n`;
        lineOpen = false;
        seen.tools += 1;
      }
    }
    return out;
  }

  return {
    event(event) {
      run.pushEvent(event);
      return format === 'pretty' ? live() : null;
    },
    state(state) {
      run.pushState(state);
      if (format !== 'pretty' || !lineOpen) return '';
      lineOpen = false;
      return '\n';
    },
    get terminated() {
      return run.terminated;
    },
    finish() {
      const snapshot = run.snapshot();
      const status = snapshot.status;
      if (format === 'jsonl') {
        return { text: `${JSON.stringify(mergedRecord(snapshot))}\n`, status, snapshot };
      }
      if (format !== 'pretty') return { text: '', status, snapshot };
      return { text: (lineOpen ? '\n' : '') + describeRun(snapshot, paint), status, snapshot };
    },
  };
}

function describeRun(run: LlmRunSnapshot, paint: ReturnType<typeof painter>): string {
  const style =
    run.status === 'completed' ? 'green' : run.status === 'streaming' ? 'yellow' : 'red';
  const ms = (v: number | null): string => (v === null ? '—' : `${v} ms`);
  const lines = [
    `${paint(style, `run ${run.status}`)} ${paint('dim', `(${run.profile ?? 'no LLM profile'}${run.merge.stopReason ? `, stop: ${run.merge.stopReason}` : ''})`)}`,
  ];
  if (run.error !== null) lines.push(paint('red', `error: ${escapeControls(run.error)}`));
  const t = run.timing;
  const rate = t.tokensPerSecond === null ? '' : `, ${t.tokensPerSecond} ${t.rateUnit}/s`;
  lines.push(
    paint(
      'dim',
      `first byte ${ms(t.ttfbMs)}, first token ${ms(t.ttftMs)}, total ${ms(t.durationMs)}${rate}`,
    ),
  );
  const usage = run.merge.usage;
  if (usage !== null) {
    const parts = Object.entries(usage).map(([k, v]) => `${k} ${String(v)}`);
    lines.push(paint('dim', `usage: ${parts.join(', ')}`));
  }
  for (const gap of run.merge.sequenceGaps) {
    lines.push(paint('yellow', `sequence gap: expected ${gap.expected}, got ${gap.got}`));
  }
  return `${lines.join('\n')}\n`;
}
