import type { ConnectionError, ConnectionState } from '../../shared/model/connection-state';
import { eventEntry } from '../../shared/api/frames';
import { createSseConnection } from '../core/sse/connection';
import { formatDuration } from '../core/sse/format';
import { escapeControls, escapeJsonForTerminal, shouldColor } from './ansi';
import { createRedactor, redactStateHeaders, secretsOfRequest } from '../core/redact';
import type { WatchConfig } from './watch-config';
import { createFormatter } from './watch-output';
import { createMergeOutput } from './merge-output';
import type { WatchRecorder } from './watch-recorder';
import { openWatchRecorder } from './watch-recorder';
import { createLlmRun } from '../../shared/llm/run';

/** Exit codes of `eventscope watch` (README, "Exit codes"); 2 (usage) is decided before running. */
export const EXIT_OK = 0;
export const EXIT_CONNECTION_FAILED = 1;
/** A second Ctrl-C while closing: the shell convention for "killed by SIGINT". */
const EXIT_FORCED = 130;
/** How much of an error body is printed; the engine keeps 64 KiB, a terminal wants less. */
const ERROR_BODY_SHOWN_CHARS = 2000;

export type StopCause = 'max-events' | 'timeout' | 'signal' | 'output-closed';

export interface WatchSummary {
  events: number;
  /** UTF-8 bytes of event data received. */
  bytes: number;
  reconnects: number;
  seconds: number;
  /** Why the watch ended: a StopCause, or the connection's own end (end-of-stream, failed, …). */
  stoppedBy: string;
}

export interface WatchIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Subscribes to Ctrl-C / SIGTERM; returns the unsubscribe. */
  onSignal(handler: (signal: NodeJS.Signals) => void): () => void;
  /** Ends the process at once (a second Ctrl-C). */
  forceExit(code: number): void;
}

export function processIo(): WatchIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    onSignal(handler) {
      const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
      for (const signal of signals) process.on(signal, handler);
      return () => {
        for (const signal of signals) process.off(signal, handler);
      };
    },
    forceExit: (code) => process.exit(code),
  };
}

/** The stderr report of a failed connection: what, why, and the start of the body. */
export function describeFailure(error: ConnectionError): string {
  let text = `eventscope: connection failed: ${error.message}\n`;
  if (error.body !== undefined && error.body !== '') {
    const shown = error.body.slice(0, ERROR_BODY_SHOWN_CHARS);
    text += shown.endsWith('\n') ? shown : `${shown}\n`;
    if (error.body.length > shown.length || error.bodyTruncated === true) {
      text += '… (rest of the body not shown)\n';
    }
  }
  return text;
}

function retryNote(state: Extract<ConnectionState, { type: 'retrying' }>): string {
  const of = state.maxAttempts === null ? '' : ` of ${state.maxAttempts}`;
  return `eventscope: ${state.reason}; retrying in ${formatDuration(state.delayMs)} (retry ${state.retry}${of})\n`;
}

/**
 * Runs one watch to its end and returns the exit code. Output goes out per event: Node's stdout
 * has no userland buffer (files, terminals and Linux pipes are even written synchronously), so
 * `| jq` is live.
 */
export async function runWatch(config: WatchConfig, io: WatchIo): Promise<number> {
  const color = config.format === 'pretty' && shouldColor(io.stdout.isTTY === true, io.env);
  const formatter = createFormatter(config.format, {
    includeStatus: config.includeStatus,
    color,
    terminal: io.stdout.isTTY === true,
  });
  const redact = createRedactor([...config.secrets, ...secretsOfRequest(config.request)]);
  const merge =
    config.merge === undefined
      ? null
      : createMergeOutput(config.merge, config.request.url, config.format, color);
  // Without --merge the lens still watches for an LLM terminator: it ends the run, and a GET
  // must not reconnect after it (docs/llm-streams.md).
  const terminator =
    merge === null ? createLlmRun({ setting: 'auto', url: config.request.url }) : null;
  // `--format none` without --merge prints nothing per event: skip formatting and redaction.
  const printsEvents = config.format !== 'none' || merge !== null;
  const startedAt = Date.now();
  let events = 0;
  let bytes = 0;
  let connects = 0;
  let stoppedBy: StopCause | null = null;
  let outputClosed = false;

  const out = (text: string): void => {
    if (text !== '' && !outputClosed) io.stdout.write(text);
  };
  // stderr is meant for a terminal whatever the format: server-controlled text in it (status
  // text, error bodies, redirect targets) is escaped (ansi.ts).
  const err = (text: string): void => {
    io.stderr.write(escapeControls(redact(text)));
  };

  let recorder: WatchRecorder | null = null;
  if (config.record) {
    try {
      recorder = await openWatchRecorder(config.record);
    } catch (error) {
      err(
        `eventscope: cannot record to ${config.record.path}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return EXIT_CONNECTION_FAILED;
    }
  }
  let recordedSeq = 0;
  // With nothing printed or recorded, events are only counted: once the LLM lens has ruled the
  // stream out (it reads the first events' data), they arrive as sizes only, without an event
  // object or strings per event (docs/performance.md, "Whole processes").
  let lensDeciding = !printsEvents && recorder === null && terminator !== null;

  const connection = createSseConnection(
    {
      request: config.request,
      retry: config.retry,
      ...(config.lastEventId !== undefined ? { lastEventId: config.lastEventId } : {}),
      ...(config.idleTimeoutMs !== undefined ? { idleTimeoutMs: config.idleTimeoutMs } : {}),
      ...(config.fetch !== undefined ? { fetch: config.fetch } : {}),
      ...(config.resume !== undefined ? { resume: config.resume } : {}),
      isRunOver: () => merge?.terminated ?? terminator?.terminated ?? false,
    },
    {
      onEvent(event) {
        events += 1;
        bytes += event.sizeBytes;
        recorder?.entry(eventEntry(++recordedSeq, event));
        terminator?.pushEvent(event);
        if (lensDeciding) countOnceRuledOut();
        if (printsEvents) out(redact(merge?.event(event) ?? formatter.event(events, event)));
        if (config.maxEvents !== null && events >= config.maxEvents) stop('max-events');
      },
      onEventSize(sizeBytes) {
        events += 1;
        bytes += sizeBytes;
        if (config.maxEvents !== null && events >= config.maxEvents) stop('max-events');
      },
      // Counted in runs, without a call per event, unless the run must stop at an exact count.
      ...(config.maxEvents === null
        ? {
            onEventSizes(count: number, sizeBytes: number) {
              events += count;
              bytes += sizeBytes;
            },
          }
        : {}),
      onComment(text) {
        out(redact(formatter.comment(text, Date.now())));
        recorder?.entry({ seq: ++recordedSeq, at: Date.now(), kind: 'comment', text });
      },
      onRetryField(ms) {
        recorder?.entry({ seq: ++recordedSeq, at: Date.now(), kind: 'retry', ms });
      },
      onRedirect(info) {
        if (config.includeStatus && config.format === 'jsonl') {
          const { status, from, to, method, methodChanged, droppedHeaders } = info;
          const record = {
            kind: 'redirect',
            status,
            from,
            to,
            method,
            methodChanged,
            droppedHeaders,
          };
          out(redact(`${escapeJsonForTerminal(JSON.stringify(record))}\n`));
        }
        // A POST turned into a GET is reported whatever the format (docs/architecture.md, "The engine").
        if (info.methodChanged) {
          err(
            `eventscope: HTTP ${info.status} redirect to ${info.to} turned ${info.previousMethod} into ${info.method}; the body was not sent again\n`,
          );
        }
      },
      onState(received) {
        const state = redactStateHeaders(received);
        if (state.type === 'connecting') connects += 1;
        if (merge !== null) out(merge.state(state));
        // A failure is reported once, in full, on stderr (below), whatever the format.
        const shown =
          config.format === 'pretty' && state.type === 'failed' ? '' : formatter.status(state);
        out(redact(shown));
        // Without status records, say on stderr why nothing arrives, not on stdout.
        if (state.type === 'retrying' && shown === '') err(retryNote(state));
      },
    },
  );

  function countOnceRuledOut(): void {
    const { profile, inactiveReason } = terminator!.snapshot();
    if (profile !== null) {
      lensDeciding = false; // an LLM stream: its terminator must be seen in every event
    } else if (inactiveReason !== null) {
      lensDeciding = false;
      connection.reportSizesOnly(true);
    }
  }

  function stop(cause: StopCause): void {
    stoppedBy ??= cause;
    connection.close(`stopped: ${cause}`);
  }

  const onOutputError = (error: NodeJS.ErrnoException): void => {
    // `watch … | head -3`: the reader left; stop quietly instead of dying on EPIPE.
    outputClosed = true;
    if (error.code !== 'EPIPE') err(`eventscope: cannot write output: ${error.message}\n`);
    stop('output-closed');
  };
  io.stdout.on('error', onOutputError);
  let interrupted = false;
  const offSignal = io.onSignal(() => {
    if (interrupted) io.forceExit(EXIT_FORCED);
    interrupted = true;
    stop('signal');
  });
  const timeout =
    config.timeoutMs === null ? null : setTimeout(() => stop('timeout'), config.timeoutMs);

  connection.start();
  const final = await connection.done;

  if (timeout !== null) clearTimeout(timeout);
  offSignal();
  io.stdout.off('error', onOutputError);

  if (final.type === 'failed') err(describeFailure(final.error));
  const merged = merge?.finish() ?? null;
  if (merged !== null) out(redact(merged.text));
  const recordError = (await recorder?.finish()) ?? null;
  if (recordError !== null) {
    err(`eventscope: the recording in ${config.record!.path} failed: ${recordError.message}\n`);
  }
  if (config.summary) {
    const summary: WatchSummary = {
      events,
      bytes,
      reconnects: Math.max(0, connects - 1),
      seconds: Math.round(Date.now() - startedAt) / 1000,
      stoppedBy: stoppedBy ?? (final.type === 'failed' ? 'failed' : final.reason),
    };
    err(`${JSON.stringify(summary)}\n`);
  }
  if (final.type === 'failed') return EXIT_CONNECTION_FAILED;
  // An LLM run that errored or was cut off is a failure, even over a clean 200 stream.
  if (merged !== null && (merged.status === 'errored' || merged.status === 'truncated')) {
    return EXIT_CONNECTION_FAILED;
  }
  return EXIT_OK;
}
