// Turning a matched passage into safe HTML with the matches marked, and finding its chapter.
import type { Db } from '../db/database.js';
import { escapeHtml } from '../lib/escape.js';
import { htmlToText } from '../lib/word-count.js';
import { MARK_END, MARK_START, type Snippet } from './search-backend.js';
import { postedChapterTexts } from './search.repository.js';

/** Escapes a passage and turns the backend's match markers into <mark> elements. */
export function markedHtml(passage: string): string {
  return escapeHtml(passage.replace(/\s+/g, ' ').trim()).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/** The passage's longest run of at least six plain words, as a pattern over HTML (any whitespace between words); null when there is none. */
function plainRun(text: string): RegExp | null {
  const runs = text.split(/[^\p{L}\p{N} ]+/u).map((r) => r.trim().split(/ +/)).filter((words) => words.length >= 6);
  const longest = runs.sort((a, b) => b.length - a.length)[0];
  return longest === undefined ? null : new RegExp(`(?<![\\p{L}\\p{N}])${longest.join('\\s+')}(?![\\p{L}\\p{N}])`, 'u');
}

/** Finds which posted chapter of a work a passage (with markers and ellipses) comes from. */
export async function locateSnippet(db: Db, workId: number, passage: string): Promise<Snippet> {
  // The passage can span a chapter boundary (chapters are joined by a blank line in the index):
  // look for the longest piece that holds a match.
  const pieces = passage.split(/…|\n\s*\n/).filter((p) => p.includes(MARK_START));
  const longest = pieces.map((p) => p.replaceAll(MARK_START, '').replaceAll(MARK_END, '').trim()).sort((a, b) => b.length - a.length)[0] ?? '';
  const chapters = await postedChapterTexts(db, [workId]);
  if (longest === '' || chapters.length <= 1) return { chapterId: longest === '' ? null : chapters[0]?.id ?? null, html: markedHtml(passage) };
  // Parsing every chapter is slow for long works: first look for a run of plain words in the HTML as stored.
  const run = plainRun(longest);
  const chapter = (run === null ? undefined : chapters.find((c) => run.test(c.content))) ?? chapters.find((c) => htmlToText(c.content).includes(longest));
  return { chapterId: chapter?.id ?? null, html: markedHtml(passage) };
}
