import type { DecodedMessage, PDU } from 'smpp';

/** Where a part sits in a concatenated message, from its UDH or its SAR TLVs. */
export interface Concatenation {
  readonly reference: number;
  readonly total: number;
  readonly sequence: number;
}

/** IEIs of the concatenation information elements: 8-bit and 16-bit reference. */
const CONCAT_8 = 0x00;
const CONCAT_16 = 0x08;

/**
 * Where a short_message or message_payload sits in a concatenated message: its UDH says, or the
 * PDU's SAR TLVs do. Undefined for a whole text. The numbers are as given, possible or not.
 */
export function concatenationOf(
  pdu: PDU,
  body: DecodedMessage | undefined,
): Concatenation | undefined {
  return fromUdh(body?.udh) ?? fromSar(pdu);
}

/** Whether a part could belong to a message: its place lies within the parts it says there are. */
export function isPossible(part: Concatenation): boolean {
  return part.total >= 1 && part.sequence >= 1 && part.sequence <= part.total;
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
  return { reference, total, sequence };
}
