// All SQL for the outbox: email waits here from the transaction that caused it until the mail
// queue sends it (or, with no mail server set, logs it).
import type { Db, MailOutboxTable } from '../db/database.js';
import type { Selectable } from 'kysely';

export type OutboxRow = Selectable<MailOutboxTable>;
export type Mail = { to: string; subject: string; text: string; html: string };
/** An email that can also be one part of a daily digest (the part drops the greeting and footer). */
export type DigestibleMail = Mail & { digest: { headline: string; text: string; html: string } };

/** Queues an email in the caller's transaction: it goes out only if the write commits. */
export async function enqueueMail(db: Db, mail: Mail, now: string): Promise<void> {
  await db.insertInto('mail_outbox').values({
    to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html, next_attempt_at: now, created_at: now,
  }).execute();
}

/** Email due to be sent, oldest first. */
export function dueMail(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('mail_outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('id').limit(limit).execute();
}

/**
 * Claims a pending email for one sender: true when this call moved it on, so two app servers
 * sharing the outbox never both send it.
 */
export async function claimMail(db: Db, id: number, attempts: number, retryAt: string): Promise<boolean> {
  const result = await db.updateTable('mail_outbox').set({ attempts: attempts + 1, next_attempt_at: retryAt })
    .where('id', '=', id).where('status', '=', 'pending').where('attempts', '=', attempts).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function finishMail(db: Db, id: number, status: 'sent' | 'logged' | 'failed', at: string, error: string | null = null): Promise<void> {
  await db.updateTable('mail_outbox').set({ status, sent_at: status === 'failed' ? null : at, last_error: error }).where('id', '=', id).execute();
}

export async function noteMailError(db: Db, id: number, error: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ last_error: error }).where('id', '=', id).execute();
}

/** The latest email, for the admin pages. */
export function recentMail(db: Db, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** How many messages the outbox holds in each state (the queue's depth and its failures, for /metrics). */
export async function countOutboxByStatus(db: Db): Promise<Array<{ status: string; n: number }>> {
  const rows = await db.selectFrom('mail_outbox').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('status').execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}
