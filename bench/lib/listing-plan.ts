// The fixed set of listings bench:listings requests, chosen from the corpus itself: the biggest
// fandom, one of rank 20 and one of rank 500, each with its most used freeform excluded and
// Teen And Up Audiences included, sorted two ways, at page 1 and page 50; plus /works; plus a
// collection of 10,000 of the corpus's works (made here once: every n-th posted work), whole,
// filtered to the biggest fandom, and sorted by words at page 50.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { tagWorksPath } from '../../src/tags/tag-url.js';
import { fandomWorkCounts } from './corpus-summary.js';

export type ListingTarget = { label: string; path: string };

export type PlannedFandom = { rank: number; name: string; works: number; excluded: string; excludedWorks: number };

export type ListingPlan = { fandoms: PlannedFandom[]; teenId: number; targets: ListingTarget[] };

/** Fandom ranks (1 = most works) the listings cover. */
const RANKS = [1, 20, 500] as const;
const SORTS = ['revised_at', 'word_count'] as const;
const PAGES = [1, 50] as const;

/** The canonical freeform on most of the fandom's works. */
async function topFreeform(db: Kysely<Database>, fandomId: number): Promise<{ name: string; works: number }> {
  const { rows } = await sql<{ name: string; works: number }>`
    select t.name, count(*) as works from work_tags f join work_tags wt on wt.work_id = f.work_id join tags t on t.id = wt.tag_id
    where f.tag_id = ${fandomId} and t.type = 'freeform' and t.canonical = 1 group by t.id, t.name order by works desc, t.id limit 1`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error(`fandom ${fandomId} has no freeforms to exclude`);
  return row;
}

function query(pairs: Array<[string, string]>): string {
  const params = new URLSearchParams(pairs);
  return pairs.length > 0 ? `?${params.toString()}` : '';
}

function fandomTargets(fandom: PlannedFandom, teenId: number): ListingTarget[] {
  return SORTS.flatMap((sort) => PAGES.map((page): ListingTarget => ({
    label: `fandom #${fandom.rank} -freeform +teen ${sort} p${page}`,
    path: tagWorksPath(fandom.name) + query([
      ['work_search[excluded_tag_names]', fandom.excluded], ['include_work_search[rating_ids][]', String(teenId)],
      ['work_search[sort_column]', sort], ...(page > 1 ? [['page', String(page)] as [string, string]] : []),
    ]),
  })));
}

export const BENCH_COLLECTION = { name: 'bench_gathering', works: 10_000 } as const;

/** The collection of 10,000 works the listings include, made once in the corpus (its works spread over the whole archive). */
async function ensureCollection(db: Kysely<Database>): Promise<number> {
  const found = await db.selectFrom('collections').select('id').where('name_key', '=', BENCH_COLLECTION.name).executeTakeFirst();
  if (found !== undefined) return (await db.selectFrom('collection_items').select((eb) => eb.fn.countAll<number | string>().as('n')).where('collection_id', '=', found.id).executeTakeFirstOrThrow()).n as number;
  const posted = await db.selectFrom('works').select((eb) => eb.fn.countAll<number | string>().as('n')).where('posted', '=', 1).executeTakeFirstOrThrow();
  const step = Math.max(1, Math.floor(Number(posted.n) / BENCH_COLLECTION.works));
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('collections').values({ name: BENCH_COLLECTION.name, name_key: BENCH_COLLECTION.name, title: 'Bench Gathering', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const ids = (await trx.selectFrom('works').select('id').where('posted', '=', 1).orderBy('id').execute()).map((r) => r.id).filter((_, i) => i % step === 0).slice(0, BENCH_COLLECTION.works);
    for (let i = 0; i < ids.length; i += 500) {
      await trx.insertInto('collection_items').values(ids.slice(i, i + 500).map((workId) => ({ collection_id: id, work_id: workId, approved: 1 as const, created_at: now }))).execute();
    }
    return ids.length;
  });
}

/** Looks up the fandoms, the freeform to exclude in each and the rating's id, and builds the addresses. */
export async function planListings(db: Kysely<Database>): Promise<ListingPlan> {
  const teen = await db.selectFrom('tags').select('id').where('type', '=', 'rating').where('name', '=', 'Teen And Up Audiences').executeTakeFirst();
  if (teen === undefined) throw new Error('the corpus has no "Teen And Up Audiences" rating');
  const ranked = await fandomWorkCounts(db);
  const fandoms: PlannedFandom[] = [];
  for (const rank of RANKS) {
    const fandom = ranked[Math.min(rank, ranked.length) - 1];
    if (fandom === undefined) throw new Error('the corpus has no fandoms');
    const excluded = await topFreeform(db, fandom.id);
    fandoms.push({ rank, name: fandom.name, works: fandom.works, excluded: excluded.name, excludedWorks: excluded.works });
  }
  const targets: ListingTarget[] = [
    ...fandoms.flatMap((f) => fandomTargets(f, teen.id)),
    { label: '/works p1', path: '/works' },
    { label: '/works p50', path: '/works?page=50' },
    { label: '/works complete, >=10k words, word_count', path: `/works${query([['work_search[complete]', 'T'], ['work_search[words_from]', '10000'], ['work_search[sort_column]', 'word_count']])}` },
  ];
  const gathered = await ensureCollection(db);
  const collection = `/collections/${BENCH_COLLECTION.name}`;
  const biggest = fandoms[0];
  targets.push(
    { label: `collection of ${gathered} works p1`, path: collection },
    { label: `collection of ${gathered} works, word_count p50`, path: collection + query([['work_search[sort_column]', 'word_count'], ['page', '50']]) },
    ...(biggest === undefined ? [] : [{ label: `collection of ${gathered} works, fandom #1 -freeform +teen`, path: collection + query([
      ['work_search[fandom_names]', biggest.name], ['work_search[excluded_tag_names]', biggest.excluded], ['include_work_search[rating_ids][]', String(teen.id)],
    ]) }]),
  );
  return { fandoms, teenId: teen.id, targets };
}
