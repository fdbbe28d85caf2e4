// All SQL for the outbox: email waits here from the transaction that caused it until its job
// (mail-sender.ts) sends it (or, with no mail server set, logs it).
import type { Db, MailOutboxTable } from '../db/database.js';
import type { Selectable } from 'kysely';
import { enqueueJob } from '../jobs/job.service.js';

export type OutboxRow = Selectable<MailOutboxTable>;
export type Mail = { to: string; subject: string; text: string; html: string };
/** An email that can also be one part of a daily digest (the part drops the greeting and footer). */
export type DigestibleMail = Mail & { digest: { headline: string; text: string; html: string } };

/** The job that sends an email of the outbox. */
export const MAIL_JOB = 'mail.send';
/** Tries before an email is given up. */
export const MAIL_ATTEMPTS = 8;

/** Queues an email, and the job that sends it, in the caller's transaction: it goes out only if the write commits. */
export async function enqueueMail(db: Db, mail: Mail, now: string): Promise<void> {
  const row = await db.insertInto('mail_outbox').values({
    to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html, next_attempt_at: now, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await enqueueJob(db, MAIL_JOB, { outboxId: row.id }, { maxAttempts: MAIL_ATTEMPTS });
}

/** One email of the outbox, or undefined. */
export function findMail(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records that an email was sent, logged (no mail server) or given up, on its `attempts`th try. */
export async function finishMail(db: Db, id: number, status: 'sent' | 'logged' | 'failed', at: string, attempts: number, error: string | null = null): Promise<void> {
  await db.updateTable('mail_outbox').set({ status, attempts, sent_at: status === 'failed' ? null : at, last_error: error }).where('id', '=', id).execute();
}

/** Records a failed try and when the next one is due. */
export async function noteMailError(db: Db, id: number, attempts: number, error: string, retryAt: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ attempts, last_error: error, next_attempt_at: retryAt }).where('id', '=', id).execute();
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
