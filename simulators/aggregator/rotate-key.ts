import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ConfigError } from '../../core/errors.ts';
import { keyId } from './envelope.ts';
import type { Kek } from './kek.ts';
import { unwrapKey, wrapKey, type DataKeyRow } from './keyring.ts';
import { SimulatorStore } from './store.ts';

export interface Rotation {
  readonly from: string;
  readonly to: string;
  /** How many data keys were re-wrapped. */
  readonly dataKeys: number;
}

/**
 * Re-wraps every data key of the store under `newKek`, in one transaction: records stay sealed
 * as they are, and afterwards only the new key opens the store. The simulator must be stopped.
 */
export function rotateStoreKey(file: string, oldKek: Kek, newKek: Kek): Rotation {
  const from = keyId(oldKek.key);
  const to = keyId(newKek.key);
  if (from === to) {
    throw new ConfigError(newKek.source, ['the new key-encryption key is the old one']);
  }

  if (!existsSync(file)) {
    throw new ConfigError(file, [
      'no simulator store here: give the data folder the simulator used',
    ]);
  }

  // Opening checks the old key against every data key and brings an older store up to date.
  SimulatorStore.open(file, { kek: oldKek }).close();

  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('secure_delete = ON');
    const dataKeys = db.transaction(() => rewrap(db, file, oldKek, newKek)).immediate();
    // The old wrappings must not outlive the rotation in the write-ahead log either.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { from, to, dataKeys };
  } finally {
    db.close();
  }
}

export function assertStore(file: string): void {
  if (!existsSync(file)) {
    throw new ConfigError(file, [
      'no simulator store here: give the data folder the simulator used',
    ]);
  }
}

function rewrap(db: Database.Database, file: string, oldKek: Kek, newKek: Kek): number {
  const rows = db
    .prepare('SELECT id, purpose, kek_id, wrapped FROM data_keys')
    .all() as DataKeyRow[];
  const update = db.prepare('UPDATE data_keys SET wrapped = ?, kek_id = ? WHERE id = ?');
  const to = keyId(newKek.key);

  for (const row of rows) {
    const key = unwrapKey(row, oldKek, file);
    update.run(wrapKey(newKek.key, row.id, row.purpose, key), to, row.id);
  }
  return rows.length;
}
