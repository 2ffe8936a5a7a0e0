import { expect, test } from 'vitest';
import { KeywordRouter } from './keyword-router.ts';

const router = new KeywordRouter({ BIN: 'waste-service', park: 'parking-service' });

test.each([
  ['BIN collection missed', 'waste-service'],
  ['bin: collection missed', 'waste-service'],
  ['  Park permit please', 'parking-service'],
  ['PARK', 'parking-service'],
])('"%s" goes to %s', (text, service) => {
  expect(router.route({ text })).toMatchObject({ routed: true, service });
});

test.each([['hello'], [''], ['binocular'], ['my BIN was missed']])(
  '"%s" names no service and gets the defined answer',
  (text) => {
    expect(router.route({ text })).toEqual({
      routed: false,
      answer: 'Sorry, we did not recognise that. Start your reply with one of: BIN, PARK.',
    });
  },
);
