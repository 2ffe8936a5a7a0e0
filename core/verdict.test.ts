import { expect, test } from 'vitest';
import { verdictOf, type Coverage } from './verdict.ts';

const full = (outcome: Coverage['outcome']): Coverage => ({ outcome, scope: 'full' });
const partial = (outcome: Coverage['outcome']): Coverage => ({ outcome, scope: 'partial' });

test.each<[string, Coverage[], string]>([
  ['no check at all', [], 'not-evidenced'],
  ['only skipped checks', [full('skipped')], 'not-evidenced'],
  ['one full pass', [full('pass')], 'pass'],
  ['only partial passes', [partial('pass'), partial('pass')], 'partial'],
  ['a partial and a full pass', [partial('pass'), full('pass')], 'pass'],
  ['a fail among passes', [full('pass'), partial('fail')], 'fail'],
  ['an error among passes', [full('pass'), full('error')], 'error'],
  ['a fail beats an error', [full('error'), full('fail')], 'fail'],
  ['only not-applicable', [full('not-applicable')], 'not-applicable'],
  ['a pass beside not-applicable', [full('not-applicable'), full('pass')], 'pass'],
])('%s gives %s', (_, coverage, verdict) => {
  expect(verdictOf(coverage)).toBe(verdict);
});
