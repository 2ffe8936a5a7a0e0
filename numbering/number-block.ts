/**
 * A run of consecutive numbers: an E.164 prefix followed by `freeDigits` digits of any value.
 * `{ prefix: '+447700900', freeDigits: 3 }` is 07700 900000–900999; a block with no free digits
 * is a single number.
 */
export interface NumberBlock {
  readonly prefix: string;
  readonly freeDigits: number;
}

const DIGITS = /^\d*$/;

export function blockContains(block: NumberBlock, e164: string): boolean {
  if (e164.length !== block.prefix.length + block.freeDigits) return false;
  return e164.startsWith(block.prefix) && DIGITS.test(e164.slice(block.prefix.length));
}

/** How many numbers the blocks hold together. */
export function blocksSize(blocks: readonly NumberBlock[]): number {
  return blocks.reduce((total, block) => total + 10 ** block.freeDigits, 0);
}

/**
 * The number at `index` when the blocks are laid end to end in order, each counted up from its
 * first number. Indexes run from 0 to `blocksSize(blocks) - 1`.
 */
export function numberAt(blocks: readonly NumberBlock[], index: number): string {
  if (!Number.isInteger(index) || index < 0) throw outOfRange(blocks, index);
  let rest = index;

  for (const block of blocks) {
    const size = 10 ** block.freeDigits;
    if (rest < size) return block.prefix + suffix(rest, block.freeDigits);
    rest -= size;
  }

  throw outOfRange(blocks, index);
}

function outOfRange(blocks: readonly NumberBlock[], index: number): RangeError {
  return new RangeError(`Index ${index} is outside blocks holding ${blocksSize(blocks)} numbers`);
}

function suffix(offset: number, freeDigits: number): string {
  return freeDigits === 0 ? '' : String(offset).padStart(freeDigits, '0');
}
