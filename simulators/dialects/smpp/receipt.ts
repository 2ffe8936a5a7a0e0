import type { FinalStatus, MessageView } from '../../aggregator/message.ts';
import type { SmscMessage, SmscPart } from './message-book.ts';

/**
 * How the SMSC words each final outcome of the network model. `err` is a GSM MAP error, sent
 * also as the network_error_code TLV (network type 3, GSM): 1 unknown subscriber (permanent),
 * 27 absent subscriber (temporary), 34 system failure (the network could not take it at all,
 * which no Appendix B `stat` names, hence UNKNOWN).
 */
export const RECEIPT_WORDING: Readonly<
  Record<FinalStatus, { readonly stat: string; readonly state: number; readonly err: number }>
> = {
  delivered: { stat: 'DELIVRD', state: 2, err: 0 },
  'temporary-failure': { stat: 'UNDELIV', state: 5, err: 27 },
  'permanent-failure': { stat: 'UNDELIV', state: 5, err: 1 },
  'technical-failure': { stat: 'UNKNOWN', state: 7, err: 34 },
};

/** message_state while the network still has the message: ENROUTE. */
export const ENROUTE = 1;

const ESM_DELIVERY_RECEIPT = 0x04;
const GSM_NETWORK = 3;

/**
 * Whether a part's registered_delivery asks for this outcome's receipt: bits 1-0 are 01 for
 * any final outcome, 10 for failures only, 11 for successes only (SMPP 5.0; 3.4 reserves it).
 */
export function wantsReceipt(registeredDelivery: number, status: FinalStatus): boolean {
  const asked = registeredDelivery & 0x03;
  if (asked === 1) return true;
  if (asked === 2) return status !== 'delivered';
  return asked === 3 && status === 'delivered';
}

/** What one receipt says, whether final or intermediate. */
interface Wording {
  readonly stat: string;
  readonly state: number;
  readonly err: number;
}

const ESM_INTERMEDIATE = 0x20;
const EN_ROUTE: Wording = { stat: 'ENROUTE', state: ENROUTE, err: 0 };

/**
 * The deliver_sm fields of one part's final receipt: the Appendix B text, and the same facts as
 * receipted_message_id, message_state and network_error_code TLVs.
 */
export function receiptFields(message: SmscMessage, part: SmscPart, view: MessageView) {
  const status = view.status as FinalStatus;
  const done = view.completedAt ?? view.createdAt;
  return fields(message, part, RECEIPT_WORDING[status], ESM_DELIVERY_RECEIPT, {
    delivered: status === 'delivered',
    submitted: view.createdAt,
    done,
  });
}

/**
 * An intermediate notification (esm_class 0x20): the part has left the SMSC for the network,
 * ENROUTE, for clients that set bit 4 (0x10) of registered_delivery.
 */
export function intermediateFields(message: SmscMessage, part: SmscPart, createdAt: number) {
  return fields(message, part, EN_ROUTE, ESM_INTERMEDIATE, {
    delivered: false,
    submitted: createdAt,
    done: createdAt,
  });
}

function fields(
  message: SmscMessage,
  part: SmscPart,
  wording: Wording,
  esmClass: number,
  at: { readonly delivered: boolean; readonly submitted: number; readonly done: number },
) {
  const text = [
    `id:${part.id}`,
    'sub:001',
    `dlvrd:${at.delivered ? '001' : '000'}`,
    `submit date:${minutes(at.submitted)}`,
    `done date:${minutes(at.done)}`,
    `stat:${wording.stat}`,
    `err:${String(wording.err).padStart(3, '0')}`,
    `text:${excerpt(part.text)}`,
  ].join(' ');

  return {
    source_addr_ton: 1,
    source_addr_npi: 1,
    source_addr: message.destination,
    dest_addr_ton: 0,
    dest_addr_npi: 0,
    destination_addr: message.source,
    esm_class: esmClass,
    data_coding: 0,
    short_message: Buffer.from(text, 'ascii'),
    receipted_message_id: part.id,
    message_state: wording.state,
    network_error_code: Buffer.from([GSM_NETWORK, wording.err >> 8, wording.err & 0xff]),
  };
}

/** Appendix B dates: YYMMDDhhmm, UTC. */
export function minutes(epochMicros: number): string {
  return new Date(Math.floor(epochMicros / 1000))
    .toISOString()
    .replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d).*$/, '$1$2$3$4$5');
}

/** The first 20 characters, kept to letters, digits and plain punctuation as SMSCs do. */
function excerpt(text: string): string {
  return text.slice(0, 20).replace(/[^A-Za-z0-9 .,!?-]/g, '.');
}
