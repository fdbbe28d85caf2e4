// What the synthetic archive holds, counted from the database: rows per table, tags by type,
// tags per work, how skewed the fandoms are, its size on disk and how long it took to make.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';

/** What the generator wrote as chapter text: chapters, words, UTF-8 bytes, and the seconds it took from the first work on. */
export type TextStats = { chapters: number; words: number; bytes: number; seconds: number; startedAt: number };

export type CorpusSummary = {
  works: number; posted: number; restricted: number; complete: number; crossovers: number; words: number;
  wordsPerWork: { mean: number; median: number; p95: number; p999: number; max: number; oneShots: number };
  chaptersPerWork: { mean: number; max: number };
  text: Omit<TextStats, 'startedAt'>;
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

/** Words and chapters of the posted works. */
async function workSizes(db: Kysely<Database>): Promise<Pick<CorpusSummary, 'wordsPerWork' | 'chaptersPerWork'>> {
  const rows = await db.selectFrom('works').select(['word_count', 'chapter_count']).where('posted', '=', 1).execute();
  const words = rows.map((r) => r.word_count).sort((a, b) => a - b);
  const total = words.reduce((sum, w) => sum + w, 0);
  const chapters = rows.reduce((sum, r) => sum + r.chapter_count, 0);
  return {
    wordsPerWork: {
      mean: Math.round(total / Math.max(1, rows.length)), median: quantile(words, 0.5), p95: quantile(words, 0.95), p999: quantile(words, 0.999),
      max: words[words.length - 1] ?? 0, oneShots: rows.filter((r) => r.chapter_count === 1).length,
    },
    chaptersPerWork: { mean: chapters / Math.max(1, rows.length), max: Math.max(0, ...rows.map((r) => r.chapter_count)) },
  };
}

/** Counts everything worth printing; `bytes`, `seconds` and what the generator wrote come from the caller. */
export async function summarise(db: Kysely<Database>, bytes: number, seconds: number, text: TextStats): Promise<CorpusSummary> {
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
    ...await workSizes(db), text: { chapters: text.chapters, words: text.words, bytes: text.bytes, seconds: text.seconds },
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
    `words per posted work: mean ${n(s.wordsPerWork.mean)}, median ${n(s.wordsPerWork.median)}, p95 ${n(s.wordsPerWork.p95)}, ` +
      `p99.9 ${n(s.wordsPerWork.p999)}, max ${n(s.wordsPerWork.max)}; one-shots ${share(s.wordsPerWork.oneShots)}; ` +
      `chapters per work: mean ${s.chaptersPerWork.mean.toFixed(2)}, max ${s.chaptersPerWork.max}`,
    `chapter text written: ${n(s.text.chapters)} chapters, ${n(s.text.words)} words (drafts' too), ${(s.text.bytes / 1e6).toFixed(0)} MB of HTML ` +
      `in ${s.text.seconds.toFixed(1)} s = ${(s.text.bytes / 1e6 / Math.max(s.text.seconds, 0.001)).toFixed(1)} MB/s, ${(s.text.words / 1e6 / Math.max(s.text.seconds, 0.001)).toFixed(2)} M words/s`,
    `database size on disk: ${(s.bytes / 1048576).toFixed(1)} MiB (${(s.bytes / 1e9).toFixed(2)} GB); made in ${s.seconds.toFixed(1)} s`,
  ];
}
