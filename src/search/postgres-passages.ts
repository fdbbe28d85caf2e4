// Passages of search results on PostgreSQL: the chapter of each work's first matching chunk is
// read, in the statement that finds the chunk; the passage is cut in JavaScript where the words
// are there as typed (as on SQLite), and ts_headline (for stems) parses a window of the chapter
// around the first word a stem begins, not up to 8,000 words (docs/decisions/049).
import { sql, type RawBuilder } from 'kysely';
import { MEMBER_SCOPE } from '../access/scope.js';
import { chapterVisibleTo } from '../access/visibility.js';
import type { Db } from '../db/database.js';
import { htmlToText } from '../lib/word-count.js';
import { anyOf } from './postgres-query.js';
import type { QueryNode } from './query-parser.js';
import { MARK_END, MARK_START, type Snippet } from './search-backend.js';
import { plainText } from './passages.js';
import { markedHtml, needlesOf, textLeaves, typedSnippet } from './snippets.js';

/** Where a work's first matching chunk is, and the query's words as stems. */
type Hit = { chapter_id: number; start_at: number; end_at: number; stems: string[] };

/** Characters kept on either side of the first stem found when a passage is cut by ts_headline (about 200 words each way). */
const AROUND_CHARS = 1200;

/**
 * A pattern for words that begin as a stem does ("reckon" in "reckoned"; "citi", less its last
 * letter, in "city"); null when there are no stems. ts_headline decides what matches: this only
 * says where to look.
 */
function stemPattern(stems: string[]): RegExp | null {
  const starts = stems.map((s) => (s.length > 3 && /[ie]$/.test(s) ? s.slice(0, -1) : s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).filter((s) => s !== '');
  return starts.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${starts.join('|')})`, 'iu');
}

/** The text around the first word a stem begins, cut at white space; null when no word does. */
function aroundStem(text: string, stems: RegExp | null): string | null {
  const at = stems?.exec(text)?.index;
  if (at === undefined) return null;
  const from = Math.max(0, at - AROUND_CHARS);
  const to = Math.min(text.length, at + AROUND_CHARS);
  const start = from === 0 ? 0 : Math.max(0, text.indexOf(' ', from) + 1);
  const end = to === text.length ? to : Math.max(at, text.lastIndexOf(' ', to));
  return text.slice(start, end);
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
  // One statement: each work's first matching chunk, the chapter it is in (what every member may
  // read, as the index holds), and the query's words as stems. The passage is cut in JavaScript
  // where the words are there as typed; ts_headline is left for stems and the like, on a window
  // of the chapter around the first word a stem (or a prefix) begins.
  const leaves = textLeaves(node);
  const words = leaves.filter((l) => !(l.kind === 'term' && l.prefix)).map((l) => l.text).join(' ');
  const { rows } = await sql<Hit & { work_id: number; content: string }>`
    with q as (select tsvector_to_array(to_tsvector('bindery', ${words})) as stems)
    select w.id as work_id, h.chapter_id, h.start_at, h.end_at, q.stems, ch.content from q, unnest(${sql.val(ids)}::int[]) as w(id)
    cross join lateral (select c.chapter_id, c.start_at, c.end_at from search_chunks c
      where c.work_id = w.id and ts_match_vq(c.tsv, ${q}) order by c.id limit 1) h
    join chapters ch on ch.id = h.chapter_id and ${chapterVisibleTo(MEMBER_SCOPE, 'ch')}`.execute(db);
  const needles = needlesOf(leaves);
  const found = new Map<number, Snippet>();
  const texts: Array<{ workId: number; hit: Hit; content: string }> = [];
  for (const row of rows) {
    const typed = typedSnippet([{ id: row.chapter_id, content: row.content }], needles);
    if (typed !== null) found.set(row.work_id, typed);
    else texts.push({ workId: row.work_id, hit: row, content: row.content });
  }
  // A window of the chapter's text around the first word a stem begins (parsing 400 words, not up
  // to 8,000); the matching chunk (the index's text of the chapter, cut where the chunk is) where
  // no word begins so or the window missed.
  const prefixes = leaves.flatMap((l) => (l.kind === 'term' && l.prefix ? [l.text.match(/[\p{L}\p{N}]+/u)?.[0] ?? ''] : []));
  const stems = stemPattern([...(texts[0]?.hit.stems ?? []), ...prefixes]);
  const tried = texts.flatMap((t) => {
    const window = aroundStem(plainText(t.content), stems);
    return window === null ? [] : [{ t, window }];
  });
  const windowed = await headlines(db, q, tried.map((w) => w.window));
  const passages = new Map<(typeof texts)[number], string>();
  tried.forEach((w, i) => {
    const passage = windowed[i] ?? '';
    if (passage.includes(MARK_START)) passages.set(w.t, passage);
  });
  const missed = texts.filter((t) => !passages.has(t));
  const whole = await headlines(db, q, missed.map((t) => htmlToText(t.content).slice(t.hit.start_at, t.hit.end_at)));
  missed.forEach((t, i) => passages.set(t, whole[i] ?? ''));
  for (const [t, passage] of passages) if (passage.includes(MARK_START)) found.set(t.workId, { chapterId: t.hit.chapter_id, html: markedHtml(passage) });
  return found;
}
