import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createEndpoint, createHeader } from '../../shared/model/workspace';
import type { Variable } from '../../shared/model/workspace';
import { curlCommand, MASKED_SECRET, shellQuote } from '../../shared/model/curl-command';

const variables: Variable[] = [
  { name: 'base', value: 'http://127.0.0.1:8080', secret: false },
  { name: 'token', value: 'sk-live-123', secret: true },
];

function chat() {
  const endpoint = createEndpoint({ name: 'Chat', url: '{{base}}/chat', method: 'POST' });
  endpoint.headers.push(
    createHeader('Authorization', 'Bearer {{token}}'),
    createHeader('X-Trace', "it's visible"),
    { name: 'X-Off', value: 'never sent', enabled: false, secret: false },
  );
  endpoint.body = { kind: 'json', text: '{"prompt": "hi", "key": "{{token}}"}', contentType: '' };
  return endpoint;
}

/** How a POSIX shell splits the command: the words curl would receive. */
function shellWords(command: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${command.slice('curl '.length)}`], {
    encoding: 'utf8',
  });
  return out.split('\n').slice(0, -1);
}

describe('copy as curl', () => {
  it('reproduces method, enabled headers, body and resolved URL as shell words', () => {
    const command = curlCommand(chat(), variables, { revealSecrets: true });
    expect(shellWords(command)).toEqual([
      '-N',
      '-X',
      'POST',
      '-H',
      'Authorization: Bearer sk-live-123',
      '-H',
      "X-Trace: it's visible",
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      '{"prompt": "hi", "key": "sk-live-123"}',
      '--connect-timeout',
      '30',
      'http://127.0.0.1:8080/chat',
    ]);
  });

  it('masks secret headers and secret variables wherever they appear unless asked', () => {
    const command = curlCommand(chat(), variables, { revealSecrets: false });
    expect(command).not.toContain('sk-live-123');
    expect(shellWords(command)).toContain(`Authorization: ${MASKED_SECRET}`);
    expect(command).toContain(`"key": "${MASKED_SECRET}"`);
  });

  it('masks proxy credentials and says --insecure when invalid certificates are allowed', () => {
    const endpoint = createEndpoint({ name: 'S', url: 'https://dev.local/s' });
    endpoint.tls.allowInvalidCertificates = true;
    endpoint.proxy = { mode: 'manual', url: 'http://ada:pw@proxy:3128' };
    const words = shellWords(curlCommand(endpoint, [], { revealSecrets: false }));
    expect(words).toContain('--insecure');
    expect(words).toContain(`http://${MASKED_SECRET}@proxy:3128`);
  });

  it('sends no body for GET and leaves unknown placeholders visible', () => {
    const endpoint = createEndpoint({ name: 'S', url: '{{nowhere}}/s' });
    endpoint.body = { kind: 'text', text: 'ignored', contentType: '' };
    const words = shellWords(curlCommand(endpoint, [], { revealSecrets: false }));
    expect(words).not.toContain('--data-raw');
    expect(words.at(-1)).toBe('{{nowhere}}/s');
  });

  it('quotes only words that need it', () => {
    expect(shellQuote('https://a.b/c')).toBe('https://a.b/c');
    expect(shellQuote("a'b c")).toBe("'a'\\''b c'");
  });
});
