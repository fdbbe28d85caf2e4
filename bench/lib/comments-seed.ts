// bench:comments's database: one posted work with one chapter (through the services, as bench:read
// posts it), hundreds of members and the planned comments inserted directly in batches. Signing up
// hashes each password with scrypt and posting a comment runs its rate limits, so neither path
// could seed 10,000 comments in reasonable time; the rows are the ones those paths write.
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { storyText } from './corpus.js';
import { planComments, summarisePlan, type CommentPlan, type PlanOptions, type PlanSummary } from './comments-plan.js';
import { seedReadingWork, type SeededWork } from './seed.js';

export type CommentsSeed = {
  work: SeededWork; chapterId: number; members: number; comments: number; threads: number;
  words: number; contentChars: number; deepestDepth: number;
  /** The deep thread's comment ids, root first. */
  deepIds: number[];
  shape: PlanSummary;
  /** The whole comments table: on PostgreSQL it keeps earlier runs' works, and the planner sees them. */
  table: { comments: number; works: number };
  seconds: number;
};

/** Rows a multi-row insert carries: 16 columns each, well under SQLite's and PostgreSQL's limits on bound values. */
const CHUNK = 500;

/** No one signs in as them, so any string does; this one is not a hash any password matches. */
const NO_PASSWORD = 'bench$no-password';

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
}

/** Inserts the members with their default pseud; returns each one's user and pseud ids, in order. */
async function insertMembers(db: Db, logins: string[]): Promise<Array<{ userId: number; pseudId: number }>> {
  const now = new Date().toISOString();
  const ids = new Map<string, { userId: number; pseudId: number }>();
  for (const part of chunks(logins)) {
    await db.insertInto('users').values(part.map((login) => ({
      login, login_key: login, email: `${login}@example.org`, email_key: `${login}@example.org`, password_hash: NO_PASSWORD, is_admin: 0 as const, created_at: now,
    }))).execute();
    // Read back by login: the order of a multi-row insert's ids is not promised on both databases.
    const users = await db.selectFrom('users').select(['id', 'login']).where('login_key', 'in', part).execute();
    await db.insertInto('pseuds').values(users.map((u) => ({ user_id: u.id, name: u.login, name_key: u.login, is_default: 1 as const, description: '', created_at: now }))).execute();
    const pseuds = await db.selectFrom('pseuds').select(['id', 'user_id']).where('user_id', 'in', users.map((u) => u.id)).execute();
    const pseudOf = new Map(pseuds.map((p) => [p.user_id, p.id]));
    for (const u of users) ids.set(u.login, { userId: u.id, pseudId: pseudOf.get(u.id) ?? 0 });
  }
  return logins.map((login) => ids.get(login) ?? { userId: 0, pseudId: 0 });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Generated prose of exactly `words` words as sanitized comment HTML: paragraphs, the last cut short with an ellipsis if need be. */
export function commentHtml(seed: number, words: number): string {
  const paragraphs = storyText(seed, words).split('\n\n').filter((p) => p !== '* * *');
  const kept: string[] = [];
  let left = words;
  for (const paragraph of paragraphs) {
    if (left <= 0) break;
    const parts = paragraph.split(/\s+/).filter((w) => w !== '');
    const cut = parts.length > left;
    kept.push(`<p>${escapeHtml(parts.slice(0, left).join(' '))}${cut ? '…' : ''}</p>`);
    left -= parts.length;
  }
  return kept.join('\n');
}

async function insertComments(db: Db, plan: CommentPlan, workId: number, chapterId: number, people: Array<{ userId: number; pseudId: number }>): Promise<number> {
  // Ids are given, not drawn one by one: the plan knows each reply's parent and thread by place.
  const top = await db.selectFrom('comments').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const base = (top?.id ?? 0) + 1;
  const now = Date.now();
  for (const part of chunks(plan.comments.map((c, place) => ({ c, place })))) {
    await db.insertInto('comments').values(part.map(({ c, place }) => {
      const member = c.author === null ? undefined : people[c.author];
      return {
        id: base + place, work_id: workId, chapter_id: chapterId, parent_id: c.parent === null ? null : base + c.parent, thread_id: base + c.thread,
        depth: c.depth, user_id: member?.userId ?? null, pseud_id: member?.pseudId ?? null,
        guest_name: member === undefined ? c.guestName : null, guest_email: member === undefined ? `guest${place}@example.org` : null,
        content: commentHtml(c.seed, c.words), state: 'published' as const, frozen: 0 as const, created_at: new Date(now - c.minutesAgo * 60_000).toISOString(), edited_at: null,
      };
    })).execute();
  }
  return base;
}

async function setCommentCount(db: Db, workId: number, comments: number): Promise<void> {
  const updated = await db.updateTable('work_counters').set({ comments }).where('work_id', '=', workId).executeTakeFirst();
  if (updated.numUpdatedRows === 0n) await db.insertInto('work_counters').values({ work_id: workId, comments }).execute();
}

/** What the database holds once seeded, counted there rather than trusted from the plan. */
async function sizesOf(db: Db, workId: number): Promise<Pick<CommentsSeed, 'comments' | 'contentChars' | 'deepestDepth' | 'table'>> {
  const work = await db.selectFrom('comments').where('work_id', '=', workId)
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('depth').as('depth'), eb.fn.sum<number | string>(eb.fn('length', ['content'])).as('chars')])
    .executeTakeFirstOrThrow();
  const table = await db.selectFrom('comments')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.count<number | string>('work_id').distinct().as('works')]).executeTakeFirstOrThrow();
  return { comments: Number(work.n), contentChars: Number(work.chars), deepestDepth: work.depth, table: { comments: Number(table.n), works: Number(table.works) } };
}

/**
 * Posts the work through the services, then inserts the members and the comments in one
 * transaction and sets the work's comment count. Logins carry the run's time, so runs can share a
 * PostgreSQL database.
 */
export async function seedComments(env: Record<string, string>, options: PlanOptions): Promise<CommentsSeed> {
  const started = performance.now();
  const work = await seedReadingWork(env, 1500);
  const plan = planComments(options);
  const run = Date.now().toString(36);
  const handle = openDatabase(loadConfig(env).databaseUrl);
  try {
    const chapter = await handle.db.selectFrom('chapters').select('id').where('work_id', '=', work.workId).executeTakeFirstOrThrow();
    const base = await handle.db.transaction().execute(async (trx) => {
      const people = await insertMembers(trx, Array.from({ length: options.members }, (_, i) => `reader_${run}_${i}`));
      const first = await insertComments(trx, plan, work.workId, chapter.id, people);
      // Given ids leave PostgreSQL's sequence behind; the app's next comment must not take one of them.
      if (handle.dialect === 'postgres') await sql`select setval(pg_get_serial_sequence('comments', 'id'), (select max(id) from comments))`.execute(trx);
      await setCommentCount(trx, work.workId, plan.comments.length);
      return first;
    });
    // Autovacuum would analyze the table within the minute, maybe mid-run; SQLite's app analyzes at startup (optimize).
    if (handle.dialect === 'postgres') await sql`analyze comments`.execute(handle.db);
    const sizes = await sizesOf(handle.db, work.workId);
    return {
      work, chapterId: chapter.id, members: options.members, threads: options.threads, words: plan.comments.reduce((sum, c) => sum + c.words, 0), ...sizes,
      deepIds: plan.deepThread.map((place) => base + place), shape: summarisePlan(plan), seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await handle.close();
  }
}
