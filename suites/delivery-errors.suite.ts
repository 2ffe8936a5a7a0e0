import type { FindingCode } from '../core/finding-codes.ts';
import { awaitFinalStatus } from './support/await-status.ts';
import { check, forEachTarget, type CheckContext } from './support/check.ts';
import { requireReceipts } from './support/require-receipts.ts';
import { sendTracked } from './support/send-tracked.ts';

/**
 * Delivery errors as a service must act on them: permanent failures go on a suppression list,
 * temporary ones are left for a later retry.
 */
forEachTarget('delivery-errors', (target) => {
  check(
    'delivery-errors',
    target,
    {
      id: 'permanent',
      title: 'a number that does not exist is reported as a permanent failure',
      covers: ['ERR-01'],
    },
    async (c) => {
      requireReceipts(c);
      if (target.numbers.permanentFailure.length === 0) {
        return c.skip('the target names no number that fails permanently');
      }
      for (const number of target.numbers.permanentFailure) {
        const outcome = await sendAndSettle(c, number, 'permanent-failure', 'ERR-01');
        if (outcome.status === 'permanent-failure') await expectListedAsFailed(c, outcome.id);
      }
    },
  );

  check(
    'delivery-errors',
    target,
    {
      id: 'temporary',
      title: 'an unreachable handset is reported as a temporary failure',
      covers: ['ERR-02'],
    },
    async (c) => {
      requireReceipts(c);
      if (target.numbers.temporaryFailure.length === 0) {
        return c.skip('the target names no number that fails temporarily');
      }
      for (const number of target.numbers.temporaryFailure) {
        await sendAndSettle(c, number, 'temporary-failure', 'ERR-02');
      }
    },
  );
});

/** The failures this suite provokes, each with the finding for a supplier that misreports it. */
const NOT_REPORTED = {
  'permanent-failure': 'permanent_failure_not_reported',
  'temporary-failure': 'temporary_failure_not_reported',
} as const satisfies Record<string, FindingCode>;

async function sendAndSettle(
  c: CheckContext,
  number: string,
  expected: keyof typeof NOT_REPORTED,
  requirement: string,
) {
  const sent = await sendTracked(c, number, `expect-${expected}`);
  const wait = await awaitFinalStatus(c, sent);
  const status = wait.final ? wait.state.status : undefined;
  const providerStatus = wait.final ? wait.state.providerStatus : 'no final status';

  if (status !== expected) {
    c.finding({
      code: NOT_REPORTED[expected],
      requirement,
      message: `a number that fails with ${expected} was reported as ${providerStatus}`,
      expected,
      actual: providerStatus,
    });
  }
  return { ...sent, status, providerStatus };
}

/** The service finds numbers to remove by listing failures; the message must be among them. */
async function expectListedAsFailed(c: CheckContext, id: string) {
  if (!c.adapter.capabilities.listing) return;
  if (!(c.adapter.capabilities.listFilters ?? ['status']).includes('status')) {
    c.note("the supplier's listing cannot filter by status: the failure's listing is not checked");
    return;
  }

  const page = await c.adapter.list({ status: 'permanent-failure' });
  if (!page.messages.some((m) => m.id === id)) {
    c.finding({
      code: 'failure_not_listed',
      requirement: 'ERR-01',
      message: 'listing permanent failures does not include the failed message',
    });
  }
}
