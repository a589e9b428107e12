import { reactive } from 'vue';

/**
 * Which live feed this page opened for which saved endpoint, so the endpoint list can show a
 * state dot. Feed summaries carry no endpoint reference, so the list remembers what it opened.
 */
const feedOfEndpoint = reactive(new Map<string, string>());

const key = (workspaceId: string, endpointId: string) => `${workspaceId}/${endpointId}`;

export function rememberFeed(workspaceId: string, endpointId: string, feedId: string): void {
  feedOfEndpoint.set(key(workspaceId, endpointId), feedId);
}

export function feedFor(workspaceId: string, endpointId: string): string | undefined {
  return feedOfEndpoint.get(key(workspaceId, endpointId));
}
