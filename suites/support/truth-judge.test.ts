import { describe, expect, test } from 'vitest';
import type { MessageState, NormalisedStatus } from '../../providers/contract.ts';
import { judgeTruth, type TruthContext } from './truth-judge.ts';
import { probeBody } from './truth-probes.ts';
import type { WatchedProbe } from './truth-watch.ts';

const CONTEXT: TruthContext = {
  observer: 'test handsets',
  freshNumbers: true,
  senderExpected: 'ASSURE',
  arrivalGraceMs: 600,
  redact: (text) => text,
};

let next = 0;

/** A probe as the watch left it: its final status, and what arrived, if anything. */
function watched(
  status: NormalisedStatus | undefined,
  arrived: { from?: string; text?: string } | undefined,
  options: { to?: string; group?: 'sample' | 'follow-up'; graceRanOut?: boolean } = {},
): WatchedProbe {
  next += 1;
  const token = `tok${String(next).padStart(9, '0')}`;
  const body = probeBody(token, false);
  const final: MessageState | undefined = status && {
    id: `msg-${next}`,
    status,
    providerStatus: status,
    completedAt: new Date(1_000_000 + 2_000).toISOString(),
  };
  return {
    probe: {
      token,
      body,
      to: options.to ?? `+4477009006${String(next).padStart(2, '0')}`,
      group: options.group ?? 'sample',
      messageId: `msg-${next}`,
      sentAt: 1_000_000,
    },
    ...(final ? { final, finalAt: 1_000_000 + 2_100 } : {}),
    ...(arrived
      ? {
          observed: {
            from: arrived.from ?? 'ASSURE',
            text: arrived.text ?? body,
            arrivedAt: 1_000_000 + 1_900,
          },
        }
      : {}),
    graceRanOut: options.graceRanOut ?? true,
  };
}

const codes = (probes: WatchedProbe[]) => judgeTruth(probes, CONTEXT).findings.map((f) => f.code);

describe('judgeTruth', () => {
  test('delivered and arrived intact, from the configured sender: nothing to find', () => {
    const judgement = judgeTruth([watched('delivered', {}), watched('delivered', {})], CONTEXT);

    expect(judgement.findings).toEqual([]);
    expect(judgement.evidence.probes.map((p) => p.verdict)).toEqual(['true', 'true']);
    expect(judgement.evidence.probes[0]).toMatchObject({
      receiptDelayMs: 2000,
      arrivalDelayMs: 1900,
    });
    expect(judgement.evidence.fakeReceipts).toMatchObject({ fakes: 0, judged: 2 });
  });

  test('delivered but never seen after the grace period is a fake receipt (RCPT-01)', () => {
    const judgement = judgeTruth(
      [watched('delivered', undefined), watched('delivered', {})],
      CONTEXT,
    );

    expect(judgement.findings.map((f) => [f.code, f.requirement])).toEqual([
      ['fake_receipt', 'RCPT-01'],
    ]);
    expect(judgement.evidence.fakeReceipts).toMatchObject({ fakes: 1, judged: 2, share: 0.5 });
  });

  test('not seen before the grace period ran out is not seen yet, never a fake', () => {
    const judgement = judgeTruth(
      [watched('delivered', undefined, { graceRanOut: false }), watched('delivered', {})],
      CONTEXT,
    );

    expect(judgement.findings).toEqual([]);
    expect(judgement.evidence.probes[0]?.verdict).toBe('not-seen-yet');
    expect(judgement.evidence.fakeReceipts).toMatchObject({ fakes: 0, judged: 1 });
  });

  test('failed but arrived is a false failure (RCPT-01); failed and unseen is true', () => {
    const judgement = judgeTruth(
      [watched('permanent-failure', {}), watched('temporary-failure', undefined)],
      CONTEXT,
    );

    expect(codes([watched('permanent-failure', {})])).toEqual(['false_failure']);
    expect(judgement.evidence.probes.map((p) => p.verdict)).toEqual(['false-failure', 'true']);
  });

  test('no final status by the deadline judges no receipt', () => {
    const judgement = judgeTruth([watched(undefined, {})], CONTEXT);

    expect(judgement.evidence.probes[0]?.verdict).toBe('no-receipt');
    expect(judgement.unjudged.map((u) => u.requirement)).toContain('RCPT-01');
  });

  test('another sender on a first text replaces the sender (SID-01)', () => {
    expect(codes([watched('delivered', { from: '+447700900777' })])).toEqual(['sender_replaced']);
  });

  test('a second text from another sender splits the thread (SID-02), not SID-01', () => {
    const first = watched('delivered', {}, { to: '+447700900650' });
    const second = watched(
      'delivered',
      { from: 'ASSURE2' },
      {
        to: '+447700900650',
        group: 'follow-up',
      },
    );
    expect(codes([first, second])).toEqual(['thread_split']);
  });

  test('a text that arrived altered is a CONT-01 finding per kind of change', () => {
    const altered = watched('delivered', { text: 'tok cut short' });
    const judgement = judgeTruth([altered], CONTEXT);

    expect(judgement.findings.every((f) => f.requirement === 'CONT-01')).toBe(true);
    expect(judgement.findings.map((f) => f.code)).toContain('text_truncated');
    expect(judgement.evidence.probes[0]?.textIntact).toBe(false);
  });

  test('a second text arriving where the first was faked marks a route sparing known ones', () => {
    const first = watched('delivered', undefined, { to: '+447700900660' });
    const second = watched('delivered', {}, { to: '+447700900660', group: 'follow-up' });
    expect(judgeTruth([first, second], CONTEXT).notes[0]).toMatch(/seen them/);
  });
});
