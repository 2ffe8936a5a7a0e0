import { describe, expect, test } from 'vitest';
import type { MessageState } from '../contract.ts';
import { wholeMessage } from './whole-message.ts';

const price = { segments: 1, perSegment: 0.04, multiplier: 1, total: 0.04 };

function part(id: string, status: MessageState['status'], billed = true): MessageState {
  return { id, status, providerStatus: status, ...(billed ? { price } : {}) };
}

describe('a text Vonage sent as one message per part', () => {
  test('is delivered once every part is, billed the parts summed', () => {
    const state = wholeMessage('p1', [part('p1', 'delivered'), part('p2', 'delivered')]);

    expect(state).toMatchObject({ id: 'p1', status: 'delivered' });
    expect(state?.price).toEqual({ segments: 2, perSegment: 0.04, multiplier: 1, total: 0.08 });
  });

  test('is still on its way while a part has no receipt, with no price yet', () => {
    const state = wholeMessage('p1', [part('p1', 'delivered'), undefined]);

    expect(state?.status).toBe('accepted');
    expect(state?.price).toBeUndefined();
    expect(state?.providerStatus).toContain('no receipt yet (part 2 of 2)');
  });

  test('has failed when any part failed, whatever the others say', () => {
    const state = wholeMessage('p1', [part('p1', 'delivered'), part('p2', 'permanent-failure')]);

    expect(state?.status).toBe('permanent-failure');
  });

  test('is unknown while no part has a receipt', () => {
    expect(wholeMessage('p1', [undefined, undefined])).toBeUndefined();
  });
});
