// A synthetic work's chapters as the app stores them: positions 1..n, the work's words shared
// among them (each within about a third of the average, together exactly the work's count),
// published one after another from the work's first publication to its last update.
import type { Insertable } from 'kysely';
import type { ChapterTable } from '../../src/db/database.js';
import type { Random } from './corpus.js';
import type { Cast, StoryWriter, Typing } from './story-text.js';

/** AO3 allows 510,000 characters of chapter text; the generator stays under 500,000. */
export const MAX_CHAPTER_CHARS = 500_000;

export type ChapterPlan = {
  workId: number; firstId: number; words: number; chapters: number; posted: 0 | 1;
  /** Milliseconds: first publication, last update, and when a draft was saved. */
  published: number; revised: number; created: number;
  titles: (() => string) | null;
};

/** `chapters` whole numbers of at least 1 that add up to `words`. */
export function splitWords(random: Random, words: number, chapters: number): number[] {
  const weights = Array.from({ length: chapters }, () => 0.7 + 0.6 * random());
  const total = weights.reduce((sum, w) => sum + w, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((words * w) / total)));
  let rest = words - sizes.reduce((sum, s) => sum + s, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % chapters) {
    const size = sizes[i] ?? 1;
    if (rest < 0 && size <= 1) continue;
    sizes[i] = size + Math.sign(rest);
    rest -= Math.sign(rest);
  }
  return sizes;
}

/** When each chapter was published: the first at `published`, the last at `revised`, the rest in between, in order. */
export function chapterTimes(random: Random, count: number, published: number, revised: number): number[] {
  if (count === 1) return [published];
  const between = Array.from({ length: count - 2 }, () => published + Math.floor(random() * (revised - published))).sort((a, b) => a - b);
  return [published, ...between, revised];
}

/** The chapter rows of one work, text included; throws if a chapter would pass the length limit. */
export function makeChapters(random: Random, writer: StoryWriter, plan: ChapterPlan, cast: Cast, typing: Typing): Array<Insertable<ChapterTable>> {
  const sizes = splitWords(random, plan.words, plan.chapters);
  const times = plan.posted === 1 ? chapterTimes(random, plan.chapters, plan.published, plan.revised) : sizes.map(() => plan.created);
  return sizes.map((words, i) => {
    const content = writer.chapter(random, words, cast, typing);
    if (content.length > MAX_CHAPTER_CHARS) throw new Error(`work ${plan.workId} chapter ${i + 1}: ${content.length} characters is past the ${MAX_CHAPTER_CHARS} limit`);
    const at = new Date(times[i] ?? plan.created).toISOString();
    return {
      id: plan.firstId + i, work_id: plan.workId, position: i + 1, title: plan.titles?.() ?? '', summary: '',
      notes: random() < 0.1 ? writer.chapter(random, 8 + Math.floor(random() * 40), cast, typing) : '', end_notes: '',
      content, word_count: words, posted: plan.posted, published_on: plan.posted === 1 ? at.slice(0, 10) : null, created_at: at, updated_at: at,
    };
  });
}
