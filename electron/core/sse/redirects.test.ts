import { describe, expect, it } from 'vitest';
import { planRedirect } from './redirects';
import type { SseRequest } from './request';

const post: SseRequest = {
  url: 'https://a.test/start',
  method: 'POST',
  headers: [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Authorization', value: 'Bearer t' },
    { name: 'Cookie', value: 'c=1' },
    { name: 'Proxy-Authorization', value: 'Basic p' },
    { name: 'x-api-key', value: 'k1' },
    { name: 'Api-Key', value: 'k2' },
    { name: 'X-Tenant', value: 'secret-tenant', secret: true },
    { name: 'X-Trace', value: 'keep' },
  ],
  body: '{"q":1}',
};

function follow(request: SseRequest, status: number, location: string | null, count = 0) {
  const plan = planRedirect(request, status, location, count, 20);
  if (plan.type !== 'follow') throw new Error(`refused: ${plan.message}`);
  return plan;
}

describe('planRedirect', () => {
  it('keeps every header, the method and the body on a same-origin 307', () => {
    const plan = follow(post, 307, '/next');
    expect(plan.request).toEqual({ ...post, url: 'https://a.test/next' });
    expect(plan.info.methodChanged).toBe(false);
    expect(plan.info.crossOrigin).toBe(false);
  });

  it('drops secret and credential headers on a cross-origin redirect', () => {
    const plan = follow(post, 308, 'https://b.test/next');
    expect(plan.request.headers.map((h) => h.name)).toEqual(['Content-Type', 'X-Trace']);
    expect(plan.info.droppedHeaders).toEqual([
      'Authorization',
      'Cookie',
      'Proxy-Authorization',
      'x-api-key',
      'Api-Key',
      'X-Tenant',
    ]);
    expect(plan.request.body).toBe('{"q":1}');
  });

  it('treats another port of the same host as another origin', () => {
    expect(follow(post, 307, 'https://a.test:8443/x').info.crossOrigin).toBe(true);
  });

  it.each([301, 302, 303])(
    'turns a POST into a GET without body on %i and reports it',
    (status) => {
      const plan = follow(post, status, '/next');
      expect(plan.request.method).toBe('GET');
      expect(plan.request.body).toBeNull();
      expect(plan.info).toMatchObject({
        methodChanged: true,
        previousMethod: 'POST',
        method: 'GET',
      });
      expect(plan.request.headers.some((h) => h.name === 'Content-Type')).toBe(false);
    },
  );

  it('keeps a PUT on a 301 but turns it into a GET on a 303', () => {
    const put = { ...post, method: 'PUT' };
    expect(follow(put, 301, '/n').request.method).toBe('PUT');
    expect(follow(put, 303, '/n').request.method).toBe('GET');
  });

  it('refuses https → http', () => {
    const plan = planRedirect(post, 302, 'http://a.test/plain', 0, 20);
    expect(plan).toMatchObject({ type: 'refuse', code: 'bad-redirect' });
    expect(plan.type === 'refuse' && plan.message).toMatch(/https → http/);
  });

  it('refuses a redirect past the limit', () => {
    expect(planRedirect(post, 302, '/again', 20, 20)).toMatchObject({
      type: 'refuse',
      code: 'too-many-redirects',
    });
  });

  it.each<[string | null, RegExp]>([
    [null, /no Location/],
    ['http://[bad', /invalid Location/],
    ['javascript:alert(1)', /non-HTTP/],
  ])('refuses the Location %j', (location, message) => {
    const plan = planRedirect({ ...post, url: 'http://a.test/' }, 302, location, 0, 20);
    expect(plan.type === 'refuse' && plan.message).toMatch(message);
  });

  it('does not restore headers when a chain comes back to the first origin', () => {
    const away = follow(post, 307, 'https://b.test/x');
    const back = follow(away.request, 307, 'https://a.test/y', 1);
    expect(back.request.headers.some((h) => h.name === 'Authorization')).toBe(false);
  });
});
