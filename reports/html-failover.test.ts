import { describe, expect, test } from 'vitest';
import type { FailoverEvidence } from '../core/evidence.ts';
import { runResultFixture, XSS_BODY } from './fixtures/run-result.ts';
import { renderFailover } from './html-failover.ts';

const evidence: FailoverEvidence = {
  kind: 'failover',
  scenario: 'primary-outage',
  primary: 'notify-sim',
  secondary: 'notify-sim-secondary',
  countedAt: 'handsets',
  figures: { sent: 3, timeToSwitchMs: 74, lost: 0, duplicated: 0, timeToRecoverMs: null },
  faultWindow: { startMs: 100, endMs: 700 },
  timeline: [
    { atMs: 0, target: 'notify-sim', state: 'closed', reason: 'start' },
    { atMs: 190, target: 'notify-sim', state: 'open', reason: 'sends failing' },
    { atMs: 0, target: 'notify-sim-secondary', state: 'closed', reason: 'start' },
  ],
  routes: [
    {
      reference: 'ref-1',
      submittedAtMs: 10,
      state: 'delivered',
      attempts: ['notify-sim:accepted'],
      holder: 'notify-sim',
      handsetCount: 1,
    },
    {
      reference: XSS_BODY,
      submittedAtMs: 150,
      state: 'delivered',
      attempts: ['notify-sim:not-accepted', 'notify-sim-secondary:accepted'],
      holder: 'notify-sim-secondary',
      handsetCount: 1,
    },
  ],
};

function runWith(items: readonly FailoverEvidence[]) {
  const run = runResultFixture();
  const [first, ...rest] = run.checks;
  if (!first) throw new Error('the fixture has no check');
  return { ...run, checks: [{ ...first, evidence: [...first.evidence, ...items] }, ...rest] };
}

describe('the failover section of the report', () => {
  test('is absent from a run without failover evidence', () => {
    expect(renderFailover(runResultFixture()).value).toBe('');
  });

  test('shows the figures, the breaker timeline and every route, escaped', () => {
    const page = renderFailover(runWith([evidence])).value;

    expect(page).toContain('id="failover"');
    expect(page).toMatch(/Time to switch<\/th>\s*<td>74 ms/);
    expect(page).toMatch(/Time to recover<\/th>\s*<td>never/);
    expect(page).toMatch(/<svg\s+role="img"/);
    expect(page).toMatch(/notify-sim: open\s+from 190 ms \(sends failing\)/);
    expect(page).toContain('notify-sim:not-accepted → notify-sim-secondary:accepted');
    expect(page).toContain('Route of each message (2)');
    expect(page).not.toContain(XSS_BODY);
    expect(page).toContain('&lt;script&gt;');
  });
});
