import { describe, expect, test } from 'vitest';
import { Router, type RouteHandler } from './router.ts';

const handler: RouteHandler = () => ({ status: 200 });

describe('Router', () => {
  const router = new Router()
    .add('GET', '/v2/notifications', handler)
    .add('GET', '/v2/notifications/:id', handler)
    .add('POST', '/v2/notifications/sms', handler);

  test('finds static routes before patterns', () => {
    expect(router.match('POST', '/v2/notifications/sms')).toMatchObject({
      kind: 'found',
      params: {},
    });
  });

  test('decodes pattern parameters', () => {
    expect(router.match('GET', '/v2/notifications/%2B44')).toMatchObject({
      kind: 'found',
      params: { id: '+44' },
    });
  });

  test('tells a wrong method from an unknown path', () => {
    expect(router.match('DELETE', '/v2/notifications').kind).toBe('wrong-method');
    expect(router.match('GET', '/v2/notifications/sms').kind).toBe('found');
    expect(router.match('PUT', '/v2/notifications/abc').kind).toBe('wrong-method');
    expect(router.match('GET', '/v2/templates').kind).toBe('none');
    expect(router.match('GET', '/v2/notifications/').kind).toBe('none');
  });
});
