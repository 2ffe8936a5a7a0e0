import type { FinalStatus, NewMessage, StoredMessage } from './message.ts';
import type { CallbackJob, ListFilter } from './store.ts';

/** Conversions between SQLite rows and the simulator's records. */
export type Row = Record<string, unknown>;

/** A message's status at `@now`, in SQL, as `viewAt` computes it in TypeScript. */
const STATUS_AT_NOW = `CASE
  WHEN completed_at IS NOT NULL AND completed_at <= @now THEN reported_status
  WHEN sent_at <= @now THEN 'sending'
  ELSE 'created' END`;

export function listQuery(filter: ListFilter): { sql: string; params: Row } {
  const where = ['account_id = @account', 'key_type = @keyType'];
  const params: Row = {
    account: filter.accountId,
    keyType: filter.keyType,
    limit: filter.limit,
  };

  if (filter.statuses) {
    const names = filter.statuses.map((_, i) => `@status${i}`);
    filter.statuses.forEach((status, i) => (params[`status${i}`] = status));
    params.now = filter.nowMicros;
    where.push(`(${STATUS_AT_NOW}) IN (${names.join(', ') || 'NULL'})`);
  }
  if (filter.reference !== undefined) {
    where.push('reference = @reference');
    params.reference = filter.reference;
  }

  // `seq` follows creation order, so it pages newest first without an index of its own.
  if (filter.olderThan !== undefined) {
    where.push(`seq < (SELECT seq FROM messages WHERE id = @olderThan AND account_id = @account)`);
    params.olderThan = filter.olderThan;
  }

  const sql = `SELECT * FROM messages WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
  return { sql, params };
}

export function toRow(m: NewMessage): Row {
  return {
    id: m.id,
    dialect: m.dialect,
    account_id: m.accountId,
    key_type: m.keyType,
    test: m.test ? 1 : 0,
    recipient: m.to,
    number: m.number,
    body: m.body,
    sender: m.sender,
    reference: m.reference,
    template_id: m.templateId,
    template_version: m.templateVersion,
    fragments: m.fragments,
    planned_outcome: m.plannedOutcome,
    reported_status: m.reportedStatus,
    reaches_handset: m.reachesHandset ? 1 : 0,
    created_at: m.createdAt,
    sent_at: m.sentAt,
    completed_at: m.completedAt,
  };
}

export function fromRow(row: Row): StoredMessage {
  return {
    seq: Number(row.seq),
    id: String(row.id),
    dialect: String(row.dialect),
    accountId: String(row.account_id),
    keyType: String(row.key_type),
    test: row.test === 1,
    to: String(row.recipient),
    number: String(row.number),
    body: String(row.body),
    sender: String(row.sender),
    reference: row.reference === null ? null : String(row.reference),
    templateId: String(row.template_id),
    templateVersion: Number(row.template_version),
    fragments: Number(row.fragments),
    plannedOutcome: String(row.planned_outcome) as FinalStatus,
    reportedStatus: String(row.reported_status) as FinalStatus,
    reachesHandset: row.reaches_handset === 1,
    createdAt: Number(row.created_at),
    sentAt: Number(row.sent_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
  };
}

export function callbackJobFromRow(row: Row): CallbackJob {
  return {
    id: Number(row.id),
    dueAt: Number(row.due_at),
    messageId: String(row.message_id),
    attempt: Number(row.attempt),
  };
}
