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

/** What is wrong with the form, by code: the page words it (workspaces.quickOpen.errors). */
export type FormProblem =
  | { code: 'malformed-url' }
  | { code: 'not-http' }
  /** `line` is 1-based; the line itself is never repeated, it may hold a secret. */
  | { code: 'header'; line: number };

export type FormResult =
  { ok: true; request: FeedOpenRequest } | { ok: false; problem: FormProblem };

/** Turns what the user typed into a feed request, or says which line is wrong. */
export function requestFromForm(fields: RequestFormFields): FormResult {
  const url = fields.url.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: { code: 'malformed-url' } };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, problem: { code: 'not-http' } };
  }
  const headers: NonNullable<FeedOpenRequest['headers']> = [];
  const lines = fields.headers.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const header = parseHeaderArg(line);
    if (!header.ok) return { ok: false, problem: { code: 'header', line: index + 1 } };
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
