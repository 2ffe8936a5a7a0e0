import { expect, test } from 'vitest';
import type { HandsetText } from './handsets.ts';
import { threadsOf } from './threads.ts';

function text(from: string, receivedAt: string): HandsetText {
  const fields = { encoding: 'GSM-7', fragments: 1, status: 'delivered' } as const;
  return { id: `${from}-${receivedAt}`, from, body: 'x', receivedAt, ...fields };
}

test('one thread per sender, numbers matched whatever their spelling, latest thread first', () => {
  const threads = threadsOf({
    number: '+447700900901',
    messages: [
      text('07700900500', '2026-01-01T10:00:00.000Z'),
      text('ASSURE', '2026-01-01T10:01:00.000Z'),
      text('ASSURE2', '2026-01-01T10:02:00.000Z'),
    ],
    replies: [{ id: 'r', to: '+44 7700 900500', body: 'YES', sentAt: '2026-01-01T10:03:00.000Z' }],
  });

  expect(threads.map((t) => [t.from, t.entries.map((e) => e.kind)])).toEqual([
    ['07700900500', ['received', 'sent']],
    ['ASSURE2', ['received']],
    ['ASSURE', ['received']],
  ]);
});
