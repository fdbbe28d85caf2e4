// Passages of search results on PostgreSQL: cut in JavaScript where the words are there as typed
// (as on SQLite); past a work's first chapter only the chapter of its first matching chunk is
// read, and ts_headline (for stems) parses a window of it, not up to 8,000 words
// (docs/decisions/049).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { htmlToText } from '../lib/word-count.js';
import { anyOf } from './postgres-query.js';
import type { QueryNode } from './query-parser.js';
import { MARK_END, MARK_START, type Snippet } from './search-backend.js';
import { postedChaptersByIds } from './search.repository.js';
import { markedHtml, textLeaves, typedPassages, type WorkChapter } from './snippets.js';

/** Where a work's first matching chunk is, and the position of the first of the query's words in it. */
type Hit = { chapter_id: number; start_at: number; end_at: number; at: number | null };

/** Words kept on either side of a match's position when a passage is cut by ts_headline. */
const AROUND_TOKENS = 200;

/**
 * The text around its `at`-th word (PostgreSQL's count, which a hyphenated word or an address
 * can push a little ahead of this one): the whole text when there is no position. Reads the
 * words only up to the window's end, keeping the starts of the last few.
 */
function aroundToken(text: string, at: number | null): string {
  if (at === null) return text;
  const target = Math.max(0, at - 1);
  const size = AROUND_TOKENS + 1;
  const starts = new Array<number>(size);
  let seen = 0;
  let end = 0;
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (seen <= target) starts[seen % size] = word.index;
    end = word.index + word[0].length;
    seen++;
    if (seen > target + AROUND_TOKENS) break;
  }
  // The window is centred on the target word, or on the last word when the text has fewer.
  const centre = Math.min(seen - 1, target);
  const start = seen === 0 ? undefined : starts[Math.max(0, centre - AROUND_TOKENS) % size];
  return start === undefined ? text : text.slice(start, end);
}

/** ts_headline's passages of some texts, in one statement. */
async function headlines(db: Db, q: RawBuilder<unknown>, texts: string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const { rows } = await sql<{ s: string }>`select ts_headline('bindery', t, ${q},
    ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=1, FragmentDelimiter=" … "`}) as s
    from unnest(${sql.val(texts)}::text[]) with ordinality as x(t, i) order by i`.execute(db);
  return rows.map((r) => r.s);
}

/** The passages of some works' matches, by work id, with the chapter each is in. */
export async function postgresPassages(db: Db, node: QueryNode, ids: number[]): Promise<Map<number, Snippet>> {
  const q = anyOf(node, true);
  if (q === null || ids.length === 0) return new Map<number, Snippet>();
  // Cut in JavaScript where the words are there as typed. Past a work's first chapter, only the
  // chapter of its first matching chunk is read (not the whole work); ts_headline is left for
  // stems and the like, on a window of that chunk around the first of the query's words.
  const leaves = textLeaves(node);
  const words = leaves.filter((l) => !(l.kind === 'term' && l.prefix)).map((l) => l.text).join(' ');
  const hits = new Map<number, Hit>();
  const chaptersOfRest = async (rest: number[]) => {
    const { rows } = await sql<Hit & { work_id: number }>`
      select w.id as work_id, h.chapter_id, h.start_at, h.end_at, h.at from unnest(${sql.val(rest)}::int[]) as w(id)
      cross join lateral (select c.chapter_id, c.start_at, c.end_at,
          (select min(p) from unnest(c.tsv) u, unnest(u.positions) p where u.lexeme = any(tsvector_to_array(to_tsvector('bindery', ${words})))) as at
        from search_chunks c where c.work_id = w.id and ts_match_vq(c.tsv, ${q}) order by c.id limit 1) h`.execute(db);
    for (const row of rows) hits.set(row.work_id, row);
    const chapters = new Map<number, WorkChapter[]>();
    for (const c of await postedChaptersByIds(db, rows.map((r) => r.chapter_id))) chapters.set(c.work_id, [c]);
    return chapters;
  };
  const { found, rest, chapters } = await typedPassages(db, leaves, ids, chaptersOfRest);
  const texts = rest.flatMap((workId) => {
    const hit = hits.get(workId);
    const chapter = chapters.get(workId)?.[0];
    return hit === undefined || chapter === undefined ? [] : [{ workId, hit, text: htmlToText(chapter.content).slice(hit.start_at, hit.end_at) }];
  });
  // A window first (parsing 400 words, not up to 8,000); the whole chunk where the window missed.
  const windowed = await headlines(db, q, texts.map((t) => aroundToken(t.text, t.hit.at)));
  const missed = texts.filter((_, i) => !(windowed[i] ?? '').includes(MARK_START));
  const whole = await headlines(db, q, missed.map((t) => t.text));
  const passages = new Map(texts.map((t, i) => [t, windowed[i] ?? '']));
  missed.forEach((t, i) => passages.set(t, whole[i] ?? ''));
  for (const [t, passage] of passages) if (passage.includes(MARK_START)) found.set(t.workId, { chapterId: t.hit.chapter_id, html: markedHtml(passage) });
  return found;
}
