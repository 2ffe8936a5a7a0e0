import { randomUUID } from 'node:crypto';
import { check, forEachTarget } from './support/check.ts';
import { first, sendTracked } from './support/send-tracked.ts';

/**
 * The API contract every other flow rests on: a valid text is accepted, reads back as sent and
 * can be found again. These checks evidence no requirement alone, but their findings count.
 */
forEachTarget('send', (target) => {
  const spec = (id: string, title: string) => ({ id, title, covers: [] });

  check('send', target, spec('read-back', 'a sent text reads back as it was sent'), async (c) => {
    if (c.adapter.capabilities.readBack === false) {
      c.notApplicable('the supplier’s protocol has no way to read a sent text back');
    }
    const to = first(target.numbers.delivered, 'delivered');
    const sent = await sendTracked(c, to, 'read-back');
    const state = await c.adapter.status(sent.id);

    if (!state) {
      c.finding({ code: 'accepted_message_missing', message: 'the accepted message is unknown' });
      return;
    }
    if (c.adapter.capabilities.references === false) {
      c.note('the supplier keeps no reference of the sender: only the text is compared');
    } else if (state.reference !== sent.reference) {
      c.finding({
        code: 'reference_changed',
        message: 'the reference read back differs from the one sent',
        path: 'reference',
      });
    }
    if (state.body !== undefined && state.body !== sent.body) {
      c.finding({
        code: 'body_changed',
        message: 'the text read back differs from the text sent',
        expected: `${sent.body.length} characters`,
        actual: `${state.body.length} characters`,
        path: 'body',
      });
    }
  });

  check(
    'send',
    target,
    spec('listed', 'a sent text is listed by its reference (or number)'),
    async (c) => {
      if (!c.adapter.capabilities.listing)
        c.notApplicable('the supplier offers no message listing');

      const filters = c.adapter.capabilities.listFilters ?? ['reference', 'status'];
      const sent = await sendTracked(c, first(target.numbers.delivered, 'delivered'), 'listed');
      if (!filters.includes('reference')) {
        if (!filters.includes('to'))
          c.notApplicable('the listing filters by neither reference nor number');
        // Without references, the newest text to the number must be the one just sent.
        const page = await c.adapter.list({ to: sent.to });
        if (page.messages[0]?.id !== sent.id) {
          c.finding({
            code: 'listing_by_number',
            message: 'listing by number does not return the message just sent first',
            expected: sent.id,
            actual: page.messages[0]?.id ?? 'no message',
          });
        }
        return;
      }

      const page = await c.adapter.list({ reference: sent.reference });
      const ids = page.messages.map((m) => m.id);
      if (ids.length !== 1 || ids[0] !== sent.id) {
        c.finding({
          code: 'listing_by_reference',
          message: 'listing by reference does not return exactly the message sent',
          expected: '1 message',
          actual: `${ids.length} message(s)`,
        });
      }
    },
  );

  check('send', target, spec('unknown-id', 'an unknown message id is not found'), async (c) => {
    if (c.adapter.capabilities.statusSource === 'receipts') {
      c.notApplicable('the supplier has no message lookup to ask about an id it never issued');
    } else if (c.adapter.capabilities.receipts.length === 0) {
      c.notApplicable('the supplier has no status API to ask about a message id');
    }
    const state = await c.adapter.status(randomUUID());
    if (state) {
      c.finding({
        code: 'unknown_id_found',
        message: 'the supplier returned a message for an id it never issued',
      });
    }
  });
});
