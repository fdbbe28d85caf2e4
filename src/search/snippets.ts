// Turning a matched passage into safe HTML with the matches marked, and finding its chapter.
import type { Db } from '../db/database.js';
import { escapeHtml } from '../lib/escape.js';
import { findPassage, needleWords, plainText, type Needle } from './passages.js';
import type { QueryNode } from './query-parser.js';
import { MARK_END, MARK_START, positiveLeaves, type Snippet } from './search-backend.js';
import { firstPostedChapterTexts, postedChapterTexts } from './search.repository.js';

/**
 * Escapes a passage and turns the backend's match markers into <mark> elements. White space is
 * collapsed, to a line break where it held one (a paragraph's end, which a browser shows as a
 * space): passageFragment must not reach back across it.
 */
export function markedHtml(passage: string): string {
  const collapsed = passage.trim().replace(/\s+/g, (space) => (space.includes('\n') ? '\n' : ' '));
  return escapeHtml(collapsed).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

export type WorkChapter = { id: number; content: string };

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Which posted chapter a passage (with markers and ellipses) comes from, among a work's chapters in order. */
function chapterOf(chapters: WorkChapter[], passage: string): number | null {
  // The passage can span a chapter boundary (chapters are joined by a blank line in the index):
  // look for the longest piece that holds a match.
  const pieces = passage.split(/…|\n\s*\n/).filter((p) => p.includes(MARK_START));
  const longest = pieces.map((p) => p.replaceAll(MARK_START, '').replaceAll(MARK_END, '').trim()).sort((a, b) => b.length - a.length)[0] ?? '';
  if (longest === '' || chapters.length <= 1) return longest === '' ? null : chapters[0]?.id ?? null;
  const wanted = collapse(longest);
  const chapter = chapters.find((c) => collapse(plainText(c.content)).includes(wanted));
  return chapter?.id ?? null;
}

/** Posted chapters' HTML of some works, in order, by work; `firstOnly` reads each work's first chapter alone. */
export async function chaptersOfWorks(db: Db, workIds: number[], firstOnly = false): Promise<Map<number, WorkChapter[]>> {
  const chapters = new Map<number, WorkChapter[]>();
  const rows = firstOnly ? await firstPostedChapterTexts(db, workIds) : await postedChapterTexts(db, workIds);
  for (const c of rows) chapters.set(c.work_id, [...(chapters.get(c.work_id) ?? []), c]);
  return chapters;
}

export type TextLeaf = QueryNode & { kind: 'term' | 'phrase' };

/** The words and phrases a query looks for in story text (not excluded ones): what passages are cut around. */
export function textLeaves(node: QueryNode): TextLeaf[] {
  return positiveLeaves(node).filter((l): l is TextLeaf => (l.kind === 'term' || l.kind === 'phrase') && (l.field === null || l.field === 'text'));
}

/** What passages look for: each leaf's words as typed (case and accents folded), a prefix's last word left open. */
export function needlesOf(leaves: TextLeaf[]): Needle[] {
  return leaves.map((l) => ({ words: needleWords(l.text), prefix: l.kind === 'term' && l.prefix })).filter((n) => n.words.length > 0);
}

/** The passage of the first of some chapters (of one work) that holds the words as typed, as a snippet; null when none does. */
export function typedSnippet(chapters: WorkChapter[], needles: Needle[]): Snippet | null {
  const passage = findPassage(chapters, needles);
  return passage === null ? null : { chapterId: passage.chapterId, html: markedHtml(passage.passage) };
}

/**
 * Passages for works whose words are in their chapters as typed, cut in JavaScript from the
 * stored HTML: the first chapter, read alone, nearly always holds a common word; the whole work
 * is read only when it does not. What is left (stems, an accent typed differently)
 * goes to the backend's own passages, with those chapters already read.
 */
export async function typedPassages(db: Db, leaves: TextLeaf[], ids: number[]): Promise<{ found: Map<number, Snippet>; rest: number[]; chapters: Map<number, WorkChapter[]> }> {
  const needles = needlesOf(leaves);
  const found = new Map<number, Snippet>();
  const look = (chapters: Map<number, WorkChapter[]>, among: number[]) => among.filter((id) => {
    const snippet = typedSnippet(chapters.get(id) ?? [], needles);
    if (snippet !== null) found.set(id, snippet);
    return snippet === null;
  });
  const notInFirst = look(await chaptersOfWorks(db, ids, true), ids);
  const chapters = notInFirst.length === 0 ? new Map<number, WorkChapter[]>() : await chaptersOfWorks(db, notInFirst);
  return { found, rest: look(chapters, notInFirst), chapters };
}

/** Snippets for passages the backend found in works' text (work id to passage): safe HTML and the chapter each is in. */
export function locateSnippets(chapters: Map<number, WorkChapter[]>, passages: Map<number, string>): Map<number, Snippet> {
  const result = new Map<number, Snippet>();
  for (const [workId, passage] of passages) result.set(workId, { chapterId: chapterOf(chapters.get(workId) ?? [], passage), html: markedHtml(passage) });
  return result;
}

const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => UNESCAPE[e] ?? e).replace(/…/g, ' ').trim();
}

/** Percent-encodes a text fragment's part: its own syntax characters (`-`, `,`, `&`) too. */
function fragmentPart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * A text fragment (`#:~:text=…`) that takes a browser to a passage's first match and highlights
 * it there: the marked words, after the few words that precede them in the passage, which tell
 * this place from the word's other ones. Empty when nothing is marked.
 */
export function passageFragment(html: string): string {
  const start = html.indexOf('<mark>');
  const end = html.indexOf('</mark>', start);
  if (start === -1 || end === -1) return '';
  // A browser matches the words before and the marked words only within one paragraph.
  const before = textOf(html.slice(html.lastIndexOf('\n', start) + 1, start)).split(/\s+/).filter((w) => w !== '').slice(-4).join(' ');
  // Marked words that run over a paragraph's end (a phrase) are named as a range: from their
  // words in the first paragraph to their words in the last, which a browser may match apart.
  const parts = textOf(html.slice(start + '<mark>'.length, end)).split('\n').map((part) => part.trim()).filter((part) => part !== '');
  const marked = parts.length > 1 ? `${fragmentPart(parts[0] ?? '')},${fragmentPart(parts.at(-1) ?? '')}` : fragmentPart(parts[0] ?? '');
  return `#:~:text=${before === '' ? '' : `${fragmentPart(before)}-,`}${marked}`;
}
