/**
 * Whether two SMPP message ids name the same message. SMSCs answer submit_sm with an id in one
 * form (`7F3A21`, hex) and some write the receipt's `id:` in another (`8337953`, the same number
 * in decimal), or with leading zeros, or in another case. Ids are compared as big integers so
 * that 64-bit ids keep every digit; ids that are not numbers compare as written.
 */
export function sameMessageId(a: string, b: string): boolean {
  const left = a.trim();
  const right = b.trim();
  if (left.toUpperCase() === right.toUpperCase()) return true;

  return readings(left).some((x) => readings(right).some((y) => x === y));
}

const DECIMAL = /^\d+$/;
const HEX = /^(?:0x)?[0-9a-f]+$/i;

/**
 * The numbers an id may stand for. An id of decimal digits only is read both ways, since
 * `3E9`-style hex ids and decimal ids both occur; an id that could only be hex is read as hex.
 */
function readings(id: string): bigint[] {
  const values: bigint[] = [];
  if (DECIMAL.test(id)) values.push(BigInt(id));
  if (HEX.test(id)) values.push(BigInt(id.startsWith('0x') ? id : `0x${id}`));
  return values;
}
