import { expect, test } from 'vitest';
import { combineParts, type PartReport } from './parts.ts';

const part = (n: number, status: PartReport['status'], providerStatus: string): PartReport => ({
  part: n,
  of: 2,
  status,
  final: status !== 'sending',
  providerStatus,
});

test('a failed part sticks, with its error, even when a later part is delivered (BR-23)', () => {
  const combined = combineParts([
    part(1, 'temporary-failure', 'UNDELIV err:030'),
    part(2, 'delivered', 'DELIVRD err:000'),
  ]);

  expect(combined).toEqual({
    status: 'temporary-failure',
    final: true,
    providerStatus: 'UNDELIV err:030 (part 1 of 2); DELIVRD err:000 (part 2 of 2)',
  });
});

test('delivered only once every part is', () => {
  const one = combineParts([part(1, 'delivered', 'DELIVRD'), part(2, 'sending', 'ENROUTE')]);
  expect([one.status, one.final]).toEqual(['sending', false]);

  const both = combineParts([part(1, 'delivered', 'DELIVRD'), part(2, 'delivered', 'DELIVRD')]);
  expect([both.status, both.final]).toEqual(['delivered', true]);
});

test('a permanent failure outranks a temporary one', () => {
  const combined = combineParts([
    part(1, 'temporary-failure', 'UNDELIV err:027'),
    part(2, 'permanent-failure', 'UNDELIV err:001'),
  ]);
  expect(combined.status).toBe('permanent-failure');
});

test('a single part says no part number', () => {
  const single = combineParts([{ ...part(1, 'delivered', 'DELIVRD err:000'), of: 1 }]);
  expect(single.providerStatus).toBe('DELIVRD err:000');
});
