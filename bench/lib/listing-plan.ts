// The fixed set of listings bench:listings requests, chosen from the corpus itself: the biggest
// fandom, one of rank 20 and one of rank 500, each with its most used freeform excluded and
// Teen And Up Audiences included, sorted two ways, at page 1 and page 50; plus /works.
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
  return { fandoms, teenId: teen.id, targets };
}
