/**
 * SMSC message ids: 64-bit numbers written in upper-case hex, as many SMSCs issue them. The top
 * bit is always set, so every id is above 2^53: a client that reads ids as JavaScript numbers
 * loses digits, and a test shows it.
 */
let counter = 0n;

const TOP_BIT = 1n << 63n;

export function newSmscMessageId(): string {
  counter = (counter + 1n) & 0xfffffn;
  const value = TOP_BIT | (BigInt(Date.now()) << 20n) | counter;
  return value.toString(16).toUpperCase();
}
