// The XHTML documents of the EPUB: title page, one file per chapter, afterword, navigation.
import { languageDirection, languageName } from '../works/languages.js';
import {
  chapterHeading, statsEntries, tagRows, tagUrl, type DownloadChapter, type DownloadWork,
} from './download-model.js';
import { fragmentsToXhtml } from './epub-xhtml.js';
import { h, xhtmlDocument, type XNode } from './xhtml-tree.js';

export const TITLE_FILE = 'title.xhtml';
export const AFTERWORD_FILE = 'afterword.xhtml';
export const NAV_FILE = 'nav.xhtml';
export const STYLE_FILE = 'style.css';

/** The file name of the chapter at a position (0-based) in the work. */
export const chapterFile = (index: number): string => `chapter-${index + 1}.xhtml`;

function page(work: DownloadWork, title: string, body: XNode[]): string {
  const rtl = languageDirection(work.language) === 'rtl';
  return xhtmlDocument(h('html', {
    xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops',
    lang: work.language, 'xml:lang': work.language, dir: rtl && 'rtl',
  },
  h('head', {}, h('title', {}, title), h('link', { rel: 'stylesheet', type: 'text/css', href: STYLE_FILE })),
  h('body', {}, body)));
}

/** A headed block of user HTML (summary, notes), or nothing when the writer left it empty. */
function userBlock(cls: string, heading: string, level: 'h2' | 'h3', nodes: XNode[] | undefined): XNode | null {
  if (nodes === undefined || nodes.length === 0) return null;
  return h('div', { class: cls }, h(level, { class: 'heading' }, heading), h('blockquote', { class: 'userstuff' }, nodes));
}

function link(text: string, url: string | null): XNode {
  return url === null ? text : h('a', { href: url }, text);
}

function byline(work: DownloadWork): XNode | null {
  if (work.creators.length === 0) return null;
  return h('p', { class: 'byline' }, 'by ', work.creators.map((creator, i) => [i > 0 && ', ', link(creator.name, creator.url)]));
}

function seriesLines(work: DownloadWork): XNode[] {
  return work.series.flatMap((series, i) => [...(i > 0 ? [h('br')] : []), `Part ${series.position} of `, link(series.title, series.url)]);
}

function metaList(work: DownloadWork): XNode {
  const stats = statsEntries(work).flatMap(([label, value], i) => [i > 0 && h('br'), `${label} ${value}`]);
  return h('dl', { class: 'tags' },
    tagRows(work).map((row) => [h('dt', {}, row.label), h('dd', {}, row.names.map((name, i) => [i > 0 && ', ', link(name, tagUrl(work, name))]))]),
    h('dt', {}, 'Language:'), h('dd', {}, languageName(work.language)),
    work.series.length > 0 && [h('dt', {}, 'Series:'), h('dd', {}, seriesLines(work))],
    h('dt', {}, 'Stats:'), h('dd', {}, stats));
}

function postedAt(work: DownloadWork): XNode {
  return h('p', { class: 'message' }, 'Posted at ', link(work.archiveName, work.archiveUrl), ': ', link(work.url, work.url));
}

/** The title page: title, byline, tags and stats, summary and notes, and where the work was posted. */
export function titlePage(work: DownloadWork): string {
  const [summary, notes] = fragmentsToXhtml([work.summary, work.notes], work.url);
  return page(work, work.title, [h('section', { 'epub:type': 'titlepage', class: 'preface' },
    h('h1', { class: 'title' }, work.title),
    byline(work),
    metaList(work),
    userBlock('summary', 'Summary', 'h2', summary),
    userBlock('notes', 'Notes', 'h2', notes),
    postedAt(work))]);
}

/** One chapter: heading, its summary and notes, the text, its end notes. */
export function chapterPage(work: DownloadWork, chapter: DownloadChapter): string {
  const [summary, notes, text, endNotes] = fragmentsToXhtml([chapter.summary, chapter.notes, chapter.html, chapter.endNotes], work.url);
  const heading = chapterHeading(work, chapter);
  const hasPreface = (summary?.length ?? 0) + (notes?.length ?? 0) > 0;
  return page(work, heading, [h('section', { 'epub:type': 'chapter', class: 'chapter' },
    h('h2', { class: 'heading' }, heading),
    hasPreface && h('div', { class: 'meta' }, userBlock('summary', 'Chapter Summary', 'h3', summary), userBlock('notes', 'Chapter Notes', 'h3', notes)),
    h('div', { class: 'userstuff' }, text ?? []),
    (endNotes?.length ?? 0) > 0 && h('div', { class: 'meta' }, userBlock('end-notes', 'Chapter End Notes', 'h3', endNotes)))]);
}

/** The afterword: the work's end notes, its series, and where it was posted. */
export function afterwordPage(work: DownloadWork): string {
  const [endNotes] = fragmentsToXhtml([work.endNotes], work.url);
  return page(work, 'Afterword', [h('section', { 'epub:type': 'afterword', class: 'afterword' },
    h('h2', { class: 'heading' }, 'Afterword'),
    userBlock('end-notes', 'End Notes', 'h3', endNotes),
    work.series.length > 0 && h('p', { class: 'series' }, seriesLines(work)),
    postedAt(work))]);
}

/** A line of the table of contents. */
export type TocEntry = { label: string; href: string };

/** The reading order as the table of contents lists it: title page, chapters, afterword. */
export function tocEntries(work: DownloadWork): TocEntry[] {
  return [
    { label: work.title, href: TITLE_FILE },
    ...work.chapters.map((chapter, i) => ({ label: chapterHeading(work, chapter), href: chapterFile(i) })),
    { label: 'Afterword', href: AFTERWORD_FILE },
  ];
}

/** The EPUB 3 navigation document: the table of contents and the landmarks (a series' book gives its own). */
export function navPage(work: DownloadWork, entries = tocEntries(work), start: string | null = work.chapters.length > 0 ? chapterFile(0) : null): string {
  const items = entries.map((entry) => h('li', {}, h('a', { href: entry.href }, entry.label)));
  return page(work, work.title, [
    h('nav', { 'epub:type': 'toc', id: 'toc' }, h('h1', {}, 'Contents'), h('ol', {}, items)),
    h('nav', { 'epub:type': 'landmarks', hidden: 'hidden' }, h('h2', {}, 'Landmarks'), h('ol', {},
      h('li', {}, h('a', { 'epub:type': 'titlepage', href: TITLE_FILE }, 'Title Page')),
      start !== null && h('li', {}, h('a', { 'epub:type': 'bodymatter', href: start }, 'Start of Content')))),
  ]);
}

/** A series' title page: its title, creators, description and notes, and its parts in order. */
export function seriesTitlePage(series: DownloadWork, parts: ReadonlyArray<{ title: string; href: string }>): string {
  const [summary, notes] = fragmentsToXhtml([series.summary, series.notes], series.url);
  return page(series, series.title, [h('section', { 'epub:type': 'titlepage', class: 'preface' },
    h('h1', { class: 'title' }, series.title),
    byline(series),
    userBlock('summary', 'Description', 'h2', summary),
    userBlock('notes', 'Notes', 'h2', notes),
    h('h2', { class: 'heading' }, 'Works in this series'),
    h('ol', {}, parts.map((part) => h('li', {}, h('a', { href: part.href }, part.title)))),
    h('p', { class: 'message' }, 'Posted at ', link(series.archiveName, series.archiveUrl), ': ', link(series.url, series.url)))]);
}
