// All SQL of "download all my data": the member's own rows, each query scoped by their account.
import type { Db } from '../db/database.js';

/** The works the member is a creator of, under any of their pseuds, drafts included. */
export async function ownWorkIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('work_creators').innerJoin('pseuds', 'pseuds.id', 'work_creators.pseud_id')
    .where('pseuds.user_id', '=', userId).select('work_creators.work_id').distinct().orderBy('work_creators.work_id').execute();
  return rows.map((row) => row.work_id);
}

/** The member's account row and pseuds. */
export async function profileRows(db: Db, userId: number) {
  const user = await db.selectFrom('users').where('id', '=', userId).select(['login', 'email', 'created_at']).executeTakeFirstOrThrow();
  const pseuds = await db.selectFrom('pseuds').where('user_id', '=', userId).select(['name', 'description', 'is_default', 'created_at']).orderBy('id').execute();
  return { user, pseuds };
}

/** The member's bookmarks with their tags, and the external works they describe. */
export async function bookmarkRows(db: Db, userId: number) {
  const bookmarks = await db.selectFrom('bookmarks').leftJoin('external_works', 'external_works.id', 'bookmarks.external_work_id')
    .where('bookmarks.user_id', '=', userId)
    .select(['bookmarks.id', 'bookmarks.work_id', 'bookmarks.series_id', 'bookmarks.notes', 'bookmarks.rec', 'bookmarks.private', 'bookmarks.created_at',
      'external_works.url as external_url', 'external_works.title as external_title', 'external_works.creator as external_creator'])
    .orderBy('bookmarks.id').execute();
  const tags = bookmarks.length === 0 ? [] : await db.selectFrom('bookmark_tags').where('bookmark_id', 'in', bookmarks.map((b) => b.id))
    .select(['bookmark_id', 'name']).orderBy('bookmark_id').orderBy('position').execute();
  return { bookmarks, tags };
}

/** The member's comments, newest last. */
export function commentRows(db: Db, userId: number) {
  return db.selectFrom('comments').where('user_id', '=', userId)
    .select(['id', 'work_id', 'chapter_id', 'parent_id', 'content', 'state', 'created_at', 'edited_at']).orderBy('id').execute();
}

/** The member's kudos, subscriptions and reading history. */
export async function activityRows(db: Db, userId: number) {
  const [kudos, subscriptions, readings] = await Promise.all([
    db.selectFrom('kudos').where('user_id', '=', userId).select(['work_id', 'created_at']).orderBy('id').execute(),
    db.selectFrom('subscriptions').leftJoin('users', (join) => join.onRef('users.id', '=', 'subscriptions.target_id').on('subscriptions.kind', '=', 'creator'))
      .where('subscriptions.user_id', '=', userId).select(['subscriptions.kind', 'subscriptions.target_id', 'subscriptions.created_at', 'users.login as creator_login'])
      .orderBy('subscriptions.id').execute(),
    db.selectFrom('readings').where('user_id', '=', userId).select(['work_id', 'last_read_at', 'visits', 'later']).orderBy('last_read_at').orderBy('work_id').execute(),
  ]);
  return { kudos, subscriptions, readings };
}
