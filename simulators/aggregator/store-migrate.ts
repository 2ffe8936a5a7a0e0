import type Database from 'better-sqlite3';
import { Keyring } from './keyring.ts';
import type { StoreKeys } from './store.ts';
import { sealSetAside, setAside } from './store-migrate-v3.ts';
import { MIGRATIONS, SCHEMA, SCHEMA_VERSION } from './store-schema.ts';

/** The version that first sealed personal data; stores older than it held it in the clear. */
const SEALED_SINCE = 3;

/**
 * Brings an older store up to date, then creates whatever is missing and loads its keys.
 * `migrated` says that plaintext was sealed, so the caller can scrub the file of it.
 */
export function migrate(
  db: Database.Database,
  file: string,
  keys: StoreKeys,
): { keyring: Keyring; migrated: boolean } {
  const from = storedVersion(db);
  for (let version = from; version < SEALED_SINCE - 1; version++) {
    db.exec(MIGRATIONS[version] ?? '');
  }
  const migrated = from < SEALED_SINCE;
  if (migrated) setAside(db);

  db.exec(SCHEMA);
  const keyring = Keyring.load(db, keys.kek, file, keys.plaintext ?? false);
  if (migrated) sealSetAside(db, keyring);

  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('schema_version', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(String(SCHEMA_VERSION));
  return { keyring, migrated };
}

/** The version a store was written with; a new file is already the current one. */
function storedVersion(db: Database.Database): number {
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    .get();
  if (!hasMeta) return SCHEMA_VERSION;

  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
    { value: string } | undefined;
  return Number(row?.value ?? SCHEMA_VERSION);
}
