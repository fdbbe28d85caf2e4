// What a crash may not leave behind: the writes the archive acknowledged, each whole, and figures
// that agree with the rows they count. Used by test/kill-nine.test.ts after a `kill -9` and a restart.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';

/** Writes the archive answered with a success (303 and the new thing's address). */
export type Acknowledged = {
  works: number[];
  chapters: Array<{ workId: number; chapterId: number }>;
  comments: number[];
  kudos: Array<{ workId: number; login: string }>;
  bookmarks: number[];
};

/** Nothing acknowledged yet. */
export function noneAcknowledged(): Acknowledged {
  return { works: [], chapters: [], comments: [], kudos: [], bookmarks: [] };
}

/** PostgreSQL answers count(*) and sum() as strings. */
type Count = number | string;

async function ids(db: Kysely<Database>, query: ReturnType<typeof sql<{ id: number | string }>>): Promise<Set<number>> {
  return new Set((await query.execute(db)).rows.map((row) => Number(row.id)));
}

async function missingAcknowledged(db: Kysely<Database>, acked: Acknowledged): Promise<string[]> {
  const problems: string[] = [];
  const works = await ids(db, sql`select id from works`);
  const chapters = await ids(db, sql`select id from chapters`);
  const comments = await ids(db, sql`select id from comments`);
  const bookmarks = await ids(db, sql`select id from bookmarks`);
  const kudos = new Set((await sql<{ work_id: number; login: string }>`select k.work_id, u.login from kudos k join users u on u.id = k.user_id`.execute(db)).rows.map((r) => `${r.work_id}:${r.login}`));
  for (const id of acked.works) if (!works.has(id)) problems.push(`acknowledged work ${id} is missing`);
  for (const c of acked.chapters) if (!chapters.has(c.chapterId)) problems.push(`acknowledged chapter ${c.chapterId} of work ${c.workId} is missing`);
  for (const id of acked.comments) if (!comments.has(id)) problems.push(`acknowledged comment ${id} is missing`);
  for (const id of acked.bookmarks) if (!bookmarks.has(id)) problems.push(`acknowledged bookmark ${id} is missing`);
  for (const k of acked.kudos) if (!kudos.has(`${k.workId}:${k.login}`)) problems.push(`acknowledged kudos of ${k.login} on work ${k.workId} is missing`);
  return problems;
}

async function halfWritten(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const searchId = dialect === 'sqlite' ? sql.raw('rowid') : sql.raw('work_id');
  const { rows } = await sql<{ id: number; chapter_count: number; word_count: number; chapters: Count; words: Count; creators: Count; indexed: Count; words_indexed: Count }>`
    select w.id, w.chapter_count, w.word_count,
      (select count(*) from chapters c where c.work_id = w.id and c.posted = 1) as chapters,
      (select coalesce(sum(c.word_count), 0) from chapters c where c.work_id = w.id and c.posted = 1) as words,
      (select count(*) from work_creators wc where wc.work_id = w.id) as creators,
      (select count(*) from search_works s where s.${searchId} = w.id) as indexed,
      ${dialect === 'postgres' ? sql`(select count(*) from search_work_words s where s.work_id = w.id)` : sql`1`} as words_indexed
    from works w where w.posted = 1`.execute(db);
  return rows.flatMap((w) => [
    ...(Number(w.chapters) === 0 ? [`work ${w.id} has no chapter`] : []),
    ...(Number(w.chapters) !== w.chapter_count ? [`work ${w.id} says ${w.chapter_count} chapters and has ${w.chapters}`] : []),
    ...(Number(w.words) !== w.word_count ? [`work ${w.id} says ${w.word_count} words and its chapters hold ${w.words}`] : []),
    ...(Number(w.creators) === 0 ? [`work ${w.id} has no creator`] : []),
    ...(Number(w.indexed) !== 1 ? [`work ${w.id} has ${w.indexed} search rows`] : []),
    ...(Number(w.words_indexed) !== 1 ? [`work ${w.id} has ${w.words_indexed} rows of words by work`] : []),
  ]);
}

async function countersOff(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ id: number; kudos: number | null; comments: number | null; bookmarks: number | null; k: Count; c: Count; b: Count }>`
    select w.id, wc.kudos, wc.comments, wc.bookmarks,
      (select count(*) from kudos k where k.work_id = w.id) as k,
      (select count(*) from comments c where c.work_id = w.id and c.state = 'published') as c,
      (select count(*) from bookmarks b where b.work_id = w.id and b.private = 0) as b
    from works w left join work_counters wc on wc.work_id = w.id`.execute(db);
  return rows.flatMap((w) => (['kudos', 'comments', 'bookmarks'] as const).flatMap((name) => {
    const stored = w[name] ?? 0;
    const counted = Number(w[name[0] as 'k' | 'c' | 'b']);
    return stored === counted ? [] : [`work ${w.id} shows ${stored} ${name} and has ${counted}`];
  }));
}

async function orphans(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  for (const table of ['chapters', 'work_creators', 'work_tags', 'comments', 'kudos', 'work_counters'] as const) {
    const { rows } = await sql<{ n: Count }>`select count(*) as n from ${sql.table(table)} t where not exists (select 1 from works w where w.id = t.work_id)`.execute(db);
    if (Number(rows[0]?.n) > 0) problems.push(`${rows[0]?.n} ${table} rows of no work`);
  }
  const { rows } = await sql<{ n: Count }>`select count(*) as n from bookmarks b where b.work_id is not null and not exists (select 1 from works w where w.id = b.work_id)`.execute(db);
  if (Number(rows[0]?.n) > 0) problems.push(`${rows[0]?.n} bookmarks of no work`);
  return problems;
}

/** Everything wrong with the database after a crash: acknowledged writes missing, works half-written, counters off, orphan rows. */
export async function auditWrites(db: Kysely<Database>, dialect: Dialect, acked: Acknowledged): Promise<string[]> {
  return [...await missingAcknowledged(db, acked), ...await halfWritten(db, dialect), ...await countersOff(db), ...await orphans(db)];
}
