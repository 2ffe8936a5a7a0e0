import { HarnessError } from '../core/errors.ts';
import { classifySender, createNumberPlan } from '../numbering/index.ts';
import { dialectOf } from '../providers/registry.ts';
import { awaitSettled } from './support/receipt-channel.ts';
import { check, forEachTarget, type CheckContext } from './support/check.ts';
import { handsetInbox } from './support/handset.ts';
import { first, sendTracked } from './support/send-tracked.ts';
import { registerSender, sendFromSender } from './support/simulator-senders.ts';

/**
 * Who a text is from, as the person sees it: the configured sender on every text, one thread per
 * person, invalid senders refused rather than cut short, and no alphanumeric sender where replies
 * are wanted. Only a simulated handset shows what a phone displays; elsewhere the evidence is the
 * supplier's own word, so those checks are partial.
 */
forEachTarget('sender-id', (target) => {
  const onHandset = target.simulator !== undefined;
  const scope = onHandset ? 'full' : 'partial';

  check(
    'sender-id',
    target,
    {
      id: 'carried',
      title: 'every text carries the configured sender',
      covers: [{ id: 'SID-01', scope }],
    },
    async (c) => {
      const expected = target.sender.expected;
      if (!expected) return c.skip('the target names no expected sender (sender.expected)');

      const to = first(target.numbers.delivered, 'delivered');
      for (const label of ['sender-1', 'sender-2']) {
        const sent = await sendTracked(c, to, label);
        if (sent.sender !== undefined && sent.sender !== expected) {
          c.finding({
            code: 'sender_not_carried',
            requirement: 'SID-01',
            message: 'the supplier says the text goes out under another sender',
            expected,
            actual: sent.sender,
          });
        }
        if (!onHandset) continue;

        await awaitSettled(c, sent);
        const shown = (await handsetInbox(c, to)).find((m) => m.body === sent.body);
        if (!shown) {
          c.unjudged(
            'SID-01',
            'a delivered text never showed on the handset, so its sender went unseen',
          );
          continue;
        }
        if (shown.from !== expected) {
          c.finding({
            code: 'sender_altered',
            requirement: 'SID-01',
            message: 'the handset shows a different sender from the one configured',
            expected,
            actual: shown.from,
          });
        }
      }
    },
  );

  check(
    'sender-id',
    target,
    {
      id: 'one-thread',
      title: 'one person hears from one sender, in one thread',
      covers: ['SID-02'],
    },
    async (c) => {
      if (!onHandset) return c.skip('threads can only be seen on a handset the harness can read');

      const person = await textlessPerson(c);
      const sent = [];
      for (const label of ['thread-1', 'thread-2', 'thread-3']) {
        sent.push(await sendTracked(c, person, label));
      }
      await Promise.all(sent.map((s) => awaitSettled(c, s)));

      const inbox = await handsetInbox(c, person);
      const senders = new Set(inbox.map((m) => m.from));
      c.evidence({
        kind: 'measurement',
        name: 'threads on the handset',
        value: senders.size,
        unit: 'threads',
      });
      if (senders.size > 1) {
        c.finding({
          code: 'sender_inconsistent',
          requirement: 'SID-02',
          message: 'texts to one person arrived from different senders, splitting the thread',
          expected: '1 sender',
          actual: `${senders.size} senders: ${[...senders].join(', ')}`,
        });
      }
      if (inbox.length < sent.length && senders.size <= 1) {
        c.unjudged('SID-02', `only ${inbox.length} of ${sent.length} texts showed on the handset`);
      }
    },
  );

  check(
    'sender-id',
    target,
    {
      id: 'invalid-refused',
      title: 'invalid sender IDs are refused, never altered',
      covers: [{ id: 'SID-04', scope }],
    },
    async (c) => {
      for (const sender of [target.sender.expected, target.sender.replies?.shown]) {
        if (!sender) continue;
        const kind = classifySender(sender);
        if (kind.kind === 'invalid') {
          c.finding({
            code: 'configured_sender_invalid',
            requirement: 'SID-04',
            message: `the configured sender is not a valid sender ID (${kind.reasons.join(', ')})`,
            actual: sender,
          });
        }
      }
      if (!onHandset) {
        c.note("the supplier's sender set-up cannot be driven through its API: partial evidence");
        return;
      }

      // Invalid by its length alone: no space, which some suppliers (SNS) refuse for itself.
      const tooLong = 'AcmeCallcentre';
      const registration =
        dialectOf(target.dialect).senderIds === 'per-message'
          ? await sendFromSender(c, tooLong)
          : await registerSender(c, tooLong);
      if (registration.accepted) {
        c.finding({
          code: 'invalid_sender_accepted',
          requirement: 'SID-04',
          message: 'a sender longer than 11 characters was accepted instead of refused',
          expected: 'refused',
          actual:
            registration.text === tooLong ? 'accepted as is' : `kept as "${registration.text}"`,
        });
      }
    },
  );

  check(
    'sender-id',
    target,
    {
      id: 'no-alphanumeric-replies',
      title: 'no alphanumeric sender where replies are expected',
      covers: ['SID-05'],
    },
    async (c) => {
      const replies = target.sender.replies;
      if (!replies) return c.notApplicable('the target expects no replies');

      const kind = classifySender(replies.shown).kind;
      c.note(`reply sender classified as ${kind}`);
      if (kind === 'alphanumeric' || kind === 'invalid') {
        c.finding({
          code: 'reply_sender_cannot_receive',
          requirement: 'SID-05',
          message: 'replies are expected, but the sender is one that people cannot reply to',
          expected: 'a full UK mobile number or a shortcode',
          actual: `${kind} sender`,
        });
      }
    },
  );
});

/**
 * A fresh number whose handset holds no text yet: another suite may draw the same number from
 * the range, and its texts, from another sender, would look like a split thread.
 */
async function textlessPerson(c: CheckContext): Promise<string> {
  for (const number of createNumberPlan().fresh(8)) {
    if ((await handsetInbox(c, number)).length === 0) return number;
  }
  throw new HarnessError('ASSURE_NO_TEXTLESS_NUMBER', 'eight fresh numbers all had texts already');
}
