// The daily digest: a member who chose it gets one email a day gathering everything that would have
// come one by one. Their mail waits in mail_digest_items; the `mail.digests` job (every minute) gathers a member's items
// into one email once the oldest has waited a day (at once when they switch the digest off). The
// items are taken and the email queued in one transaction, so two app servers never send a digest
// twice and a failure loses nothing.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { escapeHtml } from '../lib/escape.js';
import { mailSite } from './mail-site.js';
import { enqueueMail, type DigestibleMail, type Mail } from './outbox.repository.js';

const DAY_MS = 24 * 60 * 60_000;

/** Who an email goes to, and whether they gather their email into a digest. */
export type Recipient = { userId: number; digest: boolean };

/** Queues an email in the caller's transaction, or holds it for the recipient's next digest. */
export async function deliverMail(db: Db, to: Recipient, mail: DigestibleMail, now: string): Promise<void> {
  if (!to.digest) return enqueueMail(db, mail, now);
  await db.insertInto('mail_digest_items').values({
    user_id: to.userId, headline: mail.digest.headline, text_body: mail.digest.text, html_body: mail.digest.html, created_at: now,
  }).execute();
}

type DigestItem = { headline: string; text_body: string; html_body: string };

/** The one email of a digest. */
export function digestMail(to: { login: string; email: string }, items: DigestItem[]): Mail {
  const site = mailSite();
  const preferences = `${site.baseUrl}/users/${encodeURIComponent(to.login)}/preferences`;
  const headline = `Daily digest: ${items.length} ${items.length === 1 ? 'update' : 'updates'}`;
  const text = [
    `Hello ${to.login},`, '', `Here is what happened on ${site.archiveName} for you since your last digest.`, '',
    ...items.flatMap((item) => [`== ${item.headline} ==`, '', item.text_body.trim(), '']),
    '--', `You chose one email a day. Change that, or stop emails: ${preferences}`,
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(to.login)},</p>`, `<p>Here is what happened on ${escapeHtml(site.archiveName)} for you since your last digest.</p>`,
    ...items.map((item) => `<h2 style="font-size:1.1em">${escapeHtml(item.headline)}</h2>\n${item.html_body}`),
    `<hr><p style="font-size:small">You chose one email a day. <a href="${escapeHtml(preferences)}">Change that, or stop emails</a>.</p>`,
  ].join('\n');
  return { to: to.email, subject: `[${site.archiveName}] ${headline}`, text, html };
}

/** Members whose digest is due: their oldest item has waited a day, or they no longer want digests. */
async function dueMembers(db: Db, now: Date): Promise<number[]> {
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const rows = await db.selectFrom('mail_digest_items as d')
    .leftJoin('user_preferences as p', 'p.user_id', 'd.user_id')
    .select('d.user_id').groupBy(['d.user_id', 'p.email_digest'])
    .having((eb) => eb.or([eb(eb.fn.min('d.created_at'), '<=', dayAgo), eb(eb.fn.coalesce('p.email_digest', eb.lit(0)), '=', 0)]))
    .limit(100).execute();
  return rows.map((r) => r.user_id);
}

/** Turns every due digest into one queued email; returns how many were queued. */
export async function gatherDigests(db: Kysely<Database>, now: Date): Promise<number> {
  let queued = 0;
  for (const userId of await dueMembers(db, now)) {
    queued += await db.transaction().execute(async (trx) => {
      const items = await trx.deleteFrom('mail_digest_items').where('user_id', '=', userId)
        .returning(['id', 'headline', 'text_body', 'html_body']).execute();
      const user = await trx.selectFrom('users').select(['login', 'email']).where('id', '=', userId).executeTakeFirst();
      if (items.length === 0 || user === undefined) return 0;
      items.sort((a, b) => a.id - b.id);
      await enqueueMail(trx, digestMail(user, items), now.toISOString());
      return 1;
    });
  }
  return queued;
}
