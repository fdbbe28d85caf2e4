// One synthetic work as the app would have stored it: the works row (counts, dates, sort keys),
// its creators, its tags in order, and one chapter of short generated text.
import type { Insertable } from 'kysely';
import type { ChapterTable, CommentPermission, WorkCreatorTable, WorkTable, WorkTagTable } from '../../src/db/database.js';
import { escapeHtml } from '../../src/lib/escape.js';
import { LANGUAGES } from '../../src/works/languages.js';
import { creatorSortKey, titleSortKey } from '../../src/works/sort-keys.js';
import { storyText, type Random } from './corpus.js';
import { makeWorkTags, type Universe } from './archive-work-tags.js';
import { TITLE_ADJECTIVES, TITLE_PATTERNS, TITLE_WORDS } from './archive-words.js';
import { between, logNormal, pick, streamOf, weighted } from './sampling.js';

export type GeneratedWork = {
  work: Insertable<WorkTable>; creators: Array<Insertable<WorkCreatorTable>>;
  tags: Array<Insertable<WorkTagTable>>; chapter: Insertable<ChapterTable>;
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

/** Words from one-shots to novels (median about 3,000), chapters in proportion; some works still in progress. */
function shape(random: Random): Shape {
  const words = Math.max(100, Math.min(300_000, Math.round(logNormal(random, 3000, 1.25))));
  const chapters = words < 6000 && random() < 0.9 ? 1 : Math.max(1, Math.min(60, Math.round(words / logNormal(random, 3500, 0.45))));
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

function paragraphs(random: Random, words: number): string {
  return storyText(Math.floor(random() * 2 ** 32), words).split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

type Times = { published: number; revised: number; created: number };

function times(random: Random, shapeOf: Shape): Times {
  const published = START + Math.floor(SPAN * Math.pow(random(), 0.75));
  const oneShot = shapeOf.chapters === 1 && shapeOf.expected === 1;
  const revised = oneShot ? published : Math.min(START + SPAN - 1, published + Math.floor(shapeOf.chapters * logNormal(random, 20 * DAY, 0.8)));
  return { published, revised, created: published - Math.floor(random() * 2 * 3600 * 1000) };
}

/** Work number `index` (from 1) of the archive made from `seed`: the same every time. */
export function makeWork(universe: Universe, seed: number, index: number): GeneratedWork {
  const random = streamOf(seed, 1, index);
  const { writers, zipf } = universe.people;
  const writer = writers[zipf.draw(random)] ?? writers[0];
  if (writer === undefined) throw new Error('the archive has no writers');
  const pseud = writer.pseuds.length > 1 && random() < 0.3 ? pick(random, writer.pseuds.slice(1)) : writer.pseuds[0];
  const coCreator = random() < 0.03 ? writers[zipf.draw(random)]?.pseuds[0] : undefined;
  const pseuds = [pseud, coCreator].filter((p, i, all): p is NonNullable<typeof p> => p !== undefined && all.indexOf(p) === i);
  const tags = makeWorkTags(random, universe, writer.favouriteFandom);
  const size = shape(random);
  const when = times(random, size);
  const posted = random() < 0.98 ? 1 : 0;
  const text = { title: title(random), summary: paragraphs(random, 25).split('\n')[0] ?? '', content: paragraphs(random, 60) };
  const iso = (ms: number) => new Date(ms).toISOString();
  const publishedOn = posted === 1 ? iso(when.published).slice(0, 10) : null;
  const work: Insertable<WorkTable> = {
    id: index, title: text.title, summary: text.summary, notes: random() < 0.25 ? '<p>Thank you for reading!</p>' : '', end_notes: '',
    language: random() < 0.88 ? 'en' : weighted(random, OTHER_LANGUAGES), restricted: random() < 0.05 ? 1 : 0,
    comment_permission: weighted<CommentPermission>(random, [['all', 90], ['registered', 8], ['none', 2]]),
    expected_chapters: size.expected, posted, word_count: posted === 1 ? size.words : 0, chapter_count: posted === 1 ? size.chapters : 0,
    complete: posted === 1 && size.expected === size.chapters ? 1 : 0, backdated: 0, published_on: publishedOn,
    revised_at: iso(posted === 1 ? when.revised : when.created), version: 1, title_sort: titleSortKey(text.title),
    creator_sort: creatorSortKey(pseuds[0]?.name), crossover: tags.crossover, rating_id: tags.ids[0] ?? null, created_at: iso(when.created),
    updated_at: iso(posted === 1 ? when.revised : when.created),
  };
  const chapter: Insertable<ChapterTable> = {
    id: index, work_id: index, position: 1, title: size.chapters > 1 ? title(random) : '', summary: '', notes: '', end_notes: '',
    content: text.content, word_count: size.words, posted, published_on: publishedOn, created_at: iso(when.created), updated_at: iso(when.created),
  };
  return {
    work, chapter,
    creators: pseuds.map((p, position) => ({ work_id: index, pseud_id: p.id, position })),
    tags: tags.ids.map((tagId, position) => ({ work_id: index, tag_id: tagId, position })),
  };
}
