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
import { needleWords, plainText } from './passages.js';
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
  const escaped = starts.map((s) => escapeRegExp(stemStart(s))).filter((s) => s !== '');
  return escaped.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{M}\\p{N}]*`, 'giu');
}

/** The part of a stem a word with it begins with ("reckon"; "citi" less its last letter, for "city"). */
function stemStart(stem: string): string {
  return stem.length > 3 && /[ie]$/.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * A pattern for the phrases' words in a row, each word as it begins when it has one of the stems
 * ("mov…" for "moving" when "move" is a stem): where a phrase of stems may be, which the words'
 * own candidates would miss when the first word is also found alone. Null without phrases.
 */
function phrasePattern(phrases: string[][], stems: string[]): RegExp | null {
  const wordPattern = (word: string) => {
    const start = stems.map(stemStart).filter((s) => s !== '' && word.startsWith(s)).sort((a, b) => b.length - a.length)[0];
    return start === undefined ? word.split("'").map(escapeRegExp).join("['’]") : `${escapeRegExp(start)}[\\p{L}\\p{M}\\p{N}]*`;
  };
  const alternatives = phrases.filter((p) => p.length > 1).map((p) => p.map(wordPattern).join('[^\\p{L}\\p{N}]+'));
  return alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
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

/** Marked words in a row: marks with nothing but spaces and punctuation between them. */
const MARKED_RUN = new RegExp(`${MARK_START}[^${MARK_END}]*${MARK_END}(?:[^\\p{L}\\p{N}${MARK_START}${MARK_END}]*${MARK_START}[^${MARK_END}]*${MARK_END})*`, 'gu');

/** Words kept before a phrase's mark when the passage is cut there. */
const BEFORE_PHRASE = 12;

/**
 * ts_headline marks each word of a phrase wherever it is in the passage, not only where the words
 * are in a row, so the passage (and the link to it) would lead to the first lone word. When every
 * word looked for is in a phrase, a run of at least the shortest phrase's length becomes one mark
 * (as on SQLite), any other mark goes, and the passage starts a few words before the first run.
 * Unchanged when no run is that long.
 */
function phraseMarks(passage: string, shortest: number): string {
  const marked = passage.replace(MARKED_RUN, (run) => {
    const plain = run.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
    return run.split(MARK_START).length - 1 < shortest ? plain : `${MARK_START}${plain}${MARK_END}`;
  });
  const at = marked.indexOf(MARK_START);
  if (at === -1) return passage;
  const before = marked.slice(0, at).match(/\S+\s*/g) ?? [];
  return before.length <= BEFORE_PHRASE ? marked : `…${before.slice(-BEFORE_PHRASE).join('')}${marked.slice(at)}`;
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
  const phrases = phrasePattern(leaves.filter((l) => l.kind === 'phrase').map((l) => needleWords(l.text)), stems);
  const candidates = texts.map((t) => {
    const text = plainText(t.content);
    const inRow = phrases === null ? [] : candidatesIn(text, phrases);
    return inRow.length > 0 || pattern === null ? inRow : candidatesIn(text, pattern);
  });
  const windowed = await headlinesAround(db, q, stems, candidates, sure);
  const passages = new Map<(typeof texts)[number], string>();
  texts.forEach((t, i) => {
    const passage = windowed[i] ?? '';
    if (passage.includes(MARK_START)) passages.set(t, passage);
  });
  const missed = texts.filter((t) => !passages.has(t));
  const whole = await headlines(db, q, missed.map((t) => htmlToText(t.content).slice(t.hit.start_at, t.hit.end_at)));
  missed.forEach((t, i) => passages.set(t, whole[i] ?? ''));
  const phraseWords = leaves.map((l) => (l.kind === 'phrase' ? needleWords(l.text).length : 1));
  const shortest = Math.min(...phraseWords);
  const shown = (passage: string) => (shortest > 1 ? phraseMarks(passage, shortest) : passage);
  for (const [t, passage] of passages) if (passage.includes(MARK_START)) found.set(t.workId, { chapterId: t.hit.chapter_id, html: markedHtml(shown(passage)) });
  return found;
}
