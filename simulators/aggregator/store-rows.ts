import type { CallbackKind } from './callback-dispatcher.ts';
import type { FinalStatus, NewMessage, StoredMessage, TransitStatus } from './message.ts';
import type { Keyring } from './keyring.ts';
import type { NewReply, StoredReply } from './reply.ts';
import {
  numberIndex,
  openMessage,
  openReply,
  referenceIndex,
  sealMessage,
  sealReply,
} from './store-sealing.ts';
import type { CallbackJob, ListFilter } from './store.ts';

/** Conversions between SQLite rows and the simulator's records. */
export type Row = Record<string, unknown>;

/** A message's status at `@now`, in SQL, as `viewAt` computes it in TypeScript. */
const STATUS_AT_NOW = `CASE
  WHEN completed_at IS NOT NULL AND completed_at <= @now THEN reported_status
  WHEN sent_at <= @now THEN transit_status
  ELSE 'created' END`;

export function listQuery(filter: ListFilter, keyring: Keyring): { sql: string; params: Row } {
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
    where.push('reference_index = @reference');
    params.reference = referenceIndex(keyring, filter.reference);
  }

  if (filter.number !== undefined) {
    where.push('number_index = @number');
    params.number = numberIndex(keyring, filter.number);
  }
  if (filter.sender !== undefined) {
    where.push('sender = @sender');
    params.sender = filter.sender;
  }
  if (filter.sent !== undefined) {
    where.push('sent_at >= @sentFrom AND sent_at < @sentUntil');
    params.sentFrom = filter.sent.from;
    params.sentUntil = Math.min(filter.sent.until, filter.nowMicros + 1);
  }
  if (filter.createdBefore !== undefined) {
    where.push('created_at < @createdBefore');
    params.createdBefore = filter.createdBefore;
  }

  // `seq` follows creation order, so it pages newest first without an index of its own.
  if (filter.olderThan !== undefined) {
    where.push(`seq < (SELECT seq FROM messages WHERE id = @olderThan AND account_id = @account)`);
    params.olderThan = filter.olderThan;
  }

  const sql = `SELECT * FROM messages WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
  return { sql, params };
}

export function toRow(m: NewMessage, keyring: Keyring): Row {
  return {
    id: m.id,
    dialect: m.dialect,
    account_id: m.accountId,
    key_type: m.keyType,
    test: m.test ? 1 : 0,
    ...sealMessage(keyring, m.id, {
      to: m.to,
      number: m.number,
      body: m.body,
      ...(m.wireBody === m.body ? {} : { wireBody: m.wireBody }),
      reference: m.reference,
    }),
    country: m.country,
    sender: m.sender,
    shown_sender: m.shownSender === m.sender ? null : m.shownSender,
    template_id: m.templateId,
    template_version: m.templateVersion,
    fragments: m.fragments,
    rate_multiplier: m.rateMultiplier,
    planned_outcome: m.plannedOutcome,
    reported_status: m.reportedStatus,
    reaches_handset: m.reachesHandset ? 1 : 0,
    transit_status: m.transitStatus,
    created_at: m.createdAt,
    sent_at: m.sentAt,
    completed_at: m.completedAt,
    handset_at: m.handsetAt,
  };
}

// Shown sender and wire body are stored only where they differ, which is rare.
export function fromRow(row: Row, keyring: Keyring): StoredMessage {
  const secrets = openMessage(keyring, row);
  const sender = String(row.sender);
  return {
    seq: Number(row.seq),
    id: String(row.id),
    dialect: String(row.dialect),
    accountId: String(row.account_id),
    keyType: String(row.key_type),
    test: row.test === 1,
    to: secrets.to,
    number: secrets.number,
    country: String(row.country),
    body: secrets.body,
    wireBody: secrets.wireBody ?? secrets.body,
    sender,
    shownSender: row.shown_sender === null ? sender : String(row.shown_sender),
    reference: secrets.reference,
    templateId: String(row.template_id),
    templateVersion: Number(row.template_version),
    fragments: Number(row.fragments),
    rateMultiplier: Number(row.rate_multiplier),
    plannedOutcome: String(row.planned_outcome) as FinalStatus,
    reportedStatus: String(row.reported_status) as FinalStatus,
    reachesHandset: row.reaches_handset === 1,
    transitStatus: String(row.transit_status) as TransitStatus,
    createdAt: Number(row.created_at),
    sentAt: Number(row.sent_at),
    completedAt: nullableNumber(row.completed_at),
    handsetAt: nullableNumber(row.handset_at),
  };
}

export function callbackJobFromRow(row: Row): CallbackJob {
  return {
    id: Number(row.id),
    dueAt: Number(row.due_at),
    kind: String(row.kind) as CallbackKind,
    subjectId: String(row.message_id),
    attempt: Number(row.attempt),
  };
}

export function replyToRow(r: NewReply, keyring: Keyring): Row {
  return {
    id: r.id,
    dialect: r.dialect,
    account_id: r.accountId,
    ...sealReply(keyring, r.id, { handset: r.handset, body: r.body }),
    service_number: r.serviceNumber,
    addressed_to: r.addressedTo,
    received: r.received ? 1 : 0,
    sent_at: r.sentAt,
  };
}

export function replyFromRow(row: Row, keyring: Keyring): StoredReply {
  const secrets = openReply(keyring, row);
  return {
    seq: Number(row.seq),
    id: String(row.id),
    dialect: String(row.dialect),
    accountId: String(row.account_id),
    handset: secrets.handset,
    serviceNumber: String(row.service_number),
    addressedTo: String(row.addressed_to),
    body: secrets.body,
    received: row.received === 1,
    sentAt: Number(row.sent_at),
  };
}

function nullableNumber(value: unknown): number | null {
  return value === null ? null : Number(value);
}
