// All SQL for imports waiting for the writer's preview; every query is scoped by the owner.
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** An upload that has been read but not yet posted: `data` is the draft as JSON. */
export interface ImportTable {
  id: Generated<number>;
  user_id: number;
  data: string;
  created_at: string;
}

// The table lives with its domain (as in Kysely's example app) rather than in the shared Database type.
function imports(db: Kysely<Database>) {
  return db.withTables<{ imports: ImportTable }>();
}

/** Stores a new import and deletes every import older than `expiredBefore`; returns the new id. */
export async function insertImport(db: Kysely<Database>, userId: number, data: string, now: string, expiredBefore: string): Promise<number> {
  const idb = imports(db);
  await idb.deleteFrom('imports').where('created_at', '<', expiredBefore).execute();
  const row = await idb.insertInto('imports').values({ user_id: userId, data, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The stored draft of one of the user's imports, or undefined (missing or someone else's). */
export async function findImportData(db: Kysely<Database>, userId: number, id: number): Promise<string | undefined> {
  const row = await imports(db).selectFrom('imports').select('data').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row?.data;
}

/** Replaces the draft of one of the user's imports. */
export async function updateImportData(db: Kysely<Database>, userId: number, id: number, data: string): Promise<void> {
  await imports(db).updateTable('imports').set({ data }).where('id', '=', id).where('user_id', '=', userId).execute();
}

/** Deletes one of the user's imports; returns whether it was there to delete. */
export async function deleteImport(db: Kysely<Database>, userId: number, id: number): Promise<boolean> {
  const result = await imports(db).deleteFrom('imports').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The user's unfinished imports still within their week, newest first. */
export function listImports(db: Kysely<Database>, userId: number, since: string): Promise<Array<{ id: number; created_at: string }>> {
  return imports(db).selectFrom('imports').select(['id', 'created_at']).where('user_id', '=', userId).where('created_at', '>=', since)
    .orderBy('id', 'desc').limit(20).execute();
}

/** How many imports are stored (for tests and the operator). */
export async function countImports(db: Kysely<Database>): Promise<number> {
  const row = await imports(db).selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}
