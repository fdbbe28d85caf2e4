// What the synthetic archive holds, counted from the database: rows per table, tags by type,
// tags per work, how skewed the fandoms are, its size on disk and how long it took to make.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';

export type CorpusSummary = {
  works: number; posted: number; restricted: number; complete: number; crossovers: number; words: number;
  tags: Array<{ type: string; canonical: number; synonyms: number; other: number }>;
  tagsPerWork: { min: number; median: number; p95: number; max: number };
  fandomWorks: Array<{ rank: number; works: number }>;
  rows: Record<string, number>;
  bytes: number; seconds: number;
};

const TABLES = ['users', 'pseuds', 'works', 'work_creators', 'work_tags', 'chapters', 'tags', 'tag_words', 'tag_parents', 'meta_tags'] as const;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Works per canonical fandom (synonyms counted with their canonical), most first. */
export async function fandomWorkCounts(db: Kysely<Database>): Promise<Array<{ id: number; name: string; works: number }>> {
  const { rows } = await sql<{ id: number; name: string; works: number }>`
    select c.id, c.name, count(distinct wt.work_id) as works
    from tags c join tags t on t.id = c.id or t.merger_id = c.id join work_tags wt on wt.tag_id = t.id
    where c.type = 'fandom' and c.canonical = 1 group by c.id, c.name order by works desc, c.id`.execute(db);
  return rows;
}

/** Counts everything worth printing; `bytes` and `seconds` come from the caller. */
export async function summarise(db: Kysely<Database>, bytes: number, seconds: number): Promise<CorpusSummary> {
  const rows: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows: [row] } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    rows[table] = row?.n ?? 0;
  }
  const works = await db.selectFrom('works').select((eb) => [
    eb.fn.countAll<number>().as('works'), eb.fn.sum<number>('posted').as('posted'), eb.fn.sum<number>('restricted').as('restricted'),
    eb.fn.sum<number>('complete').as('complete'), eb.fn.sum<number>('crossover').as('crossovers'), eb.fn.sum<number>('word_count').as('words'),
  ]).executeTakeFirstOrThrow();
  const tags = await db.selectFrom('tags').select((eb) => [
    'type', eb.fn.sum<number>(sql`case when canonical = 1 then 1 else 0 end`).as('canonical'),
    eb.fn.sum<number>(sql`case when merger_id is not null then 1 else 0 end`).as('synonyms'), eb.fn.countAll<number>().as('total'),
  ]).groupBy('type').orderBy('type').execute();
  const perWork = (await db.selectFrom('work_tags').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('work_id').execute()).map((r) => r.n).sort((a, b) => a - b);
  const fandoms = await fandomWorkCounts(db);
  return {
    works: works.works, posted: works.posted, restricted: works.restricted, complete: works.complete,
    crossovers: works.crossovers, words: works.words,
    tags: tags.map((t) => ({ type: t.type, canonical: t.canonical, synonyms: t.synonyms, other: t.total - t.canonical - t.synonyms })),
    tagsPerWork: { min: perWork[0] ?? 0, median: quantile(perWork, 0.5), p95: quantile(perWork, 0.95), max: perWork[perWork.length - 1] ?? 0 },
    fandomWorks: [1, 2, 10, 20, 100, 500, 1000].map((rank) => ({ rank, works: fandoms[rank - 1]?.works ?? 0 })),
    rows, bytes, seconds,
  };
}

const n = (value: number) => value.toLocaleString('en-US');

/** The summary as lines for the terminal. */
export function summaryLines(s: CorpusSummary): string[] {
  const share = (part: number) => `${(100 * part / Math.max(1, s.works)).toFixed(1)}%`;
  return [
    `works: ${n(s.works)} (${share(s.posted)} posted, ${share(s.restricted)} registered-only, ${share(s.complete)} complete, ${share(s.crossovers)} crossovers), ${n(s.words)} words counted`,
    `tags by type: ${s.tags.map((t) => `${t.type} ${n(t.canonical)} canonical${t.synonyms > 0 ? ` + ${n(t.synonyms)} synonyms` : ''}${t.other > 0 ? ` + ${n(t.other)} unwrangled` : ''}`).join('; ')}`,
    `tags per work: min ${s.tagsPerWork.min}, median ${s.tagsPerWork.median}, p95 ${s.tagsPerWork.p95}, max ${s.tagsPerWork.max}`,
    `works per fandom by rank: ${s.fandomWorks.map((f) => `#${f.rank} ${n(f.works)}`).join(', ')}`,
    `rows: ${Object.entries(s.rows).map(([table, count]) => `${table} ${n(count)}`).join(', ')}`,
    `database size: ${(s.bytes / 1048576).toFixed(1)} MiB; generated in ${s.seconds.toFixed(1)} s`,
  ];
}
