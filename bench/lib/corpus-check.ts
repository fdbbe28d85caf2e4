// Checks the synthetic archive holds together as the app would have stored it: for every work,
// posted chapters at positions 1..n adding up to its word and chapter counts; for a fixed sample
// of works, each chapter's word_count equal to AO3's count of its HTML (src/lib/word-count.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { countWords } from '../../src/lib/word-count.js';
import { MAX_CHAPTER_CHARS } from './archive-chapters.js';

/** Works whose every chapter is counted again with countWords: spread over the whole archive. */
const SAMPLE_WORKS = 60;

export type CorpusCheck = {
  ok: boolean;
  works: number; mismatchedWorks: number;
  sample: { works: number; chapters: number; words: number; wrongCounts: string[]; tooLong: string[]; excerpt: string };
};

/** Works whose posted chapters do not add up, or whose positions are not 1..n. */
async function mismatchedWorks(db: Kysely<Database>): Promise<{ works: number; mismatched: number }> {
  const { rows } = await sql<{ works: number; mismatched: number }>`
    select count(*) as works, coalesce(sum(case
      when c.work_id is null or c.posted_chapters <> w.chapter_count or c.posted_words <> w.word_count or c.first_position <> 1 or c.last_position <> c.chapters
      then 1 else 0 end), 0) as mismatched
    from works w left join (
      select work_id, count(*) as chapters, sum(posted) as posted_chapters, sum(case when posted = 1 then word_count else 0 end) as posted_words,
        min(position) as first_position, max(position) as last_position
      from chapters group by work_id
    ) c on c.work_id = w.id`.execute(db);
  return { works: rows[0]?.works ?? 0, mismatched: rows[0]?.mismatched ?? 0 };
}

function sampleIds(works: number): number[] {
  const step = Math.max(1, Math.floor(works / SAMPLE_WORKS));
  return Array.from({ length: Math.min(works, SAMPLE_WORKS) }, (_, i) => 1 + i * step);
}

/** Runs both checks; nothing is changed. */
export async function checkCorpus(db: Kysely<Database>): Promise<CorpusCheck> {
  const { works, mismatched } = await mismatchedWorks(db);
  const ids = sampleIds(works);
  const chapters = await db.selectFrom('chapters').select(['id', 'work_id', 'position', 'content', 'word_count'])
    .where('work_id', 'in', ids).orderBy('work_id').orderBy('position').execute();
  const sample: CorpusCheck['sample'] = { works: ids.length, chapters: chapters.length, words: 0, wrongCounts: [], tooLong: [], excerpt: '' };
  for (const chapter of chapters) {
    const counted = countWords(chapter.content);
    sample.words += counted;
    if (counted !== chapter.word_count) sample.wrongCounts.push(`work ${chapter.work_id} chapter ${chapter.position}: stored ${chapter.word_count}, countWords ${counted}`);
    if (chapter.content.length > MAX_CHAPTER_CHARS) sample.tooLong.push(`work ${chapter.work_id} chapter ${chapter.position}: ${chapter.content.length} characters`);
  }
  const longest = [...chapters].sort((a, b) => b.word_count - a.word_count)[0];
  sample.excerpt = longest?.content.split('\n').slice(0, 3).join('\n') ?? '';
  return { ok: mismatched === 0 && sample.wrongCounts.length === 0 && sample.tooLong.length === 0 && chapters.length > 0, works, mismatchedWorks: mismatched, sample };
}

/** The check's outcome for the terminal, with a few paragraphs of generated text. */
export function checkLines(check: CorpusCheck): string[] {
  const n = (value: number) => value.toLocaleString('en-US');
  const { sample } = check;
  return [
    `check: ${n(check.works)} works, ${check.mismatchedWorks === 0 ? 'every one' : `${n(check.mismatchedWorks)} NOT`} with posted chapters at positions 1..n adding up to its word_count and chapter_count`,
    `check: ${n(sample.chapters)} chapters of ${sample.works} sample works (${n(sample.words)} words) counted again with countWords(content): ` +
      `${sample.wrongCounts.length === 0 ? 'all equal their word_count' : `${sample.wrongCounts.length} differ`}; ` +
      (sample.tooLong.length === 0 ? `none past ${n(MAX_CHAPTER_CHARS)} characters` : `${sample.tooLong.length} too long`),
    ...sample.wrongCounts.slice(0, 5).map((line) => `  wrong count: ${line}`),
    ...sample.tooLong.slice(0, 5).map((line) => `  too long: ${line}`),
    'the start of the longest sample chapter:',
    ...sample.excerpt.split('\n').map((line) => `  ${line.length > 400 ? `${line.slice(0, 400)}…` : line}`),
  ];
}
