import { analyse } from '../../../content/segments.ts';
import { newMessageId } from '../../aggregator/message-id.ts';
import { isHttpUrl } from '../../aggregator/http-url.ts';
import type { NewMessage, Submission } from '../../aggregator/message.ts';
import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import { truncatedJson } from '../../aggregator/truncated-json.ts';
import { rateMultiplier } from '../notify/prices.ts';
import { authenticate, type TwilioCaller } from './auth.ts';
import type { TwilioContext } from './context.ts';
import { invalidParameter } from './errors.ts';
import { readRecipient, type Recipient } from './recipient.ts';
import { isAlphanumericSender, MAX_ALPHANUMERIC } from './senders.ts';
import { messageResource } from './serialise.ts';
import { twilioStateAt } from './statuses.ts';
import { isMagicNumber, notOwned, testCredentialError } from './test-credentials.ts';

/** Twilio's limit on a message body, in characters. */
const MAX_BODY = 1600;

/** The fields of a send the simulator acts on; the rest of Twilio's list is taken and ignored. */
interface SendForm {
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly statusCallback: string | undefined;
}

/**
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`: Basic auth, a form body, then the
 * checks in the order the errors are documented. Test credentials answer from the magic
 * numbers; their texts reach no one and are never called back.
 */
export async function sendMessage(
  context: TwilioContext,
  request: RouteRequest,
): Promise<RouteResponse> {
  const accountSid = request.params['accountSid'] ?? '';
  const caller = authenticate(context.account, request.headers, accountSid, request.path);
  const form = readForm(new URLSearchParams(request.body.toString('utf8')));

  const recipient = caller.test ? testRecipient(form) : liveRecipient(context, form);
  const segments = analyse(form.body).segments;
  const id = `SM${newMessageId().replace(/-/g, '')}`;
  const submission = submissionFor(context, caller, form, recipient, { id, segments });

  let message: NewMessage;
  if (!(caller.test && isMagicNumber(recipient.e164))) {
    if (form.statusCallback && !caller.test) context.callbacks.remember(id, form.statusCallback);
    message = await context.lifecycle.accept(submission);
  } else {
    message = unstored(submission, context.clock.uniqueMicros());
  }

  const state = twilioStateAt({ ...message, seq: 0 }, message.createdAt);
  const json = messageResource({ ...message, seq: 0 }, state);
  return context.profile.malformedSendResponse ? truncatedJson(201, json) : { status: 201, json };
}

function readForm(params: URLSearchParams): SendForm {
  const to = params.get('To');
  const from = params.get('From');
  const body = params.get('Body');
  const statusCallback = params.get('StatusCallback') ?? undefined;

  if (!to) throw invalidParameter(21604, "A 'To' phone number is required.");
  if (!from) {
    if (params.get('MessagingServiceSid')) {
      throw invalidParameter(21701, 'The Messaging Service Sid is invalid.');
    }
    throw invalidParameter(21603, "A 'From' phone number is required.");
  }
  if (!body) throw invalidParameter(21602, 'Message body is required.');
  if ([...body].length > MAX_BODY) {
    throw invalidParameter(
      21617,
      'The concatenated message body exceeds the 1600 character limit.',
    );
  }
  if (statusCallback !== undefined && !isHttpUrl(statusCallback)) {
    throw invalidParameter(21609, "Invalid 'StatusCallback'");
  }
  return { to, from, body, statusCallback };
}

/** Test credentials: magic numbers answer with their errors; other numbers are read as usual. */
function testRecipient(form: SendForm): Recipient {
  const error = testCredentialError(form.from.trim(), form.to.trim());
  if (error) throw error;
  return isMagicNumber(form.to.trim())
    ? { e164: form.to.trim(), country: 'US' }
    : readRecipient(form.to);
}

/** A live `From` is a number the account owns, or a well-formed alphanumeric sender ID. */
function liveRecipient(context: TwilioContext, form: SendForm): Recipient {
  const recipient = readRecipient(form.to);
  const from = form.from.trim();
  if (from.startsWith('+') || /^\d+$/.test(from)) {
    if (!context.senders.owns(from)) throw notOwned(from);
  } else if (!isAlphanumericSender(from)) {
    throw invalidParameter(
      21212,
      `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric ` +
        `sender ID (at most ${MAX_ALPHANUMERIC} letters, digits or spaces).`,
    );
  }
  return recipient;
}

function submissionFor(
  context: TwilioContext,
  caller: TwilioCaller,
  form: SendForm,
  recipient: Recipient,
  message: { readonly id: string; readonly segments: number },
): Submission {
  const { country } = recipient;
  return {
    id: message.id,
    dialect: 'twilio',
    accountId: caller.accountSid,
    keyType: caller.test ? 'test' : 'live',
    test: caller.test,
    testOutcome: 'delivered',
    to: form.to,
    number: recipient.e164,
    country,
    body: form.body,
    wireBody: form.body,
    sender: form.from.trim(),
    reference: null,
    templateId: '',
    templateVersion: 0,
    fragments: message.segments,
    rateMultiplier: rateMultiplier(country, context.profile.surchargesAbroad),
  };
}

/** A test send to a magic number: answered as queued, kept nowhere. */
function unstored(submission: Submission, createdAt: number): NewMessage {
  return {
    ...submission,
    plannedOutcome: 'delivered',
    reportedStatus: 'delivered',
    reachesHandset: false,
    shownSender: submission.sender,
    transitStatus: 'sending',
    createdAt,
    sentAt: createdAt + 1,
    completedAt: null,
    handsetAt: null,
  };
}
