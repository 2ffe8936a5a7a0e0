import { expect, test } from 'vitest';
import type { EvidenceKind } from './requirements.ts';
import { attestedVerdict, verdictOf, type Coverage, type Verdict } from './verdict.ts';

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

test.each<[string, Verdict, EvidenceKind, boolean, Verdict]>([
  ['attested only, accepted', 'not-evidenced', 'attested', true, 'pass'],
  ['attested only, not accepted', 'not-evidenced', 'attested', false, 'not-evidenced'],
  ['untested, accepted', 'not-evidenced', 'tested+attested', true, 'partial'],
  ['untested, not accepted', 'not-evidenced', 'tested+attested', false, 'not-evidenced'],
  ['tested and passed, accepted', 'pass', 'tested+attested', true, 'pass'],
  ['tested partly, accepted', 'partial', 'tested+attested', true, 'partial'],
  ['tested and failed, accepted', 'fail', 'tested+attested', true, 'fail'],
  ['a harness error, accepted', 'error', 'tested+attested', true, 'error'],
  ['not applicable, accepted', 'not-applicable', 'tested+attested', true, 'not-applicable'],
  ['a failure of an attested-only one, accepted', 'fail', 'attested', true, 'fail'],
  ['tested only, accepted', 'not-evidenced', 'tested', true, 'not-evidenced'],
])('%s: %s stays or becomes the right verdict', (_, tested, kind, accepted, verdict) => {
  expect(attestedVerdict(tested, kind, accepted)).toBe(verdict);
});
