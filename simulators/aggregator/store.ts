import Database from 'better-sqlite3';
import type { CallbackKind } from './callback-dispatcher.ts';
import type { NewMessage, StoredMessage } from './message.ts';
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
import { prepareStatements, type Statements } from './store-statements.ts';

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
  /** Only texts sent by now, at or after `from` and before `until` (epoch µs; Twilio's DateSent). */
  readonly sent?: { readonly from: number; readonly until: number };
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
 * writes SQL, so the storage can change (encryption at rest, another engine) behind it.
 */
export class SimulatorStore {
  readonly #db: Database.Database;
  readonly #statements: Statements;
  readonly #adHoc = new Map<string, Database.Statement>();

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = prepareStatements(db);
  }

  static open(file: string): SimulatorStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.transaction(() => migrate(db))();
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

  /** Messages that reached `number` in the window (after, upTo] (epoch µs), oldest first. */
  handsetMessages(number: string, after: number, upTo: number): StoredMessage[] {
    return (this.#statements.handsetMessages.all(number, after, upTo) as Row[]).map(fromRow);
  }

  /** How many messages have reached or will reach `number`, ever. */
  countHandsetMessages(number: string): number {
    return (this.#statements.countHandsetMessages.get(number) as { n: number }).n;
  }

  /** Every handset with texts received or sent in the window (after, upTo], by number. */
  handsetCounts(after: number, upTo: number): HandsetCount[] {
    const params = { after, upTo };
    return (this.#statements.handsetCounts.all(params) as Row[]).map((row) => ({
      number: String(row.number),
      messages: Number(row.messages),
      replies: Number(row.replies),
    }));
  }

  insertReply(reply: NewReply): void {
    this.#statements.insertReply.run(replyToRow(reply));
  }

  findReply(id: string): StoredReply | undefined {
    const row = this.#statements.findReply.get(id) as Row | undefined;
    return row && replyFromRow(row);
  }

  /** Replies `handset` sent in the window (after, upTo], oldest first, dropped ones included. */
  handsetReplies(handset: string, after: number, upTo: number): StoredReply[] {
    return (this.#statements.handsetReplies.all(handset, after, upTo) as Row[]).map(replyFromRow);
  }

  /** Replies a service received, newest first. */
  receivedReplies(filter: ReceivedFilter): StoredReply[] {
    const rows = (
      filter.olderThan === undefined
        ? this.#statements.receivedReplies.all(filter.accountId, filter.limit)
        : this.#statements.receivedRepliesOlder.all(filter)
    ) as Row[];
    return rows.map(replyFromRow);
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
