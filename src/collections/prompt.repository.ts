// All SQL for prompt memes: prompts with their tags, claims and fills.
import { sql } from 'kysely';
import type { Db, PromptRow } from '../db/database.js';

export async function insertPrompt(db: Db, row: { collection_id: number; user_id: number; anonymous: 0 | 1; title: string; description: string; created_at: string }, tags: Array<{ name: string; name_key: string }>): Promise<number> {
  const { id } = await db.insertInto('prompts').values(row).returning('id').executeTakeFirstOrThrow();
  if (tags.length > 0) await db.insertInto('prompt_tags').values(tags.map((t) => ({ prompt_id: id, ...t }))).execute();
  return id;
}

export function findPrompt(db: Db, id: number): Promise<PromptRow | undefined> {
  return db.selectFrom('prompts').selectAll().where('id', '=', id).executeTakeFirst();
}

export type PromptQuery = { collectionId: number; tagKeys: string[]; filled: boolean | null; limit: number; offset: number };

function promptQuery(db: Db, q: PromptQuery) {
  let query = db.selectFrom('prompts').where('prompts.collection_id', '=', q.collectionId);
  if (q.filled !== null) query = query.where('prompts.filled', '=', q.filled ? 1 : 0);
  for (const key of q.tagKeys) {
    query = query.where((eb) => eb.exists(eb.selectFrom('prompt_tags').select(sql`1`.as('one')).whereRef('prompt_tags.prompt_id', '=', 'prompts.id').where('prompt_tags.name_key', '=', key)));
  }
  return query;
}

/** A page of a collection's prompts, newest first, narrowed by tags (all of them) and by filled or not. */
export function listPrompts(db: Db, q: PromptQuery): Promise<PromptRow[]> {
  return promptQuery(db, q).selectAll('prompts').orderBy('prompts.id', 'desc').limit(q.limit).offset(q.offset).execute();
}

export async function countPrompts(db: Db, q: PromptQuery): Promise<number> {
  const row = await promptQuery(db, q).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function tagsOfPrompts(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (ids.length === 0) return tags;
  const rows = await db.selectFrom('prompt_tags').select(['prompt_id', 'name']).where('prompt_id', 'in', ids).orderBy('name').execute();
  for (const row of rows) tags.set(row.prompt_id, [...(tags.get(row.prompt_id) ?? []), row.name]);
  return tags;
}

/** Who claimed each of these prompts (logins), oldest claim first. */
export async function claimsOf(db: Db, ids: number[]): Promise<Map<number, Array<{ user_id: number; login: string }>>> {
  const claims = new Map<number, Array<{ user_id: number; login: string }>>();
  if (ids.length === 0) return claims;
  const rows = await db.selectFrom('prompt_claims').innerJoin('users', 'users.id', 'prompt_claims.user_id')
    .select(['prompt_claims.prompt_id', 'prompt_claims.user_id', 'users.login']).where('prompt_claims.prompt_id', 'in', ids).orderBy('prompt_claims.created_at').execute();
  for (const row of rows) claims.set(row.prompt_id, [...(claims.get(row.prompt_id) ?? []), { user_id: row.user_id, login: row.login }]);
  return claims;
}

export async function fillsOf(db: Db, promptId: number): Promise<number[]> {
  return (await db.selectFrom('prompt_fills').select('work_id').where('prompt_id', '=', promptId).orderBy('created_at').execute()).map((r) => r.work_id);
}

/** How many fills each of these prompts has (whether or not a reader may see them). */
export async function fillCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('prompt_fills').select(['prompt_id', (eb) => eb.fn.countAll<number | string>().as('n')]).where('prompt_id', 'in', ids).groupBy('prompt_id').execute();
  return new Map(rows.map((r) => [r.prompt_id, Number(r.n)]));
}

export async function hasClaim(db: Db, promptId: number, userId: number): Promise<boolean> {
  return (await db.selectFrom('prompt_claims').select('user_id').where('prompt_id', '=', promptId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function insertClaim(db: Db, promptId: number, userId: number, now: string): Promise<void> {
  await db.insertInto('prompt_claims').values({ prompt_id: promptId, user_id: userId, created_at: now }).execute();
}

export async function deleteClaim(db: Db, promptId: number, userId: number): Promise<void> {
  await db.deleteFrom('prompt_claims').where('prompt_id', '=', promptId).where('user_id', '=', userId).execute();
}

export async function hasFill(db: Db, promptId: number, workId: number): Promise<boolean> {
  return (await db.selectFrom('prompt_fills').select('work_id').where('prompt_id', '=', promptId).where('work_id', '=', workId).executeTakeFirst()) !== undefined;
}

export async function insertFill(db: Db, promptId: number, workId: number, now: string): Promise<void> {
  await db.insertInto('prompt_fills').values({ prompt_id: promptId, work_id: workId, created_at: now }).execute();
  await db.updateTable('prompts').set({ filled: 1 }).where('id', '=', promptId).execute();
}

/** The prompts a work fills, with their prompters. */
export function promptsFilledBy(db: Db, workId: number): Promise<Array<{ id: number; title: string; user_id: number | null; collection_id: number }>> {
  return db.selectFrom('prompt_fills').innerJoin('prompts', 'prompts.id', 'prompt_fills.prompt_id')
    .select(['prompts.id', 'prompts.title', 'prompts.user_id', 'prompts.collection_id']).where('prompt_fills.work_id', '=', workId).execute();
}
