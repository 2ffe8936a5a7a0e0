import type Database from 'better-sqlite3';

/** Every statement the store runs more than once, prepared when it opens. */
export type Statements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Database.Database) {
  return {
    readMeta: db.prepare('SELECT value, key_id FROM meta WHERE key = ?'),
    writeMeta: db.prepare(
      `INSERT INTO meta (key, value, key_id) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, key_id = excluded.key_id`,
    ),
    deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
    insertMessage: db.prepare(`
      INSERT INTO messages (id, dialect, account_id, key_type, test, key_id, sealed,
        number_index, reference_index, country, sender, shown_sender, template_id,
        template_version, fragments, rate_multiplier, planned_outcome, reported_status,
        reaches_handset, transit_status, created_at, sent_at, completed_at, handset_at)
      VALUES (@id, @dialect, @account_id, @key_type, @test, @key_id, @sealed,
        @number_index, @reference_index, @country, @sender, @shown_sender, @template_id,
        @template_version, @fragments, @rate_multiplier, @planned_outcome, @reported_status,
        @reaches_handset, @transit_status, @created_at, @sent_at, @completed_at, @handset_at)`),
    findMessage: db.prepare('SELECT * FROM messages WHERE account_id = ? AND id = ?'),
    findMessageById: db.prepare('SELECT * FROM messages WHERE id = ?'),
    messageBySeq: db.prepare('SELECT * FROM messages WHERE seq = ?'),
    handsetMessages: db.prepare(`
      SELECT * FROM messages
      WHERE number_index = ? AND handset_at IS NOT NULL AND handset_at > ? AND handset_at <= ?
      ORDER BY handset_at, seq`),
    countHandsetMessages: db.prepare(
      'SELECT COUNT(*) AS n FROM messages WHERE number_index = ? AND handset_at IS NOT NULL',
    ),
    // Numbers are sealed: each handset is named by its latest message or reply, opened later.
    handsetCounts: db.prepare(`
      SELECT SUM(messages) AS messages, SUM(replies) AS replies,
        MAX(message_seq) AS message_seq, MAX(reply_seq) AS reply_seq FROM (
        SELECT number_index AS handset, COUNT(*) AS messages, 0 AS replies,
          MAX(seq) AS message_seq, NULL AS reply_seq FROM messages
        WHERE handset_at IS NOT NULL AND handset_at > @after AND handset_at <= @upTo
        GROUP BY number_index
        UNION ALL
        SELECT handset_index, 0, COUNT(*), NULL, MAX(seq) FROM replies
        WHERE sent_at > @after AND sent_at <= @upTo
        GROUP BY handset_index)
      GROUP BY handset`),
    insertReply: db.prepare(`
      INSERT INTO replies (id, dialect, account_id, key_id, sealed, handset_index,
        service_number, addressed_to, received, sent_at)
      VALUES (@id, @dialect, @account_id, @key_id, @sealed, @handset_index,
        @service_number, @addressed_to, @received, @sent_at)`),
    findReply: db.prepare('SELECT * FROM replies WHERE id = ?'),
    replyBySeq: db.prepare('SELECT * FROM replies WHERE seq = ?'),
    handsetReplies: db.prepare(`
      SELECT * FROM replies WHERE handset_index = ? AND sent_at > ? AND sent_at <= ?
      ORDER BY sent_at, seq`),
    receivedReplies: db.prepare(`
      SELECT * FROM replies WHERE account_id = ? AND received = 1
      ORDER BY seq DESC LIMIT ?`),
    receivedRepliesOlder: db.prepare(`
      SELECT * FROM replies WHERE account_id = @accountId AND received = 1
        AND seq < (SELECT seq FROM replies WHERE id = @olderThan AND account_id = @accountId)
      ORDER BY seq DESC LIMIT @limit`),
    insertCallbackJob: db.prepare(
      'INSERT INTO callback_jobs (due_at, kind, message_id, attempt) VALUES (?, ?, ?, ?)',
    ),
    dueCallbackJobs: db.prepare(
      `SELECT * FROM callback_jobs WHERE claimed = 0 AND due_at <= ?
       ORDER BY due_at, id LIMIT ?`,
    ),
    nextCallbackDueAt: db.prepare('SELECT MIN(due_at) AS due FROM callback_jobs WHERE claimed = 0'),
    claimCallbackJob: db.prepare('UPDATE callback_jobs SET claimed = 1 WHERE id = ?'),
    deleteCallbackJob: db.prepare('DELETE FROM callback_jobs WHERE id = ?'),
    pendingWork: db.prepare(`
      SELECT (SELECT COUNT(*) FROM messages
          WHERE sent_at > @now OR completed_at > @now OR handset_at > @now)
        + (SELECT COUNT(*) FROM callback_jobs) AS n`),
    logCallbackAttempt: db.prepare(`
      INSERT INTO callback_attempts (kind, message_id, url, attempt, status, error, at)
      VALUES (@kind, @messageId, @url, @attempt, @status, @error, @at)`),
    callbackAttempts: db.prepare('SELECT * FROM callback_attempts ORDER BY seq'),
    callbackAttemptsFor: db.prepare(
      'SELECT * FROM callback_attempts WHERE message_id = ? ORDER BY seq',
    ),
  };
}
