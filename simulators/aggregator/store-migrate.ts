import type Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA, SCHEMA_VERSION } from './store-schema.ts';

/** Brings an older store up to date, then creates whatever is missing. */
export function migrate(db: Database.Database): void {
  for (let version = storedVersion(db); version < SCHEMA_VERSION; version++) {
    db.exec(MIGRATIONS[version] ?? '');
  }

  db.exec(SCHEMA);
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('schema_version', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(String(SCHEMA_VERSION));
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
