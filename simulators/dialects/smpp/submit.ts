import type { PDU, Session } from 'smpp';
import { analyse } from '../../../content/segments.ts';
import { isFictionNumber } from '../../../numbering/index.ts';
import { countryOf, destination, HOME_COUNTRY } from '../../aggregator/destinations.ts';
import { toE164 } from '../../aggregator/e164.ts';
import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { NewMessage } from '../../aggregator/message.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import { rateMultiplier } from '../notify/prices.ts';
import { SmscRefusal, STATUS } from './command-status.ts';
import type { MessageBook, SmscMessage, SmscPart } from './message-book.ts';
import { newSmscMessageId } from './message-id.ts';
import { readSubmittedText } from './short-message.ts';

export interface SubmitContext {
  readonly lifecycle: MessageLifecycle;
  readonly profile: ProfileBehaviour;
  readonly book: MessageBook;
  /** Told of each message once the aggregator has it. */
  readonly onAccepted: (message: SmscMessage, accepted: NewMessage) => void;
}

const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const MAX_ALPHANUMERIC_SENDER = 11;

/**
 * Takes one submit_sm and answers its message_id. A whole message goes to the aggregator at
 * once; a part of a concatenated one waits until its group is complete, so that the handset
 * shows one text, as a phone reassembles it.
 */
export async function acceptSubmit(
  context: SubmitContext,
  from: { readonly systemId: string; readonly session: Session },
  pdu: PDU,
): Promise<string> {
  const { systemId, session } = from;
  const { text, concatenation } = readSubmittedText(pdu);
  const recipient = readRecipient(pdu);
  const sender = readSender(pdu, context.profile);
  const part: SmscPart = {
    id: newSmscMessageId(),
    sequence: concatenation?.sequence ?? 1,
    total: concatenation?.total ?? 1,
    text,
    registeredDelivery: Number(pdu['registered_delivery'] ?? 0),
  };

  const group = `${systemId}|${sender}|${recipient.raw}`;
  const parts =
    concatenation && concatenation.total > 1
      ? context.book.collect(group, concatenation, part)
      : [part];
  if (!parts) return part.id;

  const body = parts.map((p) => p.text).join('');
  const storeId = parts[0]?.id ?? part.id;
  const message: SmscMessage = {
    storeId,
    systemId,
    source: sender,
    destination: recipient.raw,
    recipient: recipient.e164,
    session,
    parts,
  };
  // Answered once both the message and what only SMPP knows of it are committed.
  const filed = context.book.record(message);
  const accepting = context.lifecycle.accept({
    id: storeId,
    dialect: 'smpp',
    accountId: systemId,
    keyType: 'live',
    test: false,
    to: recipient.raw,
    number: recipient.e164,
    country: recipient.country,
    body,
    wireBody: body,
    sender,
    reference: null,
    templateId: '',
    templateVersion: 0,
    fragments: parts.length > 1 ? parts.length : analyse(body).segments,
    rateMultiplier: rateMultiplier(recipient.country, context.profile.surchargesAbroad),
  });
  const [, accepted] = await Promise.all([filed, accepting]);
  context.onAccepted(message, accepted);
  return part.id;
}

/** Only fictional numbers in a country the simulated networks reach can be texted. */
function readRecipient(pdu: PDU) {
  const raw = String(pdu['destination_addr'] ?? '');
  const international = Number(pdu['dest_addr_ton']) === TON_INTERNATIONAL;
  const e164 = international ? toE164(`+${raw}`) : toE164(raw);
  // libphonenumber finds no country for the UK drama range, which is home anyway.
  const home = e164?.startsWith('+44') ? HOME_COUNTRY : undefined;
  const country = e164 && isFictionNumber(e164) ? (home ?? countryOf(e164)) : undefined;

  if (!e164 || !country || !destination(country)) {
    throw new SmscRefusal(
      STATUS.invalidDestinationAddress,
      `${raw} is not a fictional number the simulated networks reach`,
    );
  }
  return { raw, e164, country };
}

/**
 * An alphanumeric sender (TON 5) holds at most 11 characters; a longer one is refused, unless
 * the profile cuts it short instead.
 */
function readSender(pdu: PDU, profile: ProfileBehaviour): string {
  const sender = String(pdu['source_addr'] ?? '');
  if (sender.length === 0) throw new SmscRefusal(STATUS.invalidSourceAddress, 'no source_addr');

  const alphanumeric = Number(pdu['source_addr_ton']) === TON_ALPHANUMERIC;
  if (!alphanumeric || sender.length <= MAX_ALPHANUMERIC_SENDER) return sender;
  if (profile.truncatesLongSenders) return sender.slice(0, MAX_ALPHANUMERIC_SENDER);
  throw new SmscRefusal(STATUS.invalidSourceAddress, `sender ${sender} is over 11 characters`);
}
