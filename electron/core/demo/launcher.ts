import type { DemoServer } from './server';
import { createDemoServer } from './server';

export interface DemoLauncher {
  /** Starts the demo server on a free loopback port on first use; returns its base URL. */
  start(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The built-in demo server, in-process and on demand: the app shows live events within seconds
 * of the first start without a server of the user's own. Concurrent first calls
 * share one server.
 */
export function createDemoLauncher(): DemoLauncher {
  let starting: Promise<DemoServer> | null = null;
  return {
    async start() {
      starting ??= createDemoServer({ port: 0, host: '127.0.0.1', cors: false });
      try {
        return (await starting).url;
      } catch (error) {
        starting = null;
        throw error;
      }
    },
    async close() {
      const server = await starting?.catch(() => null);
      starting = null;
      await server?.close();
    },
  };
}
