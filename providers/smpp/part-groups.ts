import type { Concatenation } from './concatenation.ts';

/**
 * Parts of concatenated messages, held by group until each is whole, in whatever order they
 * come. Beyond `maxOpen` incomplete groups the oldest is dropped: parts that never complete
 * must not fill memory.
 */
export class PartGroups<T> {
  readonly #open = new Map<string, Map<number, T>>();
  readonly #maxOpen: number;

  constructor(maxOpen: number) {
    this.#maxOpen = maxOpen;
  }

  /** Adds one part of group `key`; every part in order once the last one is in, else undefined. */
  add(key: string, concatenation: Concatenation, part: T): T[] | undefined {
    const group = `${key}|${concatenation.reference}|${concatenation.total}`;
    const parts = this.#open.get(group) ?? new Map<number, T>();
    parts.set(concatenation.sequence, part);
    this.#open.delete(group);

    if (parts.size < concatenation.total) {
      this.#open.set(group, parts);
      this.#dropOldest();
      return undefined;
    }
    return [...parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
  }

  #dropOldest(): void {
    if (this.#open.size <= this.#maxOpen) return;
    const oldest = this.#open.keys().next();
    if (!oldest.done) this.#open.delete(oldest.value);
  }
}
