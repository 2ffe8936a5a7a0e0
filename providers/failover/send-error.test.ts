import { TaskCancelledError } from 'cockatiel';
import { describe, expect, test } from 'vitest';
import { ProviderResponseError, TransportError } from '../../core/errors.ts';
import { submitRefusal } from '../smpp/submit-refusal.ts';
import { InjectedFaultError } from './client-faults.ts';
import { DeliveryHealth } from './delivery-health.ts';
import { classifySendError } from './send-error.ts';

describe('what a failed send says about the message', () => {
  test.each([
    ['a 429', new ProviderResponseError('throttled', 'send: HTTP 429'), 'not-accepted'],
    ['a 5xx', new ProviderResponseError('server_error', 'send: HTTP 503'), 'not-accepted'],
    ['a 400', new ProviderResponseError('request_rejected', 'send: HTTP 400'), 'rejected'],
    ['an unreadable 201', new ProviderResponseError('response_not_json', 'send'), 'in-doubt'],
    ['a gateway 502', new TransportError('send: HTTP 502 from a gateway: x'), 'not-accepted'],
    [
      'a refused connection',
      new TransportError('failed', { cause: new InjectedFaultError('ECONNREFUSED') }),
      'not-accepted',
    ],
    [
      'a connection closed after sending',
      new TransportError('failed', { cause: new InjectedFaultError('UND_ERR_SOCKET') }),
      'in-doubt',
    ],
    ['a timeout', new TaskCancelledError(), 'in-doubt'],
    ['ESME_RSYSERR', submitRefusal(0x08), 'not-accepted'],
    ['ESME_RTHROTTLED', submitRefusal(0x58), 'not-accepted'],
    ['ESME_RINVDSTADR', submitRefusal(0x0b), 'rejected'],
  ])('%s: %s', (_what, error, expected) => {
    expect(classifySendError(error)).toBe(expected);
  });
});

describe('health by delivery time', () => {
  const policy = { thresholdMs: 100, maxSlowShare: 0.3, window: 4, minSamples: 2 };

  test('judges nothing until enough messages are fast or slow', () => {
    const health = new DeliveryHealth(policy);
    health.accepted('a', 0);
    health.accepted('b', 0);

    expect(health.slowShare(50)).toBeUndefined();
    expect(health.slowShare(150)).toBe(1);
    expect(health.isSlow(150)).toBe(true);
  });

  test('counts delivered-late and given-up messages as slow, fast ones as healthy', () => {
    const health = new DeliveryHealth(policy);
    for (const key of ['a', 'b', 'c']) health.accepted(key, 0);
    health.delivered('a', 20);
    health.delivered('b', 30);
    health.failed('c');

    expect(health.slowShare(40)).toBeCloseTo(1 / 3);
    expect(health.isSlow(40)).toBe(true);
    health.reset();
    expect(health.slowShare(40)).toBeUndefined();
  });

  test('does not judge a message whose target cannot be asked', () => {
    const health = new DeliveryHealth(policy);
    for (const key of ['a', 'b']) health.accepted(key, 0);
    health.unseen('a');
    health.unseen('b');

    expect(health.slowShare(500)).toBeUndefined();
    health.seen('a');
    health.seen('b');
    expect(health.slowShare(500)).toBe(1);
  });

  test('keeps only the most recent messages', () => {
    const health = new DeliveryHealth(policy);
    health.accepted('old', 0);
    for (const key of ['a', 'b', 'c', 'd']) {
      health.accepted(key, 1_000);
      health.delivered(key, 1_010);
    }

    expect(health.slowShare(5_000)).toBe(0);
  });
});
