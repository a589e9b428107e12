import { effectiveVariables } from '../../shared/model/environments';
import { resolveEndpointRequest } from '../../shared/model/variables';
import { defaultDataDir } from '../core/app-info';
import { createDemoServer, type DemoServer } from '../core/demo/server';
import type { TransportOptions } from '../core/sse/transport';
import { DEMO_URL_VARIABLE, usesDemoServer } from '../core/workspaces/demo-workspace';
import {
  buildEndpointWatchConfig,
  UsageError,
  type WatchConfig,
  type WatchEnvironment,
  type WatchFlags,
} from './watch-config';
import { findEndpoint, findWorkspace } from './workspace-source';

/** A saved endpoint: variables resolved, the built-in demo server started when it uses it. */
export async function savedConfig(
  url: string | undefined,
  flags: WatchFlags,
  env: WatchEnvironment,
  demo: { server: DemoServer | null },
): Promise<{ config: WatchConfig; transport: TransportOptions }> {
  if (url !== undefined) throw new UsageError('give either a URL or --workspace, not both');
  if (flags.endpoint === undefined)
    throw new UsageError('--workspace needs --endpoint <name or id>');
  const found = await findWorkspace(flags.workspace!, flags.dataDir ?? defaultDataDir());
  const endpoint = findEndpoint(found.workspace, flags.endpoint);
  // The workspace's variables overridden by its active environment, as in the app.
  let variables = effectiveVariables(found.workspace);
  if (usesDemoServer(endpoint)) {
    demo.server = await createDemoServer({ port: 0 });
    variables = [...variables, { name: DEMO_URL_VARIABLE, value: demo.server.url, secret: false }];
  }
  const resolved = resolveEndpointRequest(endpoint, variables);
  if (!resolved.ok) throw new UsageError(`endpoint "${endpoint.name}": ${resolved.error.message}`);
  return {
    config: buildEndpointWatchConfig(resolved.request, endpoint, flags, env),
    transport: { tls: endpoint.tls, proxy: endpoint.proxy },
  };
}
