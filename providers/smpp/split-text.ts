import { septetsOf } from '../../content/gsm7.ts';
import { analyse } from '../../content/segments.ts';

export interface TextPart {
  /** The user data header (UDHL first) for a part of a concatenated message. */
  readonly udh?: Buffer;
  readonly text: string;
}

export interface SplitText {
  /** 0 for GSM 03.38 (the SMSC default alphabet), 8 for UCS-2. */
  readonly dataCoding: 0 | 8;
  readonly parts: readonly TextPart[];
}

const CAPACITY = { 'GSM-7': 153, 'UCS-2': 67 } as const;

/**
 * A text as submit_sm PDUs carry it: GSM 03.38 where every character allows, UCS-2 otherwise,
 * and over one message's length split into parts with an 8-bit concatenation UDH. A part never
 * cuts an escape pair or a surrogate pair in two.
 */
export function splitText(text: string, reference: number): SplitText {
  const { encoding, segments } = analyse(text);
  const dataCoding = encoding === 'GSM-7' ? 0 : 8;
  if (segments === 1) return { dataCoding, parts: [{ text }] };

  const chunks = pack(text, CAPACITY[encoding], encoding === 'GSM-7');
  const parts = chunks.map((chunk, index) => ({
    udh: Buffer.from([0x05, 0x00, 0x03, reference & 0xff, chunks.length, index + 1]),
    text: chunk,
  }));
  return { dataCoding, parts };
}

function pack(text: string, capacity: number, gsm: boolean): string[] {
  const chunks = [''];
  let used = 0;

  for (const char of text) {
    const cost = gsm ? (septetsOf(char) ?? 1) : char.length;
    if (used + cost > capacity) {
      chunks.push('');
      used = 0;
    }
    chunks[chunks.length - 1] += char;
    used += cost;
  }
  return chunks;
}
