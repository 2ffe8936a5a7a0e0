import { expect, test } from 'vitest';
import type { CheckRecord } from '../core/check-record.ts';
import { orderChecks } from './order-checks.ts';

function check(suite: string, id: string): CheckRecord {
  return {
    id: `${suite}/${id}`,
    title: id,
    suite,
    target: 'sim',
    covers: [],
    outcome: 'pass',
    findings: [],
    evidence: [],
    durationMs: 1,
  };
}

test('checks follow the suite list, keeping the order each suite ran them in', () => {
  const finished = [
    check('smoke', 'b'),
    check('send', 'x'),
    check('other', 'z'),
    check('smoke', 'a'),
    check('send', 'y'),
  ];

  expect(orderChecks(finished, ['send', 'smoke']).map((c) => c.id)).toEqual([
    'send/x',
    'send/y',
    'smoke/b',
    'smoke/a',
    'other/z',
  ]);
});
