import { classifySender, createNumberPlan } from '../numbering/index.ts';
import type { Price } from '../providers/contract.ts';
import { awaitFinalStatus } from './support/await-status.ts';
import { check, forEachTarget, type CheckContext } from './support/check.ts';
import { first, sendTracked } from './support/send-tracked.ts';

/** Countries where handsets do not show alphanumeric senders; a numeric one must be used. */
const NO_ALPHANUMERIC_SENDER = new Set(['US', 'CA']);

/**
 * Overseas numbers: the countries the service needs are reachable, and a text abroad costs no
 * more than one at home. Numbers abroad come only from ranges reserved for fiction.
 */
forEachTarget('overseas', (target) => {
  check(
    'overseas',
    target,
    { id: 'reachable', title: 'texts reach every country the service needs', covers: ['INTL-01'] },
    async (c) => {
      if (target.countries.length === 0) return c.notApplicable('the target names no countries');

      const plan = createNumberPlan();
      for (const country of target.countries) {
        const number = plan.fresh(1, country)[0] ?? '';
        const sent = await sendTracked(c, number, `abroad-${country}`);
        const wait = await awaitFinalStatus(c, sent);

        if (!wait.final || wait.state.status !== 'delivered') {
          c.finding({
            code: 'country_unreachable',
            requirement: 'INTL-01',
            message: `a text to ${country} did not arrive`,
            expected: 'delivered',
            actual: wait.final ? wait.state.providerStatus : 'no final status',
          });
        }
        flagAlphanumericSender(c, country);
      }
    },
  );

  check(
    'overseas',
    target,
    {
      id: 'no-surcharge',
      title: 'a text abroad costs no more than one at home',
      covers: ['INTL-02'],
    },
    async (c) => {
      if (target.countries.length === 0) return c.notApplicable('the target names no countries');

      const home = await priceOf(c, first(target.numbers.delivered, 'delivered'), 'home');
      if (!home)
        return c.skip('the supplier reports no price for a text, so cost cannot be compared');

      const plan = createNumberPlan();
      for (const country of target.countries) {
        const abroad = await priceOf(c, plan.fresh(1, country)[0] ?? '', `abroad-${country}`);
        if (!abroad) {
          c.note(`no price reported for the text to ${country}`);
          continue;
        }

        const homeRate = home.perSegment * home.multiplier;
        const abroadRate = abroad.perSegment * abroad.multiplier;
        c.evidence({
          kind: 'measurement',
          name: `segment price ratio ${country}/UK`,
          value: abroadRate / homeRate,
          unit: 'x',
        });
        if (abroadRate > homeRate) {
          c.finding({
            code: 'overseas_surcharge',
            requirement: 'INTL-02',
            message: `a segment to ${country} costs more than a segment within the UK`,
            expected: `${homeRate} a segment`,
            actual: `${abroadRate} a segment (${abroad.multiplier}x)`,
          });
        }
      }
    },
  );
});

async function priceOf(c: CheckContext, number: string, why: string): Promise<Price | undefined> {
  const sent = await sendTracked(c, number, why);
  const wait = await awaitFinalStatus(c, sent);
  return wait.final ? wait.state.price : undefined;
}

function flagAlphanumericSender(c: CheckContext, country: string) {
  const sender = c.target.sender.expected;
  if (!sender || !NO_ALPHANUMERIC_SENDER.has(country)) return;

  if (classifySender(sender).kind === 'alphanumeric') {
    c.note(
      `${country} does not show alphanumeric senders: "${sender}" needs a numeric sender there`,
    );
  }
}
