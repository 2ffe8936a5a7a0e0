import Database from 'better-sqlite3';
import type { CallbackKind } from './callback-dispatcher.ts';
import type { NewMessage, StoredMessage } from './message.ts';
import type { Kek } from './kek.ts';
import type { Keyring } from './keyring.ts';
import type { NewReply, StoredReply } from './reply.ts';
import { migrate } from './store-migrate.ts';
import {
  callbackJobFromRow,
  fromRow,
  listQuery,
  replyFromRow,
  replyToRow,
  toRow,
  type Row,
} from './store-rows.ts';
import { numberIndex } from './store-sealing.ts';
import { prepareStatements, type Statements } from './store-statements.ts';

/** How a store seals what it keeps. */
export interface StoreKeys {
  readonly kek: Kek;
  /** The faulty `plaintext-storage` profile: records are written in the clear. @default false */
  readonly plaintext?: boolean | undefined;
}

/** One pending attempt to post a callback about a message or a reply. */
export interface CallbackJob {
  readonly id: number;
  /** Real epoch milliseconds. */
  readonly dueAt: number;
  readonly kind: CallbackKind;
  /** The message or reply the callback is about. */
  readonly subjectId: string;
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
  /** Only texts to this E.164 number (Twilio's `To`). */
  readonly number?: string;
  /** Only texts from this sender (Twilio's `From`). */
  readonly sender?: string;
  /** Only texts sent by now, at or after `from` and before `until` (epoch µs: Twilio DateSent). */
  readonly sent?: { readonly from: number; readonly until: number };
  /** Only messages created before this moment (epoch µs), to page a log that mixes in replies. */
  readonly createdBefore?: number;
}

/** Only a service's received replies created before this one; none when it does not exist. */
export interface ReceivedFilter {
  readonly accountId: string;
  readonly olderThan?: string;
  readonly limit: number;
}

/** How many texts a handset holds and has sent in a window. */
export interface HandsetCount {
  readonly number: string;
  readonly messages: number;
  readonly replies: number;
}

export interface CallbackAttemptRow {
  readonly kind: CallbackKind;
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
 * writes SQL, so the storage can change (another engine) behind it. Personal data is sealed with
 * envelope encryption on its way in and opened on its way out (see store-schema.ts).
 */
export class SimulatorStore {
  readonly #db: Database.Database;
  readonly #keyring: Keyring;
  readonly #statements: Statements;
  readonly #adHoc = new Map<string, Database.Statement>();

  private constructor(db: Database.Database, keyring: Keyring) {
    this.#db = db;
    this.#keyring = keyring;
    this.#statements = prepareStatements(db);
  }

  /** Opens or creates the store; a key other than the one it was sealed with is refused. */
  static open(file: string, keys: StoreKeys): SimulatorStore {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      // Freed pages are zeroed, so nothing deleted or rewritten lingers in the file.
      db.pragma('secure_delete = ON');
      const { keyring, migrated } = db.transaction(() => migrate(db, file, keys))();
      if (migrated) scrub(db);
      return new SimulatorStore(db, keyring);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  transaction<T>(work: () => T): T {
    try {
      return this.#db.transaction(work)();
    } catch (error) {
      this.#keyring.afterRollback();
      throw error;
    }
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  readMeta(key: string): string | undefined {
    const row = this.#statements.readMeta.get(key) as
      { value: string | Buffer; key_id: string | null } | undefined;
    if (!row) return undefined;
    if (row.key_id === null) return String(row.value);
    return this.#keyring.open(row.key_id, row.value as Buffer, `meta:${key}`);
  }

  /** Sealed like records: it holds API keys, callback tokens and the team's numbers. */
  writeMeta(key: string, value: string): void {
    const { keyId, sealed } = this.#keyring.seal(`meta:${key}`, value);
    this.#statements.writeMeta.run(key, sealed, keyId);
  }

  deleteMeta(key: string): void {
    this.#statements.deleteMeta.run(key);
  }

  insertMessage(message: NewMessage): void {
    this.#statements.insertMessage.run(toRow(message, this.#keyring));
  }

  findMessage(accountId: string, id: string): StoredMessage | undefined {
    const row = this.#statements.findMessage.get(accountId, id) as Row | undefined;
    return row && fromRow(row, this.#keyring);
  }

  findMessageById(id: string): StoredMessage | undefined {
    const row = this.#statements.findMessageById.get(id) as Row | undefined;
    return row && fromRow(row, this.#keyring);
  }

  /** Newest first. */
  listMessages(filter: ListFilter): StoredMessage[] {
    const { sql, params } = listQuery(filter, this.#keyring);
    return (this.#cached(sql).all(params) as Row[]).map((row) => fromRow(row, this.#keyring));
  }

  /** Messages that reached `number` in the window (after, upTo] (epoch µs), oldest first. */
  handsetMessages(number: string, after: number, upTo: number): StoredMessage[] {
    const index = numberIndex(this.#keyring, number);
    const rows = this.#statements.handsetMessages.all(index, after, upTo) as Row[];
    return rows.map((row) => fromRow(row, this.#keyring));
  }

  /** How many messages have reached or will reach `number`, ever. */
  countHandsetMessages(number: string): number {
    const index = numberIndex(this.#keyring, number);
    return (this.#statements.countHandsetMessages.get(index) as { n: number }).n;
  }

  /** Every handset with texts received or sent in the window (after, upTo], by number. */
  handsetCounts(after: number, upTo: number): HandsetCount[] {
    const rows = this.#statements.handsetCounts.all({ after, upTo }) as Row[];
    const counts = rows.map((row) => ({
      number: this.#handsetOf(row),
      messages: Number(row.messages),
      replies: Number(row.replies),
    }));
    return counts.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  }

  insertReply(reply: NewReply): void {
    this.#statements.insertReply.run(replyToRow(reply, this.#keyring));
  }

  findReply(id: string): StoredReply | undefined {
    const row = this.#statements.findReply.get(id) as Row | undefined;
    return row && replyFromRow(row, this.#keyring);
  }

  /** Replies `handset` sent in the window (after, upTo], oldest first, dropped ones included. */
  handsetReplies(handset: string, after: number, upTo: number): StoredReply[] {
    const index = numberIndex(this.#keyring, handset);
    const rows = this.#statements.handsetReplies.all(index, after, upTo) as Row[];
    return rows.map((row) => replyFromRow(row, this.#keyring));
  }

  /** Replies a service received, newest first. */
  receivedReplies(filter: ReceivedFilter): StoredReply[] {
    const rows = (
      filter.olderThan === undefined
        ? this.#statements.receivedReplies.all(filter.accountId, filter.limit)
        : this.#statements.receivedRepliesOlder.all(filter)
    ) as Row[];
    return rows.map((row) => replyFromRow(row, this.#keyring));
  }

  insertCallbackJob(job: Omit<CallbackJob, 'id'>): void {
    this.#statements.insertCallbackJob.run(job.dueAt, job.kind, job.subjectId, job.attempt);
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

  /** Steps still to come after `nowMicros`, plus callback attempts still to make. */
  pendingWork(nowMicros: number): number {
    return (this.#statements.pendingWork.get({ now: nowMicros }) as { n: number }).n;
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
      kind: String(row.kind) as CallbackKind,
      messageId: String(row.message_id),
      url: String(row.url),
      attempt: Number(row.attempt),
      status: row.status === null ? null : Number(row.status),
      error: row.error === null ? null : String(row.error),
      at: Number(row.at),
    }));
  }

  /** The number of a handset counted by `handsetCounts`, from its latest message or reply. */
  #handsetOf(row: Row): string {
    if (row.message_seq !== null) {
      const message = this.#statements.messageBySeq.get(row.message_seq) as Row;
      return fromRow(message, this.#keyring).number;
    }
    const reply = this.#statements.replyBySeq.get(row.reply_seq) as Row;
    return replyFromRow(reply, this.#keyring).handset;
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

/**
 * After a migration sealed a store written in the clear, rewrites the file and empties the
 * write-ahead log, so that no page of the old plaintext survives in either.
 */
function scrub(db: Database.Database): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
