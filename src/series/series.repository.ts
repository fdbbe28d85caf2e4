// All SQL for series: a series' row, its works in order, which series a work is in, and whose they
// are. Which works a reader may see is decided by src/access/visibility.ts.
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Scope } from '../access/scope.js';
import { createdBy, creatorsShownTo, workVisibleTo } from '../access/visibility.js';
import type { Db, SeriesRow, SeriesTable } from '../db/database.js';

export async function insertSeries(db: Db, row: Insertable<SeriesTable>): Promise<number> {
  const { id } = await db.insertInto('series').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateSeries(db: Db, id: number, patch: Updateable<SeriesTable>): Promise<void> {
  await db.updateTable('series').set(patch).where('id', '=', id).execute();
}

export async function deleteSeries(db: Db, id: number): Promise<void> {
  await db.deleteFrom('series').where('id', '=', id).execute();
}

export function findSeries(db: Db, id: number): Promise<SeriesRow | undefined> {
  return db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every work of a series with its position, in order, whoever may see them (for its editors and for upkeep). */
export function seriesWorks(db: Db, seriesId: number): Promise<Array<{ work_id: number; position: number }>> {
  return db.selectFrom('series_works').select(['work_id', 'position']).where('series_id', '=', seriesId).orderBy('position').execute();
}

/** The works of a series this scope may see, in order (drafts are in no series' listing, not even their creator's). */
export async function visibleSeriesWorkIds(db: Db, scope: Scope, seriesId: number): Promise<number[]> {
  const rows = await db.selectFrom('series_works').innerJoin('works', 'works.id', 'series_works.work_id')
    .select('works.id').where('series_works.series_id', '=', seriesId).where(workVisibleTo(scope))
    .orderBy('series_works.position').execute();
  return rows.map((r) => r.id);
}

/** A condition on a column holding series ids: the series has a work this scope may see. */
export function seriesVisibleTo(scope: Scope): (seriesId: Expression<number | null>) => Expression<SqlBool> {
  return (seriesId) => sql<SqlBool>`exists (select 1 from series_works vsw inner join works vsw_w on vsw_w.id = vsw.work_id where vsw.series_id = ${seriesId} and ${workVisibleTo(scope, { table: 'vsw_w' })})`;
}

/** The series these works are in, with each series' works this scope may see, in order. */
export async function visibleSeriesOfWorks(db: Db, scope: Scope, workIds: number[]): Promise<Array<{ series_id: number; title: string; work_id: number }>> {
  if (workIds.length === 0) return [];
  return db.selectFrom('series_works').innerJoin('works', 'works.id', 'series_works.work_id').innerJoin('series', 'series.id', 'series_works.series_id')
    .select(['series_works.series_id', 'series.title', 'series_works.work_id'])
    .where('series_works.series_id', 'in', (eb) => eb.selectFrom('series_works as mine').select('mine.series_id').where('mine.work_id', 'in', workIds))
    .where(workVisibleTo(scope)).orderBy('series_works.series_id').orderBy('series_works.position').execute();
}

/** The series a work is in, by title. */
export function seriesOfWork(db: Db, workId: number): Promise<Array<{ id: number; title: string }>> {
  return db.selectFrom('series_works').innerJoin('series', 'series.id', 'series_works.series_id')
    .select(['series.id', 'series.title']).where('series_works.work_id', '=', workId).orderBy('series.id').execute();
}

/** Every work sharing a series with this one (itself included). */
export async function worksSharingSeries(db: Db, workId: number): Promise<number[]> {
  const rows = await db.selectFrom('series_works').select('work_id').distinct()
    .where('series_id', 'in', (eb) => eb.selectFrom('series_works as mine').select('mine.series_id').where('mine.work_id', '=', workId)).execute();
  return rows.map((r) => r.work_id);
}

/** A member may change a series they began or one holding a work of theirs. */
export async function canChangeSeries(db: Db, userId: number, seriesId: number): Promise<boolean> {
  const row = await db.selectFrom('series').select('id').where('id', '=', seriesId)
    .where((eb) => eb.or([eb('created_by', '=', userId), eb.exists(eb.selectFrom('series_works').select(sql`1`.as('one'))
      .whereRef('series_works.series_id', '=', 'series.id').where(createdBy(userId, sql.ref('series_works.work_id'))))]))
    .executeTakeFirst();
  return row !== undefined;
}

/** The series a member may add works to, by title. */
export function changeableSeries(db: Db, userId: number): Promise<Array<{ id: number; title: string }>> {
  return db.selectFrom('series').select(['id', 'title'])
    .where((eb) => eb.or([eb('created_by', '=', userId), eb.exists(eb.selectFrom('series_works').select(sql`1`.as('one'))
      .whereRef('series_works.series_id', '=', 'series.id').where(createdBy(userId, sql.ref('series_works.work_id'))))]))
    .orderBy('title').orderBy('id').execute();
}

/** The series holding a work by this member that the scope may see, newest first. */
export async function seriesIdsByCreator(db: Db, scope: Scope, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('series_works').innerJoin('works', 'works.id', 'series_works.work_id')
    .select('series_works.series_id').distinct()
    .where(workVisibleTo(scope)).where(creatorsShownTo(scope)).where(createdBy(userId, sql.ref('works.id')))
    .orderBy('series_works.series_id', 'desc').execute();
  return rows.map((r) => r.series_id);
}

export function positionHolder(db: Db, seriesId: number, position: number): Promise<{ work_id: number; title: string } | undefined> {
  return db.selectFrom('series_works').innerJoin('works', 'works.id', 'series_works.work_id').select(['series_works.work_id', 'works.title'])
    .where('series_works.series_id', '=', seriesId).where('series_works.position', '=', position).executeTakeFirst();
}

export async function lastPosition(db: Db, seriesId: number): Promise<number> {
  const row = await db.selectFrom('series_works').select((eb) => eb.fn.max('position').as('last')).where('series_id', '=', seriesId).executeTakeFirst();
  return row?.last ?? 0;
}

export async function addSeriesWork(db: Db, seriesId: number, workId: number, position: number): Promise<void> {
  await db.insertInto('series_works').values({ series_id: seriesId, work_id: workId, position }).execute();
}

/** Whether a work still exists. */
export async function workExists(db: Db, workId: number): Promise<boolean> {
  return (await db.selectFrom('works').select('id').where('id', '=', workId).executeTakeFirst()) !== undefined;
}

/** Takes a (deleted) work out of every series. */
export async function removeWorkEverywhere(db: Db, workId: number): Promise<void> {
  await db.deleteFrom('series_works').where('work_id', '=', workId).execute();
}

export async function removeSeriesWork(db: Db, seriesId: number, workId: number): Promise<void> {
  await db.deleteFrom('series_works').where('series_id', '=', seriesId).where('work_id', '=', workId).execute();
}

/** Gives the series' works these positions: first out of the way (below zero), so no two ever collide midway. */
export async function setPositions(db: Db, seriesId: number, positions: Map<number, number>): Promise<void> {
  for (const workId of positions.keys()) {
    await db.updateTable('series_works').set({ position: -workId }).where('series_id', '=', seriesId).where('work_id', '=', workId).execute();
  }
  for (const [workId, position] of positions) {
    await db.updateTable('series_works').set({ position }).where('series_id', '=', seriesId).where('work_id', '=', workId).execute();
  }
}
