import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  parseNonNegativeInt,
  parseNonNegativeMs,
  parsePositiveInt,
  parsePositiveMs,
} from '../parse-number';
import type { DemoServer } from '../../core/demo/server';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../../core/sse/connection';
import {
  BUILTIN_FETCH_MAX_IDLE_TIMEOUT_MS,
  builtinFetchTransport,
  createTransport,
  type Transport,
  type TransportOptions,
} from '../../core/sse/transport';
import {
  buildWatchConfig,
  UsageError,
  type WatchConfig,
  type WatchEnvironment,
  type WatchFlags,
} from '../watch-config';
import { escapeControls } from '../ansi';
import { OUTPUT_FORMATS } from '../watch-output';
import { processIo, runWatch } from '../watch-run';
import { recordTarget } from '../watch-recorder';

/** Exit code for usage errors; index.ts maps commander's own errors to the same code. */
const EXIT_USAGE = 2;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const EXAMPLES = `
Examples:
  $ eventscope watch http://127.0.0.1:8844/stream
  $ eventscope watch http://127.0.0.1:8844/counter --max-events 5 | jq .
  $ eventscope watch https://api.example.com/v1/chat -H "Authorization: Bearer $TOKEN" \\
      -d '{"prompt":"Hello"}'
  $ eventscope watch http://127.0.0.1:8844/flaky --retry-max 3 --include-status --summary
  $ eventscope watch --workspace Demo --endpoint Counter --max-events 3
  $ eventscope watch http://127.0.0.1:8844/anthropic/messages -d '{}' --merge

Exit codes: 0 finished (max events, timeout, end of stream with --no-retry, HTTP 204, Ctrl-C),
1 connection failed (or, with --merge, the run errored or was truncated), 2 usage error.`;

/** `eventscope watch <url>`: one SSE connection, its events on stdout. */
export function registerWatchCommand(program: Command): Command {
  const command = program
    .command('watch')
    .description('Connect to a Server-Sent Events endpoint and print its events as they arrive.')
    .argument('[url]', 'the http(s) URL of the event stream (or use --workspace and --endpoint)')
    .option('--workspace <workspace>', 'a saved workspace: its file, export file, name or id')
    .option('--endpoint <endpoint>', 'with --workspace: the endpoint to watch (name or id)')
    .option('--data-dir <dir>', 'where saved workspaces live (default: the app’s data directory)')
    .option('-X, --method <method>', 'HTTP method (default: GET, or POST when a body is given)')
    .option(
      '-H, --header <header>',
      "request header 'Name: value'; repeat for more (repeated names allowed)",
      collect,
    )
    .option('-d, --data <text>', 'request body text (JSON is sent as application/json)')
    .option('--data-file <path>', "request body bytes from a file ('-' reads stdin)")
    .option('--last-event-id <id>', 'start as if this id had been seen (sent as Last-Event-ID)')
    .option('--no-retry', 'never reconnect: exit when the stream ends or fails')
    .option(
      '--retry-max <n>',
      'give up after n reconnects without a stable connection',
      parseNonNegativeInt,
    )
    .option(
      '--retry-initial <ms>',
      'reconnect delay when the server sends no retry: field (default 3000)',
      parseNonNegativeMs,
    )
    .option(
      '--retry-max-delay <ms>',
      'cap of the exponential backoff (default 60000)',
      parseNonNegativeMs,
    )
    .option(
      '--retry-min-delay <ms>',
      'no reconnect sooner than this, whatever the server says (default 250)',
      parseNonNegativeMs,
    )
    .option(
      '--retry-stable-after <ms>',
      'reset the backoff after a connection stayed open this long (default 30000)',
      parseNonNegativeMs,
    )
    .option(
      '--idle-timeout <ms>',
      'reconnect after this long without a byte (default 45000)',
      parsePositiveMs,
    )
    .option('--max-events <n>', 'exit after n events', parsePositiveInt)
    .option('--timeout <ms>', 'exit after this long', parsePositiveMs)
    .addOption(
      new Option('--format <format>', 'output: pretty on a terminal, jsonl in a pipe').choices(
        OUTPUT_FORMATS,
      ),
    )
    .option('--include-status', 'also print connection state changes (jsonl records, sse comments)')
    .option('--summary', 'print a final JSON line on stderr: events, bytes, reconnects, seconds')
    .option('--merge', 'LLM streams: print the merged message, then the run status and timings')
    .option(
      '--profile <name>',
      'with --merge: auto, openai-chat, openai-responses, anthropic, gemini, custom',
    )
    .option(
      '--json-path <path>',
      'with --profile custom: the JSON path of the text, e.g. "$.token"',
    )
    .option(
      '--terminator <text>',
      'with --profile custom: the data (or event type) that ends the run',
    )
    .option('--out <file>', 'also record the events into this file (format from its extension)')
    .option('--out-format <format>', 'format of --out: jsonl, csv, json or sse')
    .addHelpText('after', EXAMPLES)
    // Commander exits with 1 on a bad flag unless the command itself throws; index.ts turns the
    // thrown error into exit code 2. Set here because subcommands copy it only at creation.
    .exitOverride()
    .action(async (url: string | undefined, flags: WatchFlags, cmd: Command) => {
      const io = processIo();
      const env: WatchEnvironment = {
        stdoutIsTty: process.stdout.isTTY === true,
        readFile: (path) => readFileSync(path === '-' ? 0 : path),
      };
      const demo: { server: DemoServer | null } = { server: null };
      let config: WatchConfig;
      let transportOptions: TransportOptions = {};
      try {
        if (flags.workspace === undefined) {
          config = urlConfig(url, flags, env);
        } else {
          // Workspaces need the store and its schemas: loaded only for --workspace.
          const { savedConfig } = await import('../watch-saved');
          const saved = await savedConfig(url, flags, env, demo);
          config = saved.config;
          transportOptions = saved.transport;
        }
        config = { ...config, record: recordTarget(flags.out, flags.outFormat) };
      } catch (error) {
        await demo.server?.close();
        if (error instanceof UsageError) {
          cmd.error(`error: ${error.message}`, { exitCode: EXIT_USAGE, code: 'eventscope.usage' });
        }
        throw error;
      }
      let transport: Transport;
      try {
        transport =
          (quickIdleTimeout(config) ? builtinFetchTransport(transportOptions) : null) ??
          (await createTransport(transportOptions));
      } catch (error) {
        // A bad CA file or proxy URL: a connection failure (exit 1), said plainly.
        process.stderr.write(
          escapeControls(`eventscope: ${error instanceof Error ? error.message : String(error)}\n`),
        );
        await demo.server?.close();
        process.exitCode = 1;
        return;
      }
      try {
        process.exitCode = await runWatch({ ...config, fetch: transport.fetch }, io);
      } finally {
        await transport.close();
        await demo.server?.close();
      }
    });
  command.showHelpAfterError(
    `Usage: eventscope watch ${command.usage()}\nRun "eventscope watch --help" for every option.`,
  );
  return command;
}

function urlConfig(url: string | undefined, flags: WatchFlags, env: WatchEnvironment): WatchConfig {
  if (flags.endpoint !== undefined) throw new UsageError('--endpoint goes with --workspace');
  if (url === undefined)
    throw new UsageError('give the URL to watch, or --workspace and --endpoint');
  return buildWatchConfig(url, flags, env);
}

/** Node's own fetch can carry the connection (see builtinFetchTransport): it starts faster. */
function quickIdleTimeout(config: WatchConfig): boolean {
  const idle = config.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return idle > 0 && idle < BUILTIN_FETCH_MAX_IDLE_TIMEOUT_MS;
}
