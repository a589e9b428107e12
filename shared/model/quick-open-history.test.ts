import { describe, expect, it } from 'vitest';
import type { RecentRequest } from './quick-open-history';
import { QUICK_OPEN_HISTORY_MAX, rememberRequest } from './quick-open-history';

const request = (n: number, headers = ''): RecentRequest => ({
  name: `r${n}`,
  url: `http://127.0.0.1/${n}`,
  method: 'GET',
  headers,
  body: '',
});

describe('quick open history', () => {
  it('blanks secret header values and keeps the others', () => {
    const [first] = rememberRequest(
      [],
      request(1, 'Authorization: Bearer sk-1\nAccept: text/event-stream\nX-Api-Key: k'),
    );
    expect(first?.headers).toBe('Authorization: \nAccept: text/event-stream\nX-Api-Key: ');
  });

  it(`keeps the newest ${QUICK_OPEN_HISTORY_MAX}, moving a repeated request to the front`, () => {
    let history: RecentRequest[] = [];
    for (let n = 1; n <= 25; n++) history = rememberRequest(history, request(n));
    expect(history).toHaveLength(QUICK_OPEN_HISTORY_MAX);
    expect(history[0]?.name).toBe('r25');
    history = rememberRequest(history, { ...request(10), name: 'again' });
    expect(history[0]?.name).toBe('again');
    expect(history.filter((r) => r.url.endsWith('/10'))).toHaveLength(1);
  });
});
