/**
 * The simulator's tables. A message's row holds its whole planned life (`sent_at`,
 * `completed_at`, `handset_at` in the future are steps still to come), so its status needs no
 * writes and survives any restart; callback attempts still to make are rows of `callback_jobs`,
 * each with the real time it falls due. Texts handsets send to services are rows of `replies`.
 *
 * Every index costs each accepted message a write, so there are few: `seq` follows creation
 * order and serves newest-first listing, ids are time-ordered (see `newMessageId`), and the
 * partial indexes skip the rows that need no lookup.
 *
 * Personal data sits only in `sealed` (AES-256-GCM under the data key `key_id` names, see
 * keyring.ts): a message's recipient, number, body, wire body and reference; a reply's handset
 * and body; every `meta` value written through the store. Lookups by number or reference go
 * through keyed blind indexes. Data keys are kept wrapped by the key-encryption key in
 * `data_keys`.
 */
export const SCHEMA_VERSION = 3;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  key_id TEXT
);

CREATE TABLE IF NOT EXISTS data_keys (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  kek_id TEXT NOT NULL,
  wrapped BLOB NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  dialect TEXT NOT NULL,
  account_id TEXT NOT NULL,
  key_type TEXT NOT NULL,
  test INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  sealed BLOB NOT NULL,
  number_index BLOB NOT NULL,
  reference_index BLOB,
  country TEXT NOT NULL DEFAULT 'GB',
  sender TEXT NOT NULL,
  shown_sender TEXT,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  fragments INTEGER NOT NULL,
  rate_multiplier REAL NOT NULL DEFAULT 1,
  planned_outcome TEXT NOT NULL,
  reported_status TEXT NOT NULL,
  reaches_handset INTEGER NOT NULL,
  transit_status TEXT NOT NULL DEFAULT 'sending',
  created_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  completed_at INTEGER,
  handset_at INTEGER
);

CREATE INDEX IF NOT EXISTS messages_by_reference
  ON messages (reference_index) WHERE reference_index IS NOT NULL;

CREATE INDEX IF NOT EXISTS messages_on_handsets
  ON messages (number_index, handset_at) WHERE handset_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS callback_jobs (
  id INTEGER PRIMARY KEY,
  due_at REAL NOT NULL,
  kind TEXT NOT NULL DEFAULT 'delivery-status',
  message_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  claimed INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS callback_jobs_due ON callback_jobs (claimed, due_at, id);

CREATE TABLE IF NOT EXISTS callback_attempts (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'delivery-status',
  message_id TEXT NOT NULL,
  url TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status INTEGER,
  error TEXT,
  at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS replies (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  dialect TEXT NOT NULL,
  account_id TEXT NOT NULL,
  key_id TEXT NOT NULL,
  sealed BLOB NOT NULL,
  handset_index BLOB NOT NULL,
  service_number TEXT NOT NULL,
  addressed_to TEXT NOT NULL,
  received INTEGER NOT NULL,
  sent_at INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS replies_by_handset ON replies (handset_index, sent_at);
`;

/**
 * What turns a store of each earlier version into the next one, run before `SCHEMA`. Version 2
 * added international messages, shown senders, handset arrival times and replies. Version 3
 * sealed personal data, which takes keys: store-migrate-v3.ts does it.
 */
export const MIGRATIONS: Readonly<Record<number, string>> = {
  1: `
ALTER TABLE messages ADD COLUMN country TEXT NOT NULL DEFAULT 'GB';
ALTER TABLE messages ADD COLUMN wire_body TEXT;
ALTER TABLE messages ADD COLUMN shown_sender TEXT;
ALTER TABLE messages ADD COLUMN rate_multiplier REAL NOT NULL DEFAULT 1;
ALTER TABLE messages ADD COLUMN transit_status TEXT NOT NULL DEFAULT 'sending';
ALTER TABLE messages ADD COLUMN handset_at INTEGER;
UPDATE messages SET handset_at = completed_at
  WHERE reaches_handset = 1 AND planned_outcome = 'delivered';
DROP INDEX IF EXISTS messages_by_handset;
ALTER TABLE callback_jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'delivery-status';
ALTER TABLE callback_attempts ADD COLUMN kind TEXT NOT NULL DEFAULT 'delivery-status';
`,
};
