// A work as AO3 lets readers download it (HTML, and the same HTML inside its EPUB): a preface
// with the tags, title, byline, summary and notes; the chapters, each with a heading, notes
// and text; an afterword with the end notes. The structure is explicit, so nothing is guessed:
// every summary and note is a `<blockquote class="userstuff">` after a label paragraph.
// Bindery's own EPUB download has the same parts with the same classes, in sections
// (`section.preface`, `section.chapter`, `section.afterword`) instead of AO3's ids, and reads the same way.
import { sanitizeHtml } from '../lib/sanitize.js';
import { readAo3Tags } from './ao3-tags.js';
import { attr, elements, find, findAll, hasClass, innerHtml, textOf, wordsOf, type Element } from './dom.js';
import type { ImportedChapter, ImportedWork } from './import.js';

type Pieces = { summary: string[]; notes: string[]; endNotes: string[] };
type Chapter = Pieces & { heading: string; text: string[] };

/** A part of the download: AO3 marks it with an id (`#preface`), Bindery's EPUB with a class (`section.preface`). */
const isPart = (el: Element, id: string, cls = id): boolean => attr(el, 'id') === id || (el.tagName !== 'div' && hasClass(el, cls));
const part = (root: Element, id: string): Element | undefined => find(root, (el) => isPart(el, id));
const isNoteQuote = (el: Element): boolean => el.tagName === 'blockquote' && hasClass(el, 'userstuff');
const isChapterHeading = (el: Element): boolean => el.tagName === 'h2' && hasClass(el, 'heading');

/** True when a body has the preface of an AO3 download: the "Posted originally on…" message and the tag list. */
export function isAo3Download(body: Element): boolean {
  const preface = part(body, 'preface');
  return Boolean(preface && find(preface, (el) => el.tagName === 'p' && hasClass(el, 'message')) && find(preface, (el) => el.tagName === 'dl' && hasClass(el, 'tags')));
}

/** The label paragraph right before a note's blockquote ("Summary", "Chapter Notes", "End Notes"), lower-cased. */
function labelOf(el: Element): string {
  const siblings = elements(el.parentNode as Element);
  const before = siblings[siblings.indexOf(el) - 1];
  return before ? textOf(before).toLowerCase() : '';
}

function place(pieces: Pieces, label: string, html: string): void {
  if (label.includes('summary')) pieces.summary.push(html);
  else if (label.includes('end notes')) pieces.endNotes.push(html);
  else pieces.notes.push(html);
}

/** Walks the body once in reading order, sending each summary, note, heading and text to its place. */
function collect(body: Element): { title: string; work: Pieces; chapters: Chapter[] } {
  const work: Pieces = { summary: [], notes: [], endNotes: [] };
  const chapters: Chapter[] = [];
  const current = (): Chapter => chapters[chapters.length - 1] ?? (chapters[0] = { heading: '', text: [], summary: [], notes: [], endNotes: [] });
  let title = '';
  const stack: [Element, boolean][] = elements(body).reverse().map((el) => [el, false]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [el, inChapters] = next;
    if (el.tagName === 'h1' && title === '') title = textOf(el);
    else if (inChapters && isChapterHeading(el)) chapters.push({ heading: textOf(el), text: [], summary: [], notes: [], endNotes: [] });
    else if (isNoteQuote(el)) place(inChapters ? current() : work, labelOf(el), innerHtml(el));
    else if (inChapters && el.tagName === 'div' && hasClass(el, 'userstuff')) current().text.push(innerHtml(el));
    else {
      const entering = inChapters || isPart(el, 'chapters', 'chapter');
      for (const child of elements(el).reverse()) stack.push([child, entering]);
    }
  }
  // A one-chapter download may hold its text straight inside #chapters.
  const container = part(body, 'chapters');
  if (chapters.every((c) => c.text.length === 0) && container) current().text.push(innerHtml(container));
  return { title, work, chapters };
}

/** Words of an AO3 download that are the writer's: everything but the preface and afterword boilerplate (message, tags, stats, byline, labels). */
function writersWords(body: Element): number {
  const regions = findAll(body, (el) => isPart(el, 'chapters', 'chapter'));
  const metaBlocks = new Set(regions.flatMap((region) => findAll(region, (el) => el.tagName === 'div' && hasClass(el, 'meta'))));
  let words = wordsOf(body);
  const dropBoilerplate = (container: Element | undefined, keep: (el: Element) => boolean): void => {
    if (!container) return;
    words -= wordsOf(container) - findAll(container, keep).reduce((n, el) => n + wordsOf(el), 0);
  };
  // Around the chapters only the title and the blockquotes are the writer's; a heading there is a label.
  dropBoilerplate(part(body, 'preface'), (el) => el.tagName === 'h1' || isNoteQuote(el));
  dropBoilerplate(part(body, 'afterword'), isNoteQuote);
  for (const meta of metaBlocks) dropBoilerplate(meta, (el) => isChapterHeading(el) || isNoteQuote(el));
  return words;
}

const joined = (pieces: string[]): string => sanitizeHtml(pieces.join('\n'));

/** The chapter's own title: "Chapter 2: Spring Tide" gives "Spring Tide"; a one-shot's heading is the work's title, not the chapter's. */
function chapterTitle(heading: string, workTitle: string, oneShot: boolean): string {
  const numbered = /^chapter\s+\d+\s*(?::\s*(.*))?$/i.exec(heading);
  if (numbered) return (numbered[1] ?? '').trim();
  return oneShot && heading === workTitle ? '' : heading;
}

function chapterOf(c: Chapter, workTitle: string, oneShot: boolean): ImportedChapter {
  return {
    heading: c.heading, title: chapterTitle(c.heading, workTitle, oneShot),
    summary: joined(c.summary), notes: joined(c.notes), endNotes: joined(c.endNotes), html: joined(c.text),
  };
}

/** Reads an AO3 download's body into a work, with its tags and the count of the writer's words. */
export function readAo3Work(body: Element): Omit<ImportedWork, 'format' | 'encoding'> {
  const { title, work, chapters } = collect(body);
  const preface = part(body, 'preface');
  return {
    title, summary: joined(work.summary), notes: joined(work.notes), endNotes: joined(work.endNotes),
    chapters: (chapters.length > 0 ? chapters : [{ heading: '', text: [], summary: [], notes: [], endNotes: [] }])
      .map((c) => chapterOf(c, title, chapters.length === 1)),
    tags: readAo3Tags(preface && find(preface, (el) => el.tagName === 'dl' && hasClass(el, 'tags'))),
    wordsInFile: writersWords(body),
  };
}
