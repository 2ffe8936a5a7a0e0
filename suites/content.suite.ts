import { lintMessage } from '../content/lint.ts';
import { dialectOf } from '../providers/registry.ts';
import { awaitSettled } from './support/receipt-channel.ts';
import { check, forEachTarget } from './support/check.ts';
import { handsetInbox } from './support/handset.ts';
import { first, sendTracked } from './support/send-tracked.ts';

/** A GSM-7 text of two segments, so that billing and reassembly both show. */
const LONG_TEXT =
  'Example Council: your council tax bill for the year is ready. It is split into ten ' +
  'monthly payments from April. Sign in to your account to see it or to change how you pay.';

/**
 * Content: the service's own texts are clear and cheap (lint), and the supplier bills the
 * segments a text really takes and delivers a long text whole.
 */
forEachTarget('content', (target) => {
  check(
    'content',
    target,
    {
      id: 'lint',
      title: "the service's texts are clear, cheap and free of risky links",
      covers: ['CONT-01'],
    },
    async (c) => {
      const { samples, serviceName } = target.content;
      if (samples.length === 0)
        return c.skip('the target names no message samples (content.samples)');

      for (const [index, sample] of samples.entries()) {
        const result = lintMessage(sample, serviceName ? { serviceName } : {});
        const { encoding, segments } = result.analysis;
        c.note(`sample ${index + 1}: ${encoding}, ${segments} segment(s), ${result.costPence}p`);

        for (const finding of result.findings) {
          if (finding.severity === 'warn') {
            c.note(`sample ${index + 1}: ${finding.code}: ${finding.message}`);
            continue;
          }
          c.finding({
            code: finding.code,
            requirement: 'CONT-01',
            message: `sample ${index + 1}: ${finding.message}`,
          });
        }
      }
    },
  );

  check(
    'content',
    target,
    {
      id: 'billing',
      title: 'a long text is billed the segments it takes and arrives whole',
      covers: [{ id: 'CONT-01', scope: 'partial' }],
    },
    async (c) => {
      const to = first(target.numbers.delivered, 'delivered');
      const sent = await sendTracked(c, to, LONG_TEXT);
      const wait = await awaitSettled(c, sent);
      const expected = dialectOf(target.dialect).billedSegments(sent.body);

      const price = wait.final ? wait.state.price : undefined;
      if (!price) c.note('the supplier reports no billed segments for the text');
      if (price && price.segments !== expected) {
        c.finding({
          code: 'billed_segments_wrong',
          requirement: 'CONT-01',
          message: 'the supplier bills a different number of segments than the text takes',
          expected: `${expected}`,
          actual: `${price.segments}`,
        });
      }
      if (!target.simulator) return;

      // By id: a text cut short may have lost the token at its end.
      const shown = (await handsetInbox(c, to)).find((m) => m.id === sent.id);
      if (!shown) {
        // Whether a text reported delivered arrived at all is the truth check's question.
        c.unjudged('CONT-01', 'the long text never showed on the handset, so went unseen');
        return;
      }
      if (shown.body !== sent.body) {
        c.finding({
          code: 'long_text_altered',
          requirement: 'CONT-01',
          message: 'the long text did not arrive on the handset exactly as sent',
          expected: `${sent.body.length} characters`,
          actual: `${shown.body.length} characters`,
        });
      }
    },
  );
});
