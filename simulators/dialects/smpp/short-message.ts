import type { DecodedMessage, PDU } from 'smpp';
import { SmscRefusal, STATUS } from './command-status.ts';

/** Where a part sits in a concatenated message, from its UDH or its SAR TLVs. */
export interface Concatenation {
  readonly reference: number;
  readonly total: number;
  readonly sequence: number;
}

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

/** IEIs of the concatenation information elements: 8-bit and 16-bit reference. */
const CONCAT_8 = 0x00;
const CONCAT_16 = 0x08;

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

  const concatenation = fromUdh(body.udh) ?? fromSar(pdu);
  return { text: body.message, ...(concatenation ? { concatenation } : {}) };
}

function fromUdh(udh: readonly Buffer[] | undefined): Concatenation | undefined {
  for (const element of udh ?? []) {
    if (element[0] === CONCAT_8 && element[1] === 3) {
      return part(element.readUInt8(2), element.readUInt8(3), element.readUInt8(4));
    }
    if (element[0] === CONCAT_16 && element[1] === 4) {
      return part(element.readUInt16BE(2), element.readUInt8(4), element.readUInt8(5));
    }
  }
  return undefined;
}

function fromSar(pdu: PDU): Concatenation | undefined {
  const reference = pdu['sar_msg_ref_num'];
  const total = pdu['sar_total_segments'];
  const sequence = pdu['sar_segment_seqnum'];
  if (reference === undefined || total === undefined || sequence === undefined) return undefined;
  return part(Number(reference), Number(total), Number(sequence));
}

function part(reference: number, total: number, sequence: number): Concatenation {
  if (total < 1 || sequence < 1 || sequence > total) {
    throw new SmscRefusal(STATUS.invalidTlvValue, `part ${sequence} of ${total} cannot exist`);
  }
  return { reference, total, sequence };
}
