import { randomBytes } from 'node:crypto';
import { KeywordRouter } from '../providers/keyword-router.ts';
import { classifySender, createNumberPlan } from '../numbering/index.ts';
import { awaitFinalStatus } from './support/await-status.ts';
import { check, forEachTarget, type CheckContext } from './support/check.ts';
import { awaitReplyCallback, replyFromHandset } from './support/handset-reply.ts';
import { sendTracked } from './support/send-tracked.ts';

/**
 * Replies: where the service wants them, people can answer the number they were texted from,
 * and on a number shared between services each reply reaches the service its keyword names.
 * Only a simulated handset can reply, so on a real target the flows are skipped.
 */
forEachTarget('replies', (target) => {
  check(
    'replies',
    target,
    { id: 'reach-service', title: 'a reply to the sender reaches the service', covers: ['SID-03'] },
    async (c) => {
      const replies = target.sender.replies;
      if (!replies) return c.notApplicable('the target expects no replies');

      const kind = classifySender(replies.shown).kind;
      if (kind !== 'uk-mobile' && kind !== 'shortcode') {
        c.finding({
          code: 'reply_sender_kind',
          requirement: 'SID-03',
          message:
            'replies are wanted, so the sender must be a full UK mobile number or a shortcode',
          expected: 'uk-mobile or shortcode',
          actual: kind,
        });
      }
      if (!target.simulator) return c.skip('no handset of a real supplier can be made to reply');

      const person = await textPerson(c);
      const text = `Thanks, got it ${token()}`;
      await replyFromHandset(c, person, replies.shown, text);
      const received = await awaitReplyCallback(c, text);

      if (!received?.inbound) {
        c.finding({
          code: 'reply_not_received',
          requirement: 'SID-03',
          message: 'a reply from the handset never reached the service',
          expected: `a reply callback within ${target.receiptDeadlineMs} ms`,
          actual: 'nothing',
        });
        return;
      }
      const listed = await c.adapter.inbound();
      if (!listed.some((t) => t.text === text)) {
        c.finding({
          code: 'reply_not_listed',
          requirement: 'SID-03',
          message: 'the reply arrived by callback but the received-texts API does not list it',
        });
      }
    },
  );

  check(
    'replies',
    target,
    {
      id: 'keyword-routing',
      title: 'replies on a shared number reach the service their keyword names',
      covers: ['SID-06'],
    },
    async (c) => {
      const replies = target.sender.replies;
      const keywords = Object.keys(target.keywords);
      if (!replies || keywords.length === 0) {
        return c.notApplicable('no reply number is shared between services (keywords)');
      }
      if (!target.simulator) return c.skip('no handset of a real supplier can be made to reply');

      const router = new KeywordRouter(target.keywords);
      const person = await textPerson(c);
      const cases = [
        ...keywords.map((k) => [k, target.keywords[k]] as const),
        ['HELLO', undefined] as const,
      ];

      for (const [keyword, service] of cases) {
        const text = `${keyword} ${token()}`;
        await replyFromHandset(c, person, replies.shown, text);
        const received = (await awaitReplyCallback(c, text))?.inbound;

        if (!received || received.text !== text) {
          c.finding({
            code: received ? 'reply_altered' : 'reply_not_received',
            requirement: 'SID-06',
            message: `a reply starting ${keyword} did not reach the service intact`,
            expected: text,
            actual: received?.text ?? 'nothing',
          });
          continue;
        }
        const decision = router.route(received);
        const routedTo = decision.routed ? decision.service : undefined;
        const answered = `no service; answered "${router.unknownAnswer()}"`;
        c.note(`"${keyword}…" → ${routedTo ?? answered}`);
        if (routedTo !== service) {
          c.finding({
            code: 'keyword_misrouted',
            requirement: 'SID-06',
            message: `a reply starting ${keyword} went to the wrong place`,
            expected: service ?? 'the unknown-keyword answer',
            actual: routedTo ?? 'the unknown-keyword answer',
          });
        }
      }
    },
  );
});

/** Texts a fresh fictional person from the reply sender, so they have a thread to answer in. */
async function textPerson(c: CheckContext): Promise<string> {
  const person = createNumberPlan().fresh(1)[0] ?? '';
  const senderId = c.target.sender.replies?.senderId;
  const sent = await sendTracked(c, person, 'reply-thread', senderId);
  await awaitFinalStatus(c, sent);
  return person;
}

function token(): string {
  return randomBytes(4).toString('hex');
}
