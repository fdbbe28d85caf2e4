// bench:capacity's request mix, as an archive's traffic looks: mostly work pages (guests far more
// than members, a few popular works most of all), some listings and tag pages, some searches, and
// a few writes (kudos, comments, bookmarks) by members logged in through the form.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { Step } from '../../scripts/cluster/load.js';
import type { Visitor } from '../../scripts/cluster/visitor.js';
import { planSearchQueries } from './search-queries.js';

/** The corpus's writers all have this password (bench/lib/corpus-build.ts). */
export const CORPUS_PASSWORD = 'harbour lantern oilcan gull';

/** Shares of the mix, in percent: they add up to 100. */
export const MIX = { workGuest: 55, workMember: 15, listing: 10, tag: 6, search: 8, write: 6 } as const;

export type MixPlan = { works: number[]; tags: string[]; searches: string[]; logins: string[] };

/** What the mix draws from: public works, the busiest tags, the search benchmark's word and field queries, writers to log in as (their addresses confirmed). */
export async function planMix(db: Kysely<Database>, members: number): Promise<MixPlan> {
  const works = (await db.selectFrom('works').select('id').where('posted', '=', 1).where('restricted', '=', 0).orderBy('id').execute()).map((w) => w.id);
  const tags = (await db.selectFrom('tags').select('name').where('type', 'in', ['fandom', 'freeform']).orderBy('id').limit(40).execute()).map((t) => t.name);
  const searches = (await planSearchQueries(db)).filter((q) => q.label === 'word' || q.label === 'field').map((q) => q.text);
  const logins = (await db.selectFrom('users').select('login').orderBy('id').limit(members).execute()).map((u) => u.login);
  // The corpus's writers never confirmed an address, which commenting asks of members: these have now.
  await db.updateTable('users').set({ email_confirmed_at: new Date().toISOString() }).where('login', 'in', logins).where('email_confirmed_at', 'is', null).execute();
  return { works, tags, searches, logins };
}

/** Logs a visitor in through the form; throws unless it worked. */
export async function logIn(visitor: Visitor, login: string): Promise<void> {
  await visitor.get('/login');
  const answer = await visitor.post('/login', { login, password: CORPUS_PASSWORD });
  if (answer.status !== 303) throw new Error(`logging in ${login} answered ${answer.status} ${answer.body.slice(0, 200)}`);
}

function pickFrom<T>(list: readonly T[]): T {
  const item = list[Math.floor(Math.random() * list.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** A work as readers pick them: half the views go to the hundred most popular, the rest anywhere. */
function popularWork(works: readonly number[]): number {
  return Math.random() < 0.5 ? pickFrom(works.slice(0, 100)) : pickFrom(works);
}

/**
 * The next request of visitor `i`: guests (visitors from `members` on) read; members read work
 * pages and write. Over all visitors the classes come out in MIX's shares.
 */
export function mixSteps(plan: MixPlan, guests: readonly Visitor[], members: readonly Visitor[]): (i: number) => Step {
  const get = (visitor: Visitor, kind: string, path: string): Step => ({ kind, method: 'GET', send: () => visitor.get(path), ok: (a) => a.status === 200 });
  let writes = 0;
  return (i) => {
    const member = members[i % Math.max(members.length, 1)];
    const guest = guests[i % guests.length] as Visitor;
    let roll = Math.random() * 100;
    if ((roll -= MIX.workGuest) < 0) return get(guest, 'work (guest)', `/works/${popularWork(plan.works)}`);
    if (member === undefined) return get(guest, 'work (guest)', `/works/${popularWork(plan.works)}`);
    if ((roll -= MIX.workMember) < 0) return get(member, 'work (member)', `/works/${popularWork(plan.works)}`);
    if ((roll -= MIX.listing) < 0) return get(guest, 'listing', `/works?page=${1 + Math.floor(Math.random() * 5)}`);
    if ((roll -= MIX.tag) < 0) return get(guest, 'tag page', `/tags/${encodeURIComponent(pickFrom(plan.tags))}/works`);
    if (roll - MIX.search < 0) return get(guest, 'search', `/works/search?${new URLSearchParams({ 'work_search[query]': pickFrom(plan.searches) }).toString()}`);
    writes += 1;
    const workId = pickFrom(plan.works);
    const kind = writes % 4 === 0 ? 'comment' : writes % 4 === 1 ? 'bookmark' : 'kudos';
    const fields: Record<string, string> = kind === 'comment' ? { comment: `Read it twice; ${writes} times the charm.` } : kind === 'bookmark' ? { notes: '', tags: '' } : {};
    const path = `/works/${workId}/${kind === 'comment' ? 'comments' : kind === 'bookmark' ? 'bookmarks' : 'kudos'}`;
    // 303 when done; 429 when this member reached the comment limit (8 a minute), which is the app working.
    return { kind: `write: ${kind}`, method: 'POST', send: () => member.post(path, fields), ok: (a) => a.status === 303 || a.status === 429 };
  };
}
