// All SQL for what the archive says to everyone: the announcement banner, the terms of service and
// privacy policy (every version kept), and messages sent through the contact form.
import type { Insertable, Selectable } from 'kysely';
import type { ContactMessageTable, Db, SitePageSlug, SitePageTable } from '../db/database.js';

export type SitePageRow = Selectable<SitePageTable>;
export type ContactRow = Selectable<ContactMessageTable>;

/** The announcement being shown, if any. */
export function findCurrentAnnouncement(db: Db): Promise<{ id: number; content: string; created_at: string } | undefined> {
  return db.selectFrom('announcements').select(['id', 'content', 'created_at']).where('ended_at', 'is', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Every announcement, newest first. */
export function listAnnouncements(db: Db, limit: number): Promise<Array<{ id: number; content: string; created_at: string; ended_at: string | null }>> {
  return db.selectFrom('announcements').select(['id', 'content', 'created_at', 'ended_at']).orderBy('id', 'desc').limit(limit).execute();
}

export async function insertAnnouncement(db: Db, content: string, by: number, at: string): Promise<number> {
  const { id } = await db.insertInto('announcements').values({ content, created_by: by, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Ends every announcement still shown (all of them, or one). */
export async function endAnnouncements(db: Db, at: string, id?: number): Promise<void> {
  let query = db.updateTable('announcements').set({ ended_at: at }).where('ended_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  await query.execute();
}

/** The newest version of a site page. */
export function findSitePage(db: Db, slug: SitePageSlug): Promise<SitePageRow | undefined> {
  return db.selectFrom('site_pages').selectAll().where('slug', '=', slug).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertSitePage(db: Db, row: Insertable<SitePageTable>): Promise<void> {
  await db.insertInto('site_pages').values(row).execute();
}

export async function setTermsVersion(db: Db, userId: number, version: number): Promise<void> {
  await db.updateTable('users').set({ terms_version: version }).where('id', '=', userId).execute();
}

export async function insertContact(db: Db, row: Insertable<ContactMessageTable>): Promise<number> {
  const { id } = await db.insertInto('contact_messages').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Messages waiting for an answer first (oldest first), then the latest answered ones. */
export async function listContacts(db: Db, limit: number): Promise<Array<ContactRow & { member_email: string | null; member_login: string | null }>> {
  const base = () => db.selectFrom('contact_messages').leftJoin('users', 'users.id', 'contact_messages.user_id')
    .selectAll('contact_messages').select(['users.email as member_email', 'users.login as member_login']);
  const open = await base().where('contact_messages.status', '=', 'open').orderBy('contact_messages.id').limit(limit).execute();
  const answered = await base().where('contact_messages.status', '=', 'answered').orderBy('contact_messages.id', 'desc').limit(20).execute();
  return [...open, ...answered];
}

export async function markContactAnswered(db: Db, id: number, by: number, at: string): Promise<boolean> {
  const result = await db.updateTable('contact_messages').set({ status: 'answered', closed_by: by, closed_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
