import type { NormalisedStatus } from '../providers/contract.ts';
import { awaitFinalStatus } from './support/await-status.ts';
import { check, forEachTarget } from './support/check.ts';
import { testModeAtSend, testTextReachedHandset } from './support/test-mode-at-send.ts';
import { handsetInbox } from './support/handset.ts';
import { first, sendTracked } from './support/send-tracked.ts';

/**
 * The nightly smoke selection: one round trip that must stay green, and proof that the
 * supplier's test mode answers realistically without texting anyone.
 */
forEachTarget('smoke', (target) => {
  check(
    'smoke',
    target,
    {
      id: 'round-trip',
      title: 'a test text is accepted, delivered and read back within the deadline',
      covers: ['TEST-01'],
    },
    async (c) => {
      const sent = await sendTracked(c, first(target.numbers.delivered, 'delivered'), 'smoke');
      const wait = await awaitFinalStatus(c, sent);

      if (!wait.final || wait.state.status !== 'delivered') {
        c.finding({
          code: 'smoke_round_trip',
          requirement: 'TEST-01',
          message: 'the smoke text did not come back delivered by the deadline',
          expected: 'delivered',
          actual: wait.final ? wait.state.providerStatus : 'no final status',
        });
      }
    },
  );

  check(
    'smoke',
    target,
    {
      id: 'test-mode',
      title: 'test credentials give the documented outcomes and text nobody',
      covers: [{ id: 'TEST-02', scope: target.simulator ? 'full' : 'partial' }],
    },
    async (c) => {
      if (!c.adapter.capabilities.testMode) c.notApplicable('the supplier documents no test mode');
      const testAdapter = c.testAdapter();
      if (!testAdapter) return c.skip('the target is not configured with a test key');
      if (c.adapter.capabilities.testReadBack === false) return testModeAtSend(c, testAdapter);

      const cases: [string, NormalisedStatus][] = [
        [first(target.numbers.delivered, 'delivered'), 'delivered'],
        [first(target.numbers.temporaryFailure, 'temporary-failure'), 'temporary-failure'],
        [first(target.numbers.permanentFailure, 'permanent-failure'), 'permanent-failure'],
      ];
      for (const [number, expected] of cases) {
        const sent = await sendTracked(c, number, 'test-mode', undefined, testAdapter);
        const wait = await awaitFinalStatus(c, sent, testAdapter);
        if (!wait.final || wait.state.status !== expected) {
          c.finding({
            code: 'test_outcome_wrong',
            requirement: 'TEST-02',
            message: `a documented test number did not give ${expected}`,
            expected,
            actual: wait.final ? wait.state.providerStatus : 'no final status',
          });
        }

        // Only a simulated target lets the harness look at the handset itself.
        if (!target.simulator || expected !== 'delivered') continue;
        const inbox = await handsetInbox(c, number);
        if (inbox.some((m) => m.body === sent.body)) testTextReachedHandset(c);
      }
      if (!target.simulator) c.note('handsets of a real supplier cannot be read: partial evidence');
    },
  );

  check(
    'smoke',
    target,
    {
      id: 'smoke-numbers',
      title: 'smoke-test numbers are accepted and nothing is kept or sent',
      covers: [{ id: 'TEST-02', scope: 'partial' }],
    },
    async (c) => {
      const number = target.numbers.smoke[0];
      if (!number) return c.skip('the target names no smoke-test numbers');

      const sent = await sendTracked(c, number, 'smoke-number');
      const state = await c.adapter.status(sent.id);
      if (state) {
        c.finding({
          code: 'smoke_number_stored',
          requirement: 'TEST-02',
          message: 'a text to a smoke-test number was stored, so it may be sent',
          expected: 'not found',
          actual: state.providerStatus,
        });
      }
    },
  );
});
