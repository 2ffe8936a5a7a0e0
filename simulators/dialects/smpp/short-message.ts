import type { DecodedMessage, PDU } from 'smpp';
import {
  concatenationOf,
  isPossible,
  type Concatenation,
} from '../../../providers/smpp/concatenation.ts';
import { SmscRefusal, STATUS } from './command-status.ts';

export type { Concatenation };

export interface SubmittedText {
  readonly text: string;
  readonly concatenation?: Concatenation;
}

/**
 * Data codings the SMSC takes text in. 0 is the SMSC default alphabet, which here (as on most
 * GSM networks) is GSM 03.38 sent one septet per octet; 8 is UCS-2, read big-endian as SMPP
 * requires; 1 and 3 are IA5 and Latin-1. Anything else carries no text a handset could show.
 */
const TEXT_CODINGS = new Set([0, 1, 3, 8]);

/**
 * The text of a submit_sm and where it sits in a concatenated message. The body is in
 * short_message or, for longer texts, in the message_payload TLV, never in both.
 */
export function readSubmittedText(pdu: PDU): SubmittedText {
  const coding = Number(pdu['data_coding'] ?? 0) & 0x0f;
  if (!TEXT_CODINGS.has(coding)) {
    throw new SmscRefusal(STATUS.invalidDataCoding, `data_coding ${coding} carries no text`);
  }

  const short = pdu['short_message'] as DecodedMessage | undefined;
  const payload = pdu['message_payload'] as DecodedMessage | undefined;
  const hasShort = short !== undefined && short.message.length > 0;
  if (hasShort && payload !== undefined) {
    throw new SmscRefusal(STATUS.invalidTlvValue, 'both short_message and message_payload set');
  }

  const body = hasShort ? short : payload;
  if (body === undefined || typeof body.message !== 'string' || body.message.length === 0) {
    throw new SmscRefusal(STATUS.invalidMessageLength, 'the message has no text');
  }

  const concatenation = possible(concatenationOf(pdu, body));
  return { text: body.message, ...(concatenation ? { concatenation } : {}) };
}

function possible(concatenation: Concatenation | undefined): Concatenation | undefined {
  if (!concatenation || isPossible(concatenation)) return concatenation;
  const { sequence, total } = concatenation;
  throw new SmscRefusal(STATUS.invalidTlvValue, `part ${sequence} of ${total} cannot exist`);
}
