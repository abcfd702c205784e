import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.ts';

export interface QueuedMail {
  dedupeKey: string;
  recipient: string;
  subject: string;
  body: string;
}

export interface ClaimedMail extends QueuedMail {
  id: string;
  attempts: number;
}

/** Queues mail, each under its key once: a key already queued (or sent) is left as it is. Answers how many were new. */
export async function enqueueMail(db: Queryable, mails: readonly QueuedMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const rows = mails.map((m) => ({ id: randomUUID(), dedupe_key: m.dedupeKey, recipient: m.recipient, subject: m.subject, body: m.body }));
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO mail_queue (id, dedupe_key, recipient, subject, body)
       SELECT x.id, x.dedupe_key, x.recipient, x.subject, x.body
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, dedupe_key text, recipient text, subject text, body text)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/**
 * Claims up to `limit` mails due for sending, for `leaseSeconds`: rows another sender holds are skipped,
 * not waited for, so several server processes share the queue and each mail has one sender at a time.
 * A sender that dies mid-send leaves its lease to run out, and the mail is claimed again.
 */
export async function claimDueMail(db: Queryable, sender: string, limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
  const rows = await db.query<{ id: string; dedupe_key: string; recipient: string; subject: string; body: string; attempts: number }>(
    `UPDATE mail_queue SET claimed_by = $1, claimed_until = now() + make_interval(secs => $3), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM mail_queue
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY created_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
      RETURNING id, dedupe_key, recipient, subject, body, attempts`,
    [sender, limit, leaseSeconds],
  );
  return rows.map((r) => ({ id: r.id, dedupeKey: r.dedupe_key, recipient: r.recipient, subject: r.subject, body: r.body, attempts: Number(r.attempts) }));
}

/** Marks a claimed mail sent; only the sender holding it may, so a sender whose lease ran out changes nothing. */
export async function markMailSent(db: Queryable, id: string, sender: string): Promise<void> {
  await db.query('UPDATE mail_queue SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1 AND claimed_by = $2', [id, sender]);
}

/** Puts a mail that could not be sent back in the queue until `retryInSeconds`, or gives it up (`retryInSeconds` null). */
export async function markMailFailed(db: Queryable, id: string, sender: string, error: string, retryInSeconds: number | null): Promise<void> {
  await db.query(
    `UPDATE mail_queue SET claimed_until = NULL, last_error = $3,
            next_attempt_at = CASE WHEN $4::float8 IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $4::float8) END,
            failed_at = CASE WHEN $4::float8 IS NULL THEN now() ELSE NULL END
      WHERE id = $1 AND claimed_by = $2`,
    [id, sender, error.slice(0, 1000), retryInSeconds],
  );
}

export interface MailQueueCounts {
  waiting: number;
  sent: number;
  failed: number;
  lastError: string | null;
  lastSentAt: string | null;
}

export async function mailQueueCounts(db: Queryable): Promise<MailQueueCounts> {
  const [row] = await db.query<{ waiting: number; sent: number; failed: number; last_error: string | null; last_sent_at: Date | string | null }>(
    `SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL)::int AS waiting,
            count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
            count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed,
            (SELECT last_error FROM mail_queue WHERE last_error IS NOT NULL AND sent_at IS NULL ORDER BY next_attempt_at DESC LIMIT 1) AS last_error,
            max(sent_at) AS last_sent_at
       FROM mail_queue`,
  );
  return {
    waiting: row?.waiting ?? 0,
    sent: row?.sent ?? 0,
    failed: row?.failed ?? 0,
    lastError: row?.last_error ?? null,
    lastSentAt: row?.last_sent_at ? new Date(row.last_sent_at).toISOString() : null,
  };
}
