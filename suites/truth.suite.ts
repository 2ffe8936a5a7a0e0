import { createObserver } from '../providers/observers/create-observer.ts';
import { createAdapter } from '../providers/registry.ts';
import { check, forEachTarget } from './support/check.ts';
import { SampledExchanges } from './support/sampled-exchanges.ts';
import { judgeTruth } from './support/truth-judge.ts';
import { sendProbes, type ProbeTarget } from './support/truth-probes.ts';
import { watchProbes } from './support/truth-watch.ts';

/** Numbers that get a second text, so that a thread split by a changing sender shows. */
const FOLLOW_UPS = 2;

/**
 * Handset truth. A receipt is the supplier's word; what arrived at a number the harness can read
 * is the truth. Texts with unguessable tokens go to numbers drawn for this run, and each
 * supplier status is held against what arrived: delivered but never seen is a fake receipt,
 * failed but seen a false one; the sender and the text are compared on the way.
 */
forEachTarget('truth', (target) => {
  check(
    'truth',
    target,
    {
      id: 'receipts-true',
      title: 'texts reported delivered arrive, from the configured sender, as they were sent',
      covers: ['RCPT-01', 'SID-01', 'SID-02', { id: 'CONT-01', scope: 'partial' }],
    },
    async (c) => {
      const plan = target.truth;
      if (!plan) return c.skip("nothing observes this target's numbers (truth.observer)");
      if (!target.simulator && target.keyType === 'test') {
        return c.skip('a test key texts nobody, so nothing could arrive to be observed');
      }

      const sampled = new SampledExchanges((e) => c.evidence(e));
      const context = { redactor: c.redactor, sink: sampled.sink };
      const adapter = createAdapter(target, context);
      const observer = createObserver(plan.observer, context, target.trustedCa);

      const numbers = observer.destinations(plan.sampleSize);
      for (const number of numbers) c.redactor.number(number);
      const followUps = observer.freshNumbers ? numbers.slice(0, FOLLOW_UPS) : [];
      const probes: ProbeTarget[] = [
        ...numbers.map((to) => ({ to, group: 'sample' as const })),
        ...followUps.map((to) => ({ to, group: 'follow-up' as const })),
      ];
      c.note(`${probes.length} texts to ${observer.description}`);

      // An observer that hears only while it listens listens before the first text goes.
      await observer.open?.();
      const watched = await sendProbes(adapter, probes)
        .then((sent) => watchProbes(adapter, observer, sent, plan, target))
        .finally(() => observer.close?.());
      const judgement = judgeTruth(watched, {
        observer: observer.description,
        freshNumbers: observer.freshNumbers,
        senderExpected: target.sender.expected,
        arrivalGraceMs: plan.arrivalGraceMs,
        redact: (text) => c.redactor.text(text),
      });

      c.evidence(judgement.evidence);
      for (const finding of judgement.findings) c.finding(finding);
      for (const { requirement, reason } of judgement.unjudged) c.unjudged(requirement, reason);
      for (const note of judgement.notes) c.note(note);
      if (adapter.capabilities.receipts.length === 0) {
        c.note(
          'the supplier claims no deliveries, so none of its receipts can be fake; senders and ' +
            'texts are judged on what arrived ' +
            `(${adapter.capabilities.receiptsNote ?? 'no receipts'})`,
        );
      }
      const summary = sampled.summary();
      if (summary) c.note(summary);
    },
  );
});
