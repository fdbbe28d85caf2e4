// A kudos row says whether the work's count includes it. The count is added after the kudos
// commits (decision 031), and a process killed between the two left the count short for good
// (decision 043). Now a kudos is stored uncounted; counting marks the rows it adds in the same
// transaction as the addition, and whatever a dead process left uncounted is counted by the next
// sweep (the partial index finds those rows). Rows already stored are taken as counted, and every
// work's count is set from its rows once, to mend what earlier crashes left short. Frozen: never
// import app code here.
import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('kudos').addColumn('counted', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await sql`create index kudos_uncounted on kudos (work_id) where counted = 0`.execute(db);
  await sql`update work_counters set kudos = (select count(*) from kudos k where k.work_id = work_counters.work_id)
    where kudos <> (select count(*) from kudos k where k.work_id = work_counters.work_id)`.execute(db);
  await sql`insert into work_counters (work_id, kudos, comments, bookmarks, hits)
    select k.work_id, count(*), 0, 0, 0 from kudos k
    where not exists (select 1 from work_counters c where c.work_id = k.work_id) group by k.work_id`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index kudos_uncounted`.execute(db);
  await db.schema.alterTable('kudos').dropColumn('counted').execute();
}
