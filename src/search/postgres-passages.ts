// Passages of search results on PostgreSQL: the chapter of each work's first matching chunk is
// read, in the statement that finds the chunk; the passage is cut in JavaScript where the words
// are there as typed (as on SQLite), and ts_headline (for stems) parses a window of the chapter
// around a word whose stem the query has, not up to 8,000 words (docs/decisions/049, 050).
import { sql, type RawBuilder } from 'kysely';
import { MEMBER_SCOPE } from '../access/scope.js';
import { chapterVisibleTo } from '../access/visibility.js';
import type { Db } from '../db/database.js';
import { escapeRegExp } from '../lib/text.js';
import { htmlToText } from '../lib/word-count.js';
import { anyOf } from './postgres-query.js';
import type { QueryNode } from './query-parser.js';
import { MARK_END, MARK_START, type Snippet } from './search-backend.js';
import { plainText } from './passages.js';
import { markedHtml, needlesOf, textLeaves, typedSnippet } from './snippets.js';

/** Where a work's first matching chunk is, and the query's words as stems. */
type Hit = { chapter_id: number; start_at: number; end_at: number; stems: string[] };

/** How ts_headline cuts a passage: one fragment of 20-40 words, matches between the backend's markers. */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=1, FragmentDelimiter=" … "`;

/** Characters kept on either side of a word when a passage is cut by ts_headline (about 100 words each way). */
const AROUND_CHARS = 600;

/** Words a stem may begin that are tried in one chapter, in order, before its matching chunk is parsed whole. */
const CANDIDATES = 8;

/**
 * A pattern for the words that begin as a stem does ("reckon" in "reckoned"; "citi", less its last
 * letter, in "city") or as a prefix typed with `*`; null when there are none. Which of them the
 * query matches is PostgreSQL's to say (its stemmer): this only finds where to look.
 */
function stemPattern(starts: string[]): RegExp | null {
  const escaped = starts.map((s) => escapeRegExp(s.length > 3 && /[ie]$/.test(s) ? s.slice(0, -1) : s)).filter((s) => s !== '');
  return escaped.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{M}\\p{N}]*`, 'giu');
}

/** A word a stem may begin, and the text around it, cut at white space. */
type Candidate = { word: string; window: string };

/** The first few words of a text the pattern finds, each with its window. */
function candidatesIn(text: string, pattern: RegExp): Candidate[] {
  const found: Candidate[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null && found.length < CANDIDATES; m = pattern.exec(text)) {
    const at = m.index;
    const from = Math.max(0, at - AROUND_CHARS);
    const to = Math.min(text.length, at + m[0].length + AROUND_CHARS);
    const start = from === 0 ? 0 : Math.max(0, text.indexOf(' ', from) + 1);
    const end = to === text.length ? to : Math.max(at + m[0].length, text.lastIndexOf(' ', to));
    found.push({ word: m[0], window: text.slice(start, end) });
  }
  return found;
}

/**
 * ts_headline's passage of each text, in one statement, cut from the window of its first candidate
 * whose word has one of the query's stems (or begins with one of its prefixes); '' for a text
 * where no candidate does.
 */
async function headlinesAround(db: Db, q: RawBuilder<unknown>, stems: string[], candidates: Candidate[][], prefixes: RegExp | null): Promise<string[]> {
  const flat = candidates.flatMap((list, i) => list.map((c, k) => ({ i, k, word: c.word, window: c.window, sure: prefixes?.test(c.word) === true })));
  if (flat.length === 0) return candidates.map(() => '');
  const column = <T>(pick: (c: (typeof flat)[number]) => T) => sql.val(flat.map(pick));
  const { rows } = await sql<{ i: number; s: string }>`
    with c as (select * from unnest(${column((c) => c.i)}::int[], ${column((c) => c.k)}::int[], ${column((c) => c.word)}::text[],
      ${column((c) => c.window)}::text[], ${column((c) => c.sure)}::boolean[]) as c(i, k, word, t, sure)),
    pick as (select distinct on (i) i, t from c
      where sure or tsvector_to_array(to_tsvector('bindery', word)) && ${sql.val(stems)}::text[] order by i, k)
    select i, ts_headline('bindery', t, ${q}, ${HEADLINE_OPTIONS}) as s from pick`.execute(db);
  const byText = new Map(rows.map((r) => [r.i, r.s]));
  return candidates.map((_, i) => byText.get(i) ?? '');
}

/** ts_headline's passages of some texts, in one statement. */
async function headlines(db: Db, q: RawBuilder<unknown>, texts: string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const { rows } = await sql<{ s: string }>`select ts_headline('bindery', t, ${q}, ${HEADLINE_OPTIONS}) as s
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
  // A window of the chapter's text around the first of its few first words that begin as a stem
  // (or a prefix) does and that PostgreSQL's stemmer says the query has (parsing 200 words, not up
  // to 8,000); the matching chunk (the index's text of the chapter, cut where the chunk is) where
  // none does or the window missed.
  const prefixLeaves = leaves.flatMap((l) => (l.kind === 'term' && l.prefix ? [l.text.match(/[\p{L}\p{N}]+/u)?.[0] ?? ''] : []));
  const stems = texts[0]?.hit.stems ?? [];
  const pattern = stemPattern([...stems, ...prefixLeaves]);
  const sure = prefixLeaves.length === 0 ? null : new RegExp(`^(?:${prefixLeaves.map(escapeRegExp).join('|')})`, 'iu');
  const candidates = pattern === null ? texts.map(() => []) : texts.map((t) => candidatesIn(plainText(t.content), pattern));
  const windowed = await headlinesAround(db, q, stems, candidates, sure);
  const passages = new Map<(typeof texts)[number], string>();
  texts.forEach((t, i) => {
    const passage = windowed[i] ?? '';
    if (passage.includes(MARK_START)) passages.set(t, passage);
  });
  const missed = texts.filter((t) => !passages.has(t));
  const whole = await headlines(db, q, missed.map((t) => htmlToText(t.content).slice(t.hit.start_at, t.hit.end_at)));
  missed.forEach((t, i) => passages.set(t, whole[i] ?? ''));
  for (const [t, passage] of passages) if (passage.includes(MARK_START)) found.set(t.workId, { chapterId: t.hit.chapter_id, html: markedHtml(passage) });
  return found;
}
