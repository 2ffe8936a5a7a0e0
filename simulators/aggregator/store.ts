import Database from 'better-sqlite3';
import type { NewMessage, StoredMessage } from './message.ts';
import { SCHEMA, SCHEMA_VERSION } from './store-schema.ts';
import { callbackJobFromRow, fromRow, listQuery, toRow, type Row } from './store-rows.ts';

/** One pending attempt to post a message's delivery-status callback. */
export interface CallbackJob {
  readonly id: number;
  /** Real epoch milliseconds. */
  readonly dueAt: number;
  readonly messageId: string;
  readonly attempt: number;
}

export interface ListFilter {
  readonly accountId: string;
  readonly keyType: string;
  /** The moment whose statuses the filter sees, in epoch microseconds. */
  readonly nowMicros: number;
  readonly statuses?: readonly string[];
  readonly reference?: string;
  /** Only messages created before this one; none at all when it does not exist. */
  readonly olderThan?: string;
  readonly limit: number;
}

/** A text as a handset received it. */
export interface HandsetRow {
  readonly messageId: string;
  readonly sender: string;
  readonly body: string;
  /** Real epoch microseconds. */
  readonly receivedAt: number;
}

export interface CallbackAttemptRow {
  readonly messageId: string;
  readonly url: string;
  readonly attempt: number;
  readonly status: number | null;
  readonly error: string | null;
  /** Real epoch milliseconds. */
  readonly at: number;
}

/**
 * All of the simulator's persistence: one SQLite file in WAL mode. Nothing outside this module
 * writes SQL, so the storage can change (encryption at rest, another engine) behind it.
 */
export class SimulatorStore {
  readonly #db: Database.Database;
  readonly #statements: ReturnType<typeof prepare>;
  readonly #adHoc = new Map<string, Database.Statement>();

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = prepare(db);
  }

  static open(file: string): SimulatorStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(
      'schema_version',
      String(SCHEMA_VERSION),
    );
    return new SimulatorStore(db);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  readMeta(key: string): string | undefined {
    const row = this.#statements.readMeta.get(key) as { value: string } | undefined;
    return row?.value;
  }

  writeMeta(key: string, value: string): void {
    this.#statements.writeMeta.run(key, value);
  }

  deleteMeta(key: string): void {
    this.#statements.deleteMeta.run(key);
  }

  insertMessage(message: NewMessage): void {
    this.#statements.insertMessage.run(toRow(message));
  }

  findMessage(accountId: string, id: string): StoredMessage | undefined {
    const row = this.#statements.findMessage.get(accountId, id) as Row | undefined;
    return row && fromRow(row);
  }

  findMessageById(id: string): StoredMessage | undefined {
    const row = this.#statements.findMessageById.get(id) as Row | undefined;
    return row && fromRow(row);
  }

  /** Newest first. */
  listMessages(filter: ListFilter): StoredMessage[] {
    const { sql, params } = listQuery(filter);
    return (this.#cached(sql).all(params) as Row[]).map(fromRow);
  }

  /** Texts delivered to `number` in the window (after, upTo], oldest first. */
  handsetMessages(number: string, after: number, upTo: number): HandsetRow[] {
    const rows = this.#statements.handsetMessages.all(number, after, upTo) as Row[];
    return rows.map((row) => ({
      messageId: String(row.id),
      sender: String(row.sender),
      body: String(row.body),
      receivedAt: Number(row.completed_at),
    }));
  }

  insertCallbackJob(job: Omit<CallbackJob, 'id'>): void {
    this.#statements.insertCallbackJob.run(job.dueAt, job.messageId, job.attempt);
  }

  /** Unclaimed callback jobs due by `now` (real epoch ms), in due order. */
  dueCallbackJobs(now: number, limit: number): CallbackJob[] {
    return (this.#statements.dueCallbackJobs.all(now, limit) as Row[]).map(callbackJobFromRow);
  }

  nextCallbackDueAt(): number | undefined {
    const row = this.#statements.nextCallbackDueAt.get() as { due: number | null };
    return row.due ?? undefined;
  }

  claimCallbackJob(id: number): void {
    this.#statements.claimCallbackJob.run(id);
  }

  deleteCallbackJob(id: number): void {
    this.#statements.deleteCallbackJob.run(id);
  }

  /** Forgets claims left by a process that stopped with callbacks in flight, so they run again. */
  releaseClaims(): void {
    this.#db.exec('UPDATE callback_jobs SET claimed = 0 WHERE claimed = 1');
  }

  /** Transitions still to come after `nowMicros`, plus callback attempts still to make. */
  pendingWork(nowMicros: number): number {
    return (this.#statements.pendingWork.get(nowMicros, nowMicros) as { n: number }).n;
  }

  logCallbackAttempt(attempt: CallbackAttemptRow): void {
    this.#statements.logCallbackAttempt.run(attempt);
  }

  callbackAttempts(messageId?: string): CallbackAttemptRow[] {
    const rows = (
      messageId === undefined
        ? this.#statements.callbackAttempts.all()
        : this.#statements.callbackAttemptsFor.all(messageId)
    ) as Row[];
    return rows.map((row) => ({
      messageId: String(row.message_id),
      url: String(row.url),
      attempt: Number(row.attempt),
      status: row.status === null ? null : Number(row.status),
      error: row.error === null ? null : String(row.error),
      at: Number(row.at),
    }));
  }

  /** Statements whose text depends on the call (IN lists, optional filters), prepared once. */
  #cached(sql: string): Database.Statement {
    let statement = this.#adHoc.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#adHoc.set(sql, statement);
    }
    return statement;
  }
}

function prepare(db: Database.Database) {
  return {
    readMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    writeMeta: db.prepare(
      `INSERT INTO meta (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
    insertMessage: db.prepare(`
      INSERT INTO messages (id, dialect, account_id, key_type, test, recipient, number, body,
        sender, reference, template_id, template_version, fragments, planned_outcome,
        reported_status, reaches_handset, created_at, sent_at, completed_at)
      VALUES (@id, @dialect, @account_id, @key_type, @test, @recipient, @number, @body,
        @sender, @reference, @template_id, @template_version, @fragments, @planned_outcome,
        @reported_status, @reaches_handset, @created_at, @sent_at, @completed_at)`),
    findMessage: db.prepare('SELECT * FROM messages WHERE account_id = ? AND id = ?'),
    findMessageById: db.prepare('SELECT * FROM messages WHERE id = ?'),
    handsetMessages: db.prepare(`
      SELECT id, sender, body, completed_at FROM messages
      WHERE number = ? AND reaches_handset = 1 AND planned_outcome = 'delivered'
        AND completed_at > ? AND completed_at <= ?
      ORDER BY completed_at, seq`),
    insertCallbackJob: db.prepare(
      'INSERT INTO callback_jobs (due_at, message_id, attempt) VALUES (?, ?, ?)',
    ),
    dueCallbackJobs: db.prepare(
      `SELECT * FROM callback_jobs WHERE claimed = 0 AND due_at <= ?
       ORDER BY due_at, id LIMIT ?`,
    ),
    nextCallbackDueAt: db.prepare('SELECT MIN(due_at) AS due FROM callback_jobs WHERE claimed = 0'),
    claimCallbackJob: db.prepare('UPDATE callback_jobs SET claimed = 1 WHERE id = ?'),
    deleteCallbackJob: db.prepare('DELETE FROM callback_jobs WHERE id = ?'),
    pendingWork: db.prepare(`
      SELECT (SELECT COUNT(*) FROM messages WHERE sent_at > ? OR completed_at > ?)
        + (SELECT COUNT(*) FROM callback_jobs) AS n`),
    logCallbackAttempt: db.prepare(`
      INSERT INTO callback_attempts (message_id, url, attempt, status, error, at)
      VALUES (@messageId, @url, @attempt, @status, @error, @at)`),
    callbackAttempts: db.prepare('SELECT * FROM callback_attempts ORDER BY seq'),
    callbackAttemptsFor: db.prepare(
      'SELECT * FROM callback_attempts WHERE message_id = ? ORDER BY seq',
    ),
  };
}
