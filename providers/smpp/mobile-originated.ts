import type { DecodedMessage, PDU } from 'smpp';
import type { Encoding } from '../../content/segments.ts';
import { concatenationOf, isPossible, type Concatenation } from './concatenation.ts';
import { deliverKind } from './receipt-parser.ts';

/** One deliver_sm from a handset: a whole text, or one part of a concatenated one. */
export interface MobileOriginatedPart {
  readonly from: string;
  readonly to: string;
  readonly text: string;
  /** How it travelled, where data_coding names a text alphabet. */
  readonly encoding?: Encoding;
  readonly concatenation?: Concatenation;
}

/**
 * A deliver_sm read as a text from a handset, or undefined when esm_class says it is anything
 * else (a delivery receipt above all). The smpp package has already decoded the body by its
 * data_coding: GSM 03.38 for the SMSC default alphabet, UCS-2 big-endian for 8.
 */
export function mobileOriginated(pdu: PDU): MobileOriginatedPart | undefined {
  if (deliverKind(Number(pdu['esm_class'] ?? 0)) !== 'mobile-originated') return undefined;

  const body = bodyOf(pdu);
  const encoding = ENCODINGS[Number(pdu['data_coding'] ?? 0) & 0x0f];
  const concatenation = concatenationOf(pdu, body);
  return {
    from: addressOf(pdu['source_addr'], pdu['source_addr_ton']),
    to: addressOf(pdu['destination_addr'], pdu['dest_addr_ton']),
    text: textOf(body),
    ...(encoding ? { encoding } : {}),
    ...(concatenation && isPossible(concatenation) ? { concatenation } : {}),
  };
}

/** The text of short_message, or of message_payload when that carries it. */
export function messageText(pdu: PDU): string {
  return textOf(bodyOf(pdu));
}

const ENCODINGS: Readonly<Record<number, Encoding>> = { 0: 'GSM-7', 1: 'GSM-7', 8: 'UCS-2' };

function bodyOf(pdu: PDU): DecodedMessage | undefined {
  for (const field of ['short_message', 'message_payload']) {
    const value = pdu[field] as DecodedMessage | undefined;
    if (value && value.message.length > 0) return value;
  }
  return undefined;
}

function textOf(body: DecodedMessage | undefined): string {
  return body?.message.toString() ?? '';
}

/** An international number (TON 1) as E.164; an alphanumeric sender as it stands. */
function addressOf(address: unknown, ton: unknown): string {
  const text = String(address ?? '');
  return Number(ton) === 1 && /^\d+$/.test(text) ? `+${text}` : text;
}
