import type { FeedOpenRequest } from '../../../shared/api/feeds';
import { isSecretHeaderName, parseHeaderArg } from '../../../shared/model/headers';

export interface RequestFormFields {
  name: string;
  url: string;
  method: string;
  /** One `Name: value` per line, as in curl's -H. */
  headers: string;
  body: string;
}

export type FormResult = { ok: true; request: FeedOpenRequest } | { ok: false; message: string };

/** Turns what the user typed into a feed request, or says which line is wrong. */
export function requestFromForm(fields: RequestFormFields): FormResult {
  const url = fields.url.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: 'Enter a full URL, e.g. http://127.0.0.1:8844/stream' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, message: 'Only http:// and https:// URLs can be streamed.' };
  }
  const headers: NonNullable<FeedOpenRequest['headers']> = [];
  const lines = fields.headers.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const header = parseHeaderArg(line);
    if (!header.ok) return { ok: false, message: `Header line ${index + 1}: ${header.message}` };
    headers.push({
      name: header.header.name,
      value: header.header.value,
      secret: isSecretHeaderName(header.header.name),
    });
  }
  const method = fields.method.trim() || 'GET';
  const body = fields.body === '' ? null : fields.body;
  const name =
    fields.name.trim() || `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  return { ok: true, request: { name, url, method, headers, body } };
}
