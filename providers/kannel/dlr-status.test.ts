import { expect, test } from 'vitest';
import { coveredPart } from './covered-part.ts';
import { dlrOutcome } from './dlr-status.ts';

const RECEIPT = 'id:3E9 sub:001 dlvrd:000 submit date:2612041527 done date:2612041527';

test.each([
  [1, `${RECEIPT} stat:DELIVRD err:000 text:hello`, 'delivered', true],
  [2, `${RECEIPT} stat:UNDELIV err:001 text:hello`, 'permanent-failure', true],
  [2, `${RECEIPT} stat:UNDELIV err:027 text:hello`, 'temporary-failure', true],
  [2, `${RECEIPT} stat:EXPIRED err:000 text:hello`, 'temporary-failure', true],
  // Kannel's "not delivered" wins over a text claiming delivery; no text at all is permanent.
  [2, `${RECEIPT} stat:DELIVRD err:000 text:hello`, 'permanent-failure', true],
  [2, '', 'permanent-failure', true],
  [8, 'ACK/', 'sending', false],
  [4, '', 'sending', false],
  [16, 'NACK/0x00000045/Submit failed', 'technical-failure', true],
])('report %i with %j is %s', (type, answer, status, final) => {
  expect(dlrOutcome(type, answer)).toMatchObject({ status, final });
});

test('the provider status keeps the SMSC’s words', () => {
  expect(dlrOutcome(2, `${RECEIPT} stat:UNDELIV err:027 text:x`).providerStatus).toBe(
    'kannel 2: UNDELIV err:027',
  );
  expect(dlrOutcome(8, 'ACK/').providerStatus).toBe('kannel 8: ACK/');
});

test('the receipt’s text excerpt tells which part it covers', () => {
  const parts = ['First part aaaa', 'Second part bbb'];
  expect(coveredPart('First part aa', parts)).toBe(1);
  expect(coveredPart('Second.part', parts)).toBe(2);
  expect(coveredPart('Third', parts)).toBeUndefined();
  expect(coveredPart('', parts)).toBeUndefined();
  expect(coveredPart('aaa', ['aaaa', 'aaab'])).toBeUndefined();
});
