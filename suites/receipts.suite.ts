import type { NormalisedStatus } from '../providers/contract.ts';
import { awaitCallbacks } from './support/await-callback.ts';
import { findUnauthenticated } from './support/callback-findings.ts';
import { awaitFinalStatus } from './support/await-status.ts';
import { check, forEachTarget } from './support/check.ts';
import { requireReceipts } from './support/require-receipts.ts';
import { first, sendTracked } from './support/send-tracked.ts';

/** Delivery receipts: every message ends in a final status, and failures keep their kind. */
forEachTarget('receipts', (target) => {
  check(
    'receipts',
    target,
    {
      id: 'final-status',
      title: 'every accepted text reaches a final status within the deadline',
      covers: ['RCPT-01'],
    },
    async (c) => {
      requireReceipts(c);
      const numbers = [...target.numbers.delivered, ...target.numbers.temporaryFailure];
      const sent = await Promise.all(numbers.map((n) => sendTracked(c, n, 'final-status')));
      const waits = await Promise.all(sent.map((s) => awaitFinalStatus(c, s)));

      const late = waits.filter((w) => !w.final).length;
      if (late > 0) {
        c.finding({
          code: 'receipt_timeout',
          requirement: 'RCPT-01',
          message: `${late} of ${sent.length} accepted texts had no final status by the deadline`,
          expected: `final status within ${target.receiptDeadlineMs} ms`,
          actual: `${late} still pending`,
        });
      }
      const latencies = waits.flatMap((w) => (w.final ? [w.latencyMs] : []));
      if (latencies.length > 0) {
        c.evidence({
          kind: 'measurement',
          name: 'slowest receipt',
          value: Math.max(...latencies),
          unit: 'ms',
        });
      }
    },
  );

  check(
    'receipts',
    target,
    {
      id: 'callback',
      title: 'a receipt callback arrives, authenticated, agreeing with the status API',
      covers: ['RCPT-01', { id: 'RCPT-03', scope: 'partial' }],
    },
    async (c) => {
      if (!target.callback) {
        c.skip(
          'no callback URL reaches this run from this supplier; its receipts were read another ' +
            "way (the status API, the SMPP session or the gateway's reports)",
        );
      }
      requireReceipts(c, 'callback');

      const sent = await sendTracked(c, first(target.numbers.delivered, 'delivered'), 'callback');
      const received = await awaitCallbacks(c, sent.id, sent.sentAt);
      for (const r of received) {
        c.evidence({
          kind: 'receipt',
          messageId: sent.id,
          via: 'callback',
          providerStatus: r.receipt?.providerStatus ?? r.rejection?.code ?? 'unreadable',
          status: r.receipt?.status ?? 'unreadable',
          latencyMs: r.receivedAt - sent.sentAt,
          authenticated: r.authenticated,
        });
      }

      const final = received.find((r) => r.receipt && r.receipt.status !== 'sending');
      if (received.length === 0) c.unjudged('RCPT-03', 'no callback arrived to authenticate');

      // Every callback that came is judged, interim ones too (Twilio posts `sent` first).
      findUnauthenticated(c, received);

      if (!final?.receipt) {
        c.finding({
          code: 'no_callback',
          requirement: 'RCPT-01',
          message: 'no receipt callback with a final status arrived by the deadline',
          expected: `a callback within ${target.receiptDeadlineMs} ms`,
          actual: `${received.length} callback(s), none final`,
        });
        return;
      }

      if (c.adapter.capabilities.statusSource === 'receipts') {
        c.note('the supplier has no status API: the callback is its only word on the outcome');
        return;
      }
      const state = await c.adapter.status(sent.id);
      if (state && state.status !== final.receipt.status) {
        c.finding({
          code: 'callback_disagrees',
          requirement: 'RCPT-01',
          message: 'the callback and the status API report different outcomes',
          expected: state.providerStatus,
          actual: final.receipt.providerStatus,
        });
      }
    },
  );

  check(
    'receipts',
    target,
    {
      id: 'failure-kinds',
      title: 'permanent, temporary and technical failures are reported as different kinds',
      // Where no number can provoke a technical failure, that third kind stays unproven.
      covers: [{ id: 'RCPT-02', scope: target.numbers.technicalFailure[0] ? 'full' : 'partial' }],
    },
    async (c) => {
      requireReceipts(c);
      const cases: [string, NormalisedStatus][] = [
        [first(target.numbers.permanentFailure, 'permanent-failure'), 'permanent-failure'],
        [first(target.numbers.temporaryFailure, 'temporary-failure'), 'temporary-failure'],
      ];
      const technical = target.numbers.technicalFailure[0];
      if (technical) cases.push([technical, 'technical-failure']);
      else c.note('no number provokes a technical failure here: that kind is not covered');

      for (const [number, expected] of cases) {
        const sent = await sendTracked(c, number, 'failure-kinds');
        const wait = await awaitFinalStatus(c, sent);
        const actual = wait.final ? wait.state.providerStatus : 'no final status';

        if (!wait.final || wait.state.status !== expected) {
          c.finding({
            code: 'failure_kind_wrong',
            requirement: 'RCPT-02',
            message: `a number that fails with ${expected} was reported otherwise`,
            expected,
            actual,
          });
        }
      }
    },
  );
});
