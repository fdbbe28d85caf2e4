// One synthetic work as the app would have stored it: the works row (counts, dates, sort keys),
// its creators, its tags in order, and its chapters with their story text.
import type { Insertable } from 'kysely';
import type { ChapterTable, CommentPermission, WorkCreatorTable, WorkTable, WorkTagTable } from '../../src/db/database.js';
import { LANGUAGES } from '../../src/works/languages.js';
import { creatorSortKey, titleSortKey } from '../../src/works/sort-keys.js';
import type { Random } from './corpus.js';
import { makeChapters } from './archive-chapters.js';
import { makeWorkTags, type Universe } from './archive-work-tags.js';
import { TITLE_ADJECTIVES, TITLE_PATTERNS, TITLE_WORDS } from './archive-words.js';
import { between, logNormal, pick, streamOf, weighted } from './sampling.js';
import { castOf, type StoryWriter, type Typing } from './story-text.js';

export type GeneratedWork = {
  work: Insertable<WorkTable>; creators: Array<Insertable<WorkCreatorTable>>;
  tags: Array<Insertable<WorkTagTable>>; chapters: Array<Insertable<ChapterTable>>;
};

/** Works were published over ten years, more of them lately, as archives grow. */
const START = Date.UTC(2016, 0, 1);
const SPAN = Date.UTC(2026, 0, 1) - START;
const DAY = 24 * 3600 * 1000;

const OTHER_LANGUAGES: ReadonlyArray<readonly [string, number]> = [
  ['es', 25], ['zh', 20], ['ru', 15], ['fr', 15], ['de', 10], ['pt-BR', 10], ['it', 5], ['ja', 5], ['pl', 5], ['ko', 3],
  ...LANGUAGES.map(([code]) => [code, 0.3] as const).filter(([code]) => code !== 'en'),
];

type Shape = { words: number; chapters: number; expected: number | null };

/** Median words of a work: with the log-normal's spread this makes the mean about 3,000. */
const WORDS_MEDIAN = 1400;
/** No chapter longer than this (about 260,000 characters of HTML, well under the limit). */
const MAX_CHAPTER_WORDS = 40_000;
/** Writers who type straight quotes and apostrophes rather than curly ones. */
const STRAIGHT_TYPING = 0.15;

/** Words from one-shots to novels (median 1,400, mean about 3,000), chapters in proportion; some works still in progress. */
function shape(random: Random): Shape {
  const words = Math.max(100, Math.min(300_000, Math.round(logNormal(random, WORDS_MEDIAN, 1.25))));
  // Most short works are one-shots; short multi-chapter works have short chapters (drabble series).
  const single = words < 2000 ? random() < 0.9 : words < 6000 && random() < 0.5;
  const drawn = single ? 1 : Math.max(2, Math.min(60, Math.round(words / logNormal(random, words < 6000 ? 1200 : 3500, 0.45))));
  const chapters = Math.max(drawn, Math.ceil(words / MAX_CHAPTER_WORDS));
  if (chapters === 1) return { words, chapters, expected: weighted<number | null>(random, [[1, 93], [null, 4], [between(random, 2, 5), 3]]) };
  if (random() < 0.6) return { words, chapters, expected: chapters };
  return { words, chapters, expected: random() < 0.55 ? null : chapters + between(random, 1, 20) };
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'to', 'but', 'like', 'or']);

function title(random: Random): string {
  const word = () => pick(random, TITLE_WORDS);
  const text = pick(random, TITLE_PATTERNS).replace(/%N/g, word).replace(/%A/g, () => pick(random, TITLE_ADJECTIVES));
  if (random() < 0.08) return text.toLowerCase();
  return text.split(' ').map((w, i) => (i > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}

type Times = { published: number; revised: number; created: number };

function times(random: Random, shapeOf: Shape): Times {
  const published = START + Math.floor(SPAN * Math.pow(random(), 0.75));
  const oneShot = shapeOf.chapters === 1 && shapeOf.expected === 1;
  const revised = oneShot ? published : Math.min(START + SPAN - 1, published + Math.floor(shapeOf.chapters * logNormal(random, 20 * DAY, 0.8)));
  return { published, revised, created: published - Math.floor(random() * 2 * 3600 * 1000) };
}

/** The names of the work's character tags, for its text. */
function characterNames(universe: Universe, tagIds: number[]): string[] {
  return tagIds.map((id) => universe.registry.get(id)).filter((t) => t?.type === 'character').map((t) => t?.name ?? '');
}

/**
 * Work number `index` (from 1) of the archive made from `seed`: the same every time. Its chapters
 * take ids from `firstChapterId`; their text comes from a stream of its own, so the metadata does
 * not change when the text generator does.
 */
export function makeWork(universe: Universe, seed: number, index: number, writer: StoryWriter, firstChapterId: number): GeneratedWork {
  const random = streamOf(seed, 1, index);
  const { writers, zipf } = universe.people;
  const author = writers[zipf.draw(random)] ?? writers[0];
  if (author === undefined) throw new Error('the archive has no writers');
  const pseud = author.pseuds.length > 1 && random() < 0.3 ? pick(random, author.pseuds.slice(1)) : author.pseuds[0];
  const coCreator = random() < 0.03 ? writers[zipf.draw(random)]?.pseuds[0] : undefined;
  const pseuds = [pseud, coCreator].filter((p, i, all): p is NonNullable<typeof p> => p !== undefined && all.indexOf(p) === i);
  const tags = makeWorkTags(random, universe, author.favouriteFandom);
  const size = shape(random);
  const when = times(random, size);
  const posted = random() < 0.98 ? 1 : 0;
  const workTitle = title(random);
  const chapterTitles = size.chapters > 1 && random() < 0.6 ? () => title(random) : null;
  const typing: Typing = random() < STRAIGHT_TYPING ? 'straight' : 'curly';
  const textRandom = streamOf(seed, 2, index);
  const cast = castOf(characterNames(universe, tags.ids));
  const summary = writer.chapter(textRandom, between(textRandom, 15, 70), cast, typing);
  const notes = random() < 0.25 ? (random() < 0.5 ? '<p>Thank you for reading!</p>' : writer.chapter(textRandom, between(textRandom, 10, 60), cast, typing)) : '';
  const iso = (ms: number) => new Date(ms).toISOString();
  const work: Insertable<WorkTable> = {
    id: index, title: workTitle, summary, notes, end_notes: '',
    language: random() < 0.88 ? 'en' : weighted(random, OTHER_LANGUAGES), restricted: random() < 0.05 ? 1 : 0,
    comment_permission: weighted<CommentPermission>(random, [['all', 90], ['registered', 8], ['none', 2]]),
    expected_chapters: size.expected, posted, word_count: posted === 1 ? size.words : 0, chapter_count: posted === 1 ? size.chapters : 0,
    complete: posted === 1 && size.expected === size.chapters ? 1 : 0, backdated: 0, published_on: posted === 1 ? iso(when.published).slice(0, 10) : null,
    revised_at: iso(posted === 1 ? when.revised : when.created), content_version: 1, title_sort: titleSortKey(workTitle),
    creator_sort: creatorSortKey(pseuds[0]?.name), crossover: tags.crossover, rating_id: tags.ids[0] ?? null, created_at: iso(when.created),
    updated_at: iso(posted === 1 ? when.revised : when.created),
  };
  const chapters = makeChapters(textRandom, writer, {
    workId: index, firstId: firstChapterId, words: size.words, chapters: size.chapters, posted,
    published: when.published, revised: when.revised, created: when.created, titles: chapterTitles,
  }, cast, typing);
  return {
    work, chapters,
    creators: pseuds.map((p, position) => ({ work_id: index, pseud_id: p.id, position })),
    tags: tags.ids.map((tagId, position) => ({ work_id: index, tag_id: tagId, position })),
  };
}
