import { z } from 'zod';
import { CONTROL_PREFIX, controlRoute } from '../../aggregator/control-api.ts';
import { jsonBody } from '../../aggregator/json-body.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { Router } from '../../aggregator/router.ts';
import { invalidParameter } from './errors.ts';
import { isAlphanumericSender, MAX_ALPHANUMERIC, type TwilioSenders } from './senders.ts';

const NewSenderSchema = z.object({ text: z.string() });

/**
 * What an account sets up in Twilio's console, set through the control API: alphanumeric
 * sender IDs. A refusal is in Twilio's error shape. The `sender-truncated` profile cuts a text
 * that is too long to 11 characters and keeps it.
 */
export function addTwilioControlRoutes(
  router: Router,
  context: { readonly senders: TwilioSenders; readonly profile: ProfileBehaviour },
): void {
  const { senders, profile } = context;
  router
    .add(
      'GET',
      `${CONTROL_PREFIX}/twilio/senders`,
      controlRoute(() => ({ status: 200, json: { senders: senders.list() } })),
    )
    .add(
      'POST',
      `${CONTROL_PREFIX}/twilio/senders`,
      controlRoute((request) => {
        const form = NewSenderSchema.safeParse(jsonBody(request));
        const offered = form.success ? form.data.text : '';
        const text =
          profile.truncatesLongSenders && offered.length > MAX_ALPHANUMERIC
            ? offered.slice(0, MAX_ALPHANUMERIC)
            : offered;

        if (!isAlphanumericSender(text)) {
          return invalidParameter(
            21212,
            `'${offered}' is not a valid alphanumeric sender ID: 1 to ${MAX_ALPHANUMERIC} ` +
              'letters, digits or spaces, at least one a letter.',
          ).toResponse();
        }
        const { sid, text: kept } = senders.addAlphanumeric(text);
        return { status: 201, json: { sid, text: kept } };
      }),
    );
}
