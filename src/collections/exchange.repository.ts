// All SQL for gift exchanges: settings, sign-ups with their tags, and assignments.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, ExchangeAssignmentTable, ExchangeSettingTable, ExchangeSide } from '../db/database.js';

export type ExchangeSettings = Selectable<ExchangeSettingTable>;
export type AssignmentRow = Selectable<ExchangeAssignmentTable>;
export type SignupTag = { signup_id: number; side: ExchangeSide; type: string; name: string; name_key: string };

/** A collection's exchange settings, made with the defaults the first time they are asked for. */
export async function settingsOf(db: Db, collectionId: number): Promise<ExchangeSettings> {
  const row = await db.selectFrom('exchange_settings').selectAll().where('collection_id', '=', collectionId).executeTakeFirst();
  if (row !== undefined) return row;
  await db.insertInto('exchange_settings').values({ collection_id: collectionId, signups_open_at: null, signups_close_at: null, due_at: null })
    .onConflict((oc) => oc.column('collection_id').doNothing()).execute();
  return db.selectFrom('exchange_settings').selectAll().where('collection_id', '=', collectionId).executeTakeFirstOrThrow();
}

export async function updateSettings(db: Db, collectionId: number, patch: Updateable<ExchangeSettingTable>): Promise<void> {
  await db.updateTable('exchange_settings').set(patch).where('collection_id', '=', collectionId).execute();
}

export function findSignup(db: Db, collectionId: number, userId: number): Promise<{ id: number; request_notes: string } | undefined> {
  return db.selectFrom('exchange_signups').select(['id', 'request_notes']).where('collection_id', '=', collectionId).where('user_id', '=', userId).executeTakeFirst();
}

/** Saves a member's sign-up (replacing its tags); returns its id. */
export async function saveSignup(db: Db, row: { collection_id: number; user_id: number; request_notes: string; created_at: string }, tags: Array<Omit<SignupTag, 'signup_id'>>): Promise<number> {
  const existing = await findSignup(db, row.collection_id, row.user_id);
  let id = existing?.id;
  if (id === undefined) id = (await db.insertInto('exchange_signups').values(row).returning('id').executeTakeFirstOrThrow()).id;
  else await db.updateTable('exchange_signups').set({ request_notes: row.request_notes }).where('id', '=', id).execute();
  const signupId = id;
  await db.deleteFrom('exchange_tags').where('signup_id', '=', signupId).execute();
  if (tags.length > 0) await db.insertInto('exchange_tags').values(tags.map((t) => ({ ...t, signup_id: signupId }))).execute();
  return signupId;
}

/** Every sign-up of an exchange with its member. */
export function signupsOf(db: Db, collectionId: number): Promise<Array<{ id: number; user_id: number; login: string; request_notes: string }>> {
  return db.selectFrom('exchange_signups').innerJoin('users', 'users.id', 'exchange_signups.user_id')
    .select(['exchange_signups.id', 'exchange_signups.user_id', 'users.login', 'exchange_signups.request_notes'])
    .where('exchange_signups.collection_id', '=', collectionId).orderBy('exchange_signups.id').execute();
}

export function tagsOfSignups(db: Db, collectionId: number): Promise<SignupTag[]> {
  return db.selectFrom('exchange_tags').innerJoin('exchange_signups', 'exchange_signups.id', 'exchange_tags.signup_id')
    .select(['exchange_tags.signup_id', 'exchange_tags.side', 'exchange_tags.type', 'exchange_tags.name', 'exchange_tags.name_key'])
    .where('exchange_signups.collection_id', '=', collectionId).orderBy('exchange_tags.name').execute();
}

export async function replaceAssignments(db: Db, collectionId: number, rows: Array<Insertable<ExchangeAssignmentTable>>): Promise<void> {
  await db.deleteFrom('exchange_assignments').where('collection_id', '=', collectionId).execute();
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('exchange_assignments').values(rows.slice(i, i + 200)).execute();
}

export function assignmentsOf(db: Db, collectionId: number): Promise<AssignmentRow[]> {
  return db.selectFrom('exchange_assignments').selectAll().where('collection_id', '=', collectionId).orderBy('id').execute();
}

export function findAssignment(db: Db, id: number): Promise<AssignmentRow | undefined> {
  return db.selectFrom('exchange_assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAssignment(db: Db, id: number, patch: Updateable<ExchangeAssignmentTable>): Promise<void> {
  await db.updateTable('exchange_assignments').set(patch).where('id', '=', id).execute();
}
