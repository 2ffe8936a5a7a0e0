/**
 * The simulator's tables. A message's row holds its whole planned life (`sent_at`,
 * `completed_at` in the future are transitions still to come), so its status needs no writes
 * and survives any restart; callback attempts still to make are rows of `callback_jobs`, each
 * with the real time it falls due.
 *
 * Every index costs each accepted message a write, so there are few: `seq` follows creation
 * order and serves newest-first listing, ids are time-ordered (see `newMessageId`), and the
 * partial indexes skip the rows that need no lookup.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  dialect TEXT NOT NULL,
  account_id TEXT NOT NULL,
  key_type TEXT NOT NULL,
  test INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  number TEXT NOT NULL,
  body TEXT NOT NULL,
  sender TEXT NOT NULL,
  reference TEXT,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  fragments INTEGER NOT NULL,
  planned_outcome TEXT NOT NULL,
  reported_status TEXT NOT NULL,
  reaches_handset INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  completed_at INTEGER
);

CREATE INDEX IF NOT EXISTS messages_by_reference
  ON messages (reference) WHERE reference IS NOT NULL;

CREATE INDEX IF NOT EXISTS messages_by_handset
  ON messages (number, completed_at)
  WHERE reaches_handset = 1 AND planned_outcome = 'delivered';

CREATE TABLE IF NOT EXISTS callback_jobs (
  id INTEGER PRIMARY KEY,
  due_at REAL NOT NULL,
  message_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  claimed INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS callback_jobs_due ON callback_jobs (claimed, due_at, id);

CREATE TABLE IF NOT EXISTS callback_attempts (
  seq INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL,
  url TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status INTEGER,
  error TEXT,
  at INTEGER NOT NULL
);
`;
