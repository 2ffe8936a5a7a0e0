import type Database from 'better-sqlite3';
import type { Keyring } from './keyring.ts';
import { sealMessage, sealReply } from './store-sealing.ts';

type Row = Record<string, unknown>;

const CHUNK = 1000;

/**
 * Version 3 seals personal data. Before the new tables are made, the old ones step aside, with
 * the indexes whose names the new tables reuse; `sealSetAside` then moves their rows over.
 */
export function setAside(db: Database.Database): void {
  db.exec(`
    DROP INDEX IF EXISTS messages_by_reference;
    DROP INDEX IF EXISTS messages_on_handsets;
    DROP INDEX IF EXISTS replies_by_handset;
    ALTER TABLE messages RENAME TO messages_v2;
    ALTER TABLE meta ADD COLUMN key_id TEXT;
  `);
  if (hasTable(db, 'replies')) db.exec('ALTER TABLE replies RENAME TO replies_v2');
}

/** Seals every row of the set-aside tables into the new ones, keeping `seq`, then drops them. */
export function sealSetAside(db: Database.Database, keyring: Keyring): void {
  copy(db, 'messages_v2', 'messages', (row) => {
    const { recipient, number, body, wire_body, reference, ...clear } = row;
    return {
      ...clear,
      ...sealMessage(keyring, String(row.id), {
        to: String(recipient),
        number: String(number),
        body: String(body),
        ...(wire_body === null ? {} : { wireBody: String(wire_body) }),
        reference: reference === null ? null : String(reference),
      }),
    };
  });
  if (hasTable(db, 'replies_v2')) {
    copy(db, 'replies_v2', 'replies', (row) => {
      const { handset, body, ...clear } = row;
      return {
        ...clear,
        ...sealReply(keyring, String(row.id), { handset: String(handset), body: String(body) }),
      };
    });
  }

  const meta = db
    .prepare("SELECT key, value FROM meta WHERE key_id IS NULL AND key <> 'schema_version'")
    .all() as { key: string; value: string }[];
  const reseal = db.prepare('UPDATE meta SET value = ?, key_id = ? WHERE key = ?');
  for (const { key, value } of meta) {
    const { keyId, sealed } = keyring.seal(`meta:${key}`, String(value));
    reseal.run(sealed, keyId, key);
  }

  db.exec('DROP TABLE messages_v2; DROP TABLE IF EXISTS replies_v2;');
}

function copy(db: Database.Database, from: string, to: string, convert: (row: Row) => Row): void {
  const read = db.prepare(`SELECT * FROM ${from} WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`);
  let insert: Database.Statement | undefined;
  let after = -1;

  for (;;) {
    const rows = read.all(after) as Row[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const converted = convert(row);
      insert ??= insertInto(db, to, Object.keys(converted));
      insert.run(converted);
    }
    after = Number(rows[rows.length - 1]?.seq);
  }
}

function insertInto(db: Database.Database, table: string, columns: string[]): Database.Statement {
  const names = columns.join(', ');
  const values = columns.map((c) => `@${c}`).join(', ');
  return db.prepare(`INSERT INTO ${table} (${names}) VALUES (${values})`);
}

function hasTable(db: Database.Database, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}
