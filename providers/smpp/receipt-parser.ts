import type { NormalisedStatus } from '../contract.ts';
import { parseReceiptText, type ReceiptText } from './receipt-text.ts';
import { MESSAGE_STATES, outcomeOf } from './statuses.ts';

/** What a deliver_sm says it is, from esm_class bits 5-2 (SMPP 3.4 §5.2.12). */
export type DeliverKind =
  'mobile-originated' | 'receipt' | 'sme-delivery-ack' | 'user-ack' | 'intermediate' | 'other';

const MESSAGE_TYPE_BITS = 0x3c;

/**
 * The message type of a deliver_sm. esm_class is a bit field: 0x40 (UDH) and 0x80 (reply path)
 * ride along with the type, so 0x44 is a receipt too, and 0x04 says "receipt", not "delivered".
 */
export function deliverKind(esmClass: number): DeliverKind {
  switch (esmClass & MESSAGE_TYPE_BITS) {
    case 0x00:
      return 'mobile-originated';
    case 0x04:
      return 'receipt';
    case 0x08:
      return 'sme-delivery-ack';
    case 0x10:
      return 'user-ack';
    case 0x20:
      return 'intermediate';
    default:
      return 'other';
  }
}

/** The parts of a deliver_sm a receipt is read from, already out of the PDU. */
export interface DeliverSmFields {
  readonly esmClass: number;
  readonly text: string;
  readonly receiptedMessageId?: string;
  readonly messageState?: number;
  /** The network_error_code TLV: network type, then the error in two octets. */
  readonly networkErrorCode?: Buffer;
}

export interface SmppReceipt {
  readonly kind: 'receipt' | 'intermediate';
  /** Undefined when neither the TLV nor the text names the message. */
  readonly messageId?: string;
  /** The state word (`DELIVRD`, `UNDELIV`...) and error, as the supplier gave them. */
  readonly providerStatus: string;
  readonly status: NormalisedStatus;
  readonly final: boolean;
  /** Where the state came from: the message_state TLV wins over the text when both exist. */
  readonly stateFrom: 'tlv' | 'text' | 'none';
  readonly text: ReceiptText;
  /** Set when the text's stat says something else than the TLV. */
  readonly disagreement?: string;
}

/**
 * Reads a deliver_sm as a receipt; undefined when it is not one (a text from a handset, an
 * acknowledgement). TLVs are preferred over the text, which vendors write each their own way;
 * the text fills what the TLVs leave out. Nothing here throws on odd input.
 */
export function parseReceipt(fields: DeliverSmFields): SmppReceipt | undefined {
  const kind = deliverKind(fields.esmClass);
  if (kind !== 'receipt' && kind !== 'intermediate') return undefined;

  const text = parseReceiptText(fields.text);
  const tlvStat =
    fields.messageState === undefined ? undefined : MESSAGE_STATES[fields.messageState];
  const stat = tlvStat ?? text.stat;
  const err = networkError(fields.networkErrorCode) ?? numeric(text.err);
  const messageId = fields.receiptedMessageId || text.id;

  const outcome = stat === undefined ? undefined : outcomeOf(stat, err);
  const errText = err === undefined ? '' : ` err:${String(err).padStart(3, '0')}`;
  const disagreement =
    tlvStat && text.stat && outcomeOf(text.stat, err).status !== outcome?.status
      ? `the text says stat:${text.stat} but message_state is ${tlvStat}`
      : undefined;

  return {
    kind,
    ...(messageId ? { messageId } : {}),
    providerStatus: `${stat ?? 'no state'}${errText}`,
    // A receipt without any state is unreadable: a failure of no known kind, never a pass.
    status: outcome?.status ?? 'technical-failure',
    final: kind === 'receipt' && (outcome?.final ?? true),
    stateFrom: tlvStat ? 'tlv' : text.stat ? 'text' : 'none',
    text,
    ...(disagreement ? { disagreement } : {}),
  };
}

function networkError(code: Buffer | undefined): number | undefined {
  return code && code.length >= 3 ? code.readUInt16BE(1) : undefined;
}

function numeric(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
