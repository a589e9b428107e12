import { Option, type Command } from 'commander';
import { REPLAY_SPEEDS, startReplayServer } from '../../core/replay/replay-server';
import type { ReplaySpeed } from '../../core/replay/replay-server';
import { parsePort } from '../options';
import { sessionSegments } from './export';
import { untilStopped } from '../until-stopped';

interface ReplayFlags {
  port: number;
  host: string;
  speed: ReplaySpeed;
  loop?: boolean;
}

/** `eventscope replay FILE`: a recording served as a live SSE endpoint (docs/sessions.md). */
export function registerReplayCommand(program: Command): Command {
  return program
    .command('replay')
    .description(
      'Serve a recording (session log, JSONL export or SSE transcript) as a live SSE endpoint.',
    )
    .argument('<file>', 'the recording')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .addOption(new Option('--speed <speed>', 'playback speed').choices(REPLAY_SPEEDS).default('1'))
    .option('--loop', 'start again after the last event')
    .action(async (file: string, flags: ReplayFlags) => {
      const server = await startReplayServer({
        paths: sessionSegments(file).paths,
        port: flags.port,
        host: flags.host,
        speed: flags.speed,
        loop: flags.loop === true,
      });
      process.stdout.write(
        `Replaying ${file} at ${server.url} (speed ${flags.speed}${flags.loop ? ', looping' : ''}). Press Ctrl-C to stop.\n`,
      );
      await untilStopped();
      await server.close();
    });
}
