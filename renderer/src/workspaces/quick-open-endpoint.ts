import type { FeedOpenRequest } from '../../../shared/api/feeds';
import type { RetryPolicy } from '../../../shared/model/retry-policy';
import type { Endpoint } from '../../../shared/model/workspace';
import { createEndpoint } from '../../../shared/model/workspace-defaults';

/**
 * Quick open's "Save as endpoint": the request as a saved endpoint. A body that parses as JSON
 * is saved as JSON (validated and pretty-printable in the editor), anything else as text.
 */
export function endpointFromQuickOpen(
  request: FeedOpenRequest,
  defaultRetry?: RetryPolicy,
): Endpoint {
  const endpoint = createEndpoint({
    name: request.name,
    url: request.url,
    method: request.method ?? 'GET',
  });
  endpoint.headers = (request.headers ?? []).map((h) => ({
    name: h.name,
    value: h.value,
    enabled: true,
    secret: h.secret ?? false,
  }));
  const body = request.body ?? null;
  if (body !== null && body !== '') {
    endpoint.body = { kind: parsesAsJson(body) ? 'json' : 'text', text: body, contentType: '' };
  }
  if (defaultRetry) {
    endpoint.retry = {
      ...defaultRetry,
      reconnectOnEnd: endpoint.method === 'GET' && defaultRetry.reconnectOnEnd,
    };
  }
  return endpoint;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
