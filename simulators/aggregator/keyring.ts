import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ConfigError } from '../../core/errors.ts';
import { blindIndex, keyId, newKey, open, seal } from './envelope.ts';
import { KEK_ENV, KEY_FILE_ENV, type Kek } from './kek.ts';

/** The key id of records a faulty profile stored in the clear. */
export const PLAINTEXT_KEY_ID = 'plaintext';

/**
 * Random nonces stay far from colliding while one key seals fewer than 2^32 values; a store
 * starts a new data key well before that, and at every opening that writes.
 */
const SEALS_PER_DATA_KEY = 1 << 20;

type Purpose = 'records' | 'index';

export interface DataKeyRow {
  readonly id: string;
  readonly purpose: Purpose;
  readonly kek_id: string;
  readonly wrapped: Buffer;
}

/** What a record holds once sealed: the data key's id and nonce ‖ ciphertext ‖ tag. */
export interface Sealed {
  readonly keyId: string;
  readonly sealed: Buffer;
}

/**
 * The store's data keys, unwrapped with the key-encryption key (KEK) when the store opens. Data
 * keys seal records; one index key makes the blind indexes lookups use instead of numbers. Only
 * wrapped keys are written, in `data_keys`, each with the id of the KEK that wraps it.
 */
export class Keyring {
  readonly #db: Database.Database;
  readonly #kekKey: Buffer;
  readonly #kekId: string;
  readonly #plaintext: boolean;
  readonly #keys = new Map<string, Buffer>();
  readonly #indexKey: Buffer;
  #current: { id: string; key: Buffer; seals: number } | undefined;

  private constructor(db: Database.Database, kek: Kek, plaintext: boolean, file: string) {
    this.#db = db;
    this.#kekKey = kek.key;
    this.#kekId = keyId(kek.key);
    this.#plaintext = plaintext;

    const rows = db
      .prepare('SELECT id, purpose, kek_id, wrapped FROM data_keys')
      .all() as DataKeyRow[];
    for (const row of rows) this.#keys.set(row.id, unwrapKey(row, kek, file));
    const index = rows.find((row) => row.purpose === 'index');
    this.#indexKey = index ? (this.#keys.get(index.id) as Buffer) : this.#addKey('index').key;
  }

  /**
   * Unwraps every data key; a KEK other than the one that wrapped them is a configuration error
   * that says which key the store wants. `plaintext` is the faulty profile that seals nothing.
   */
  static load(db: Database.Database, kek: Kek, file: string, plaintext = false): Keyring {
    return new Keyring(db, kek, plaintext, file);
  }

  seal(aad: string, text: string): Sealed {
    const plain = Buffer.from(text, 'utf8');
    if (this.#plaintext) return { keyId: PLAINTEXT_KEY_ID, sealed: plain };

    const current = this.#currentKey();
    current.seals++;
    return { keyId: current.id, sealed: seal(current.key, plain, aad) };
  }

  open(keyId: string, sealed: Buffer, aad: string): string {
    if (keyId === PLAINTEXT_KEY_ID) return sealed.toString('utf8');

    const key = this.#keys.get(keyId);
    if (!key) throw new Error(`record ${aad} names data key ${keyId}, which the store lacks`);
    return open(key, sealed, aad).toString('utf8');
  }

  index(kind: string, value: string): Buffer {
    return blindIndex(this.#indexKey, kind, value);
  }

  /**
   * A transaction that created a data key and rolled back took the key's row with it: the next
   * seal makes a new one rather than name a key the store does not hold.
   */
  afterRollback(): void {
    this.#current = undefined;
  }

  #currentKey() {
    if (!this.#current || this.#current.seals >= SEALS_PER_DATA_KEY) {
      this.#current = { ...this.#addKey('records'), seals: 0 };
    }
    return this.#current;
  }

  #addKey(purpose: Purpose): { id: string; key: Buffer } {
    const key = newKey();
    const id = randomBytes(8).toString('hex');
    this.#db
      .prepare(
        'INSERT INTO data_keys (id, purpose, kek_id, wrapped, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, purpose, this.#kekId, wrapKey(this.#kekKey, id, purpose, key), Date.now());
    this.#keys.set(id, key);
    return { id, key };
  }
}

export function wrapKey(kek: Buffer, id: string, purpose: string, key: Buffer): Buffer {
  return seal(kek, key, `data-key:${id}:${purpose}`);
}

export function unwrapKey(row: DataKeyRow, kek: Kek, file: string): Buffer {
  const wanted = keyId(kek.key);
  if (row.kek_id !== wanted) throw wrongKek(kek, file, row.kek_id, wanted);
  try {
    return open(kek.key, row.wrapped, `data-key:${row.id}:${row.purpose}`);
  } catch {
    throw new ConfigError(kek.source, [
      `data key ${row.id} of the store ${file} does not unwrap with this key-encryption key ` +
        `(id ${wanted}): the key is wrong or the store was altered`,
    ]);
  }
}

function wrongKek(kek: Kek, file: string, sealedUnder: string, given: string): ConfigError {
  return new ConfigError(kek.source, [
    `the store ${file} is sealed under key-encryption key id ${sealedUnder}, and this key's id ` +
      `is ${given}: give the key it was sealed with (${KEK_ENV}, ${KEY_FILE_ENV} or a key ` +
      'file), or, if it was rotated, the new key',
  ]);
}
