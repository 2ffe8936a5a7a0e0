import { describe, expect, test } from 'vitest';
import type { FailoverEvidence, Finding } from '../../../core/evidence.ts';
import type { MessageRoute } from '../../../providers/failover/index.ts';
import { scenarioFigures } from './figures.ts';
import { judgeScenario } from './judge-scenario.ts';

const CLOCK = { startedAt: 0, faultStart: 1_000, faultEnd: 2_000 };
const NAMES = { primary: 'primary', secondary: 'secondary' };

/** A message submitted at `at`, taken by each of `takers` in turn (target@ms). */
function route(at: number, ...takers: string[]): MessageRoute {
  return {
    reference: `ref-${at}`,
    to: '07700900452',
    body: `failover ${at}`,
    submittedAt: at,
    state: 'delivered',
    attempts: takers.map((t) => {
      const [target = '', when = '0'] = t.split('@');
      return { target, outcome: 'accepted', at: Number(when) };
    }),
    gaveUp: new Set(),
  };
}

const ROUTES = [
  route(0, 'primary@10'),
  route(1_100, 'secondary@1150'),
  route(2_100, 'primary@2300'),
];

/** The codes a scenario's figures are judged to, with what the handsets counted. */
function judged(
  counts: readonly number[] | undefined,
  routes: readonly MessageRoute[] = ROUTES,
  secondary = true,
): string[] {
  const figures = scenarioFigures(routes, CLOCK, NAMES, counts);
  const evidence: FailoverEvidence = {
    kind: 'failover',
    scenario: 'primary-outage',
    primary: 'primary',
    ...(secondary ? { secondary: 'secondary' } : {}),
    countedAt: counts ? 'handsets' : 'sender',
    figures,
    faultWindow: { startMs: 1_000, endMs: 2_000 },
    timeline: [],
    routes: [],
  };
  const findings: Finding[] = [];
  judgeScenario({ note: () => undefined, finding: (f) => findings.push(f) }, evidence);
  return findings.map((f) => `${f.requirement}:${f.code}`);
}

describe('a failover scenario judged by its figures', () => {
  test('switch, recovery and each message once at the handset: no finding', () => {
    expect(scenarioFigures(ROUTES, CLOCK, NAMES, [1, 1, 1])).toEqual({
      sent: 3,
      timeToSwitchMs: 150,
      lost: 0,
      duplicated: 0,
      timeToRecoverMs: 300,
    });
    expect(judged([1, 1, 1])).toEqual([]);
  });

  test('a message on the handset twice fails AGG-03 as duplicated', () => {
    expect(judged([1, 2, 1])).toEqual(['AGG-03:messages_duplicated']);
  });

  test('a message never on the handset fails AGG-03 as lost', () => {
    expect(judged([1, 0, 1])).toEqual(['AGG-03:messages_lost']);
  });

  test('counted by the sender where handsets cannot be seen: undelivered is lost', () => {
    const undelivered = ROUTES.map((r, i) => ({ ...r, state: i === 2 ? 'abandoned' : r.state }));
    const figures = scenarioFigures(undelivered as MessageRoute[], CLOCK, NAMES, undefined);

    expect(figures).toMatchObject({ lost: 1, duplicated: 0 });
  });

  test('no message to a secondary during the fault fails AGG-03 as no failover', () => {
    const stayed = [route(0, 'primary@10'), route(1_100, 'primary@1150')];

    expect(scenarioFigures(stayed, CLOCK, NAMES, [1, 1])).toMatchObject({
      timeToSwitchMs: null,
      timeToRecoverMs: null,
    });
    expect(judged([1, 1], stayed)).toEqual(['AGG-03:no_failover']);
    expect(judged([1, 1], stayed, false)).toEqual(['AGG-03:no_failover']);
  });
});
