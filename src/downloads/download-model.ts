// What every download format is built from, and the labels and figures they all show the same way.
// The caller fills the model: visibility and anonymity are decided before a builder sees the work.
import { formatCount } from '../lib/text.js';
import { tagWorksPath } from '../tags/tag-url.js';

/** One work, ready to be written out: user HTML already sanitized, hidden creators already "Anonymous". */
export type DownloadWork = {
  id: number; title: string; url: string;
  creators: Array<{ name: string; url: string | null }>;
  language: string;
  summary: string; notes: string; endNotes: string;
  tags: {
    rating: string[]; warnings: string[]; categories: string[]; fandoms: string[];
    relationships: string[]; characters: string[]; freeforms: string[];
  };
  series: Array<{ title: string; position: number; url: string }>;
  publishedOn: string; updatedOn: string; completedOn: string | null;
  modifiedAt: string;
  wordCount: number; chapterCount: number; expectedChapters: number | null;
  archiveName: string; archiveUrl: string;
  chapters: DownloadChapter[];
};

/** A whole series as one book: its own title page, then each work the reader may read, in order. */
export type SeriesBook = {
  id: number; title: string; url: string;
  creators: DownloadWork['creators'];
  /** Sanitized user HTML, possibly empty. */
  summary: string; notes: string;
  complete: boolean;
  archiveName: string; archiveUrl: string;
  works: DownloadWork[];
};

/** The series as the package metadata describes a publication: its title and description, every tag of its works. */
export function seriesAsWork(book: SeriesBook): DownloadWork {
  const first = book.works[0];
  const union = (key: keyof DownloadWork['tags']) => [...new Set(book.works.flatMap((w) => w.tags[key]))];
  const dates = book.works.map((w) => w.publishedOn).sort();
  const modified = book.works.map((w) => w.modifiedAt).sort();
  return {
    id: book.id, title: book.title, url: book.url, creators: book.creators, language: first?.language ?? 'en',
    summary: book.summary, notes: book.notes, endNotes: '',
    tags: {
      rating: union('rating'), warnings: union('warnings'), categories: union('categories'), fandoms: union('fandoms'),
      relationships: union('relationships'), characters: union('characters'), freeforms: union('freeforms'),
    },
    series: [], publishedOn: dates[0] ?? '1970-01-01', updatedOn: dates.at(-1) ?? '1970-01-01', completedOn: null,
    modifiedAt: modified.at(-1) ?? new Date(0).toISOString(),
    wordCount: book.works.reduce((sum, w) => sum + w.wordCount, 0), chapterCount: book.works.length, expectedChapters: book.complete ? book.works.length : null,
    archiveName: book.archiveName, archiveUrl: book.archiveUrl, chapters: [],
  };
}

/** One posted chapter; every HTML field is sanitized user HTML and may be empty (but for `html`). */
export type DownloadChapter = { number: number; title: string; summary: string; notes: string; endNotes: string; html: string };

/** A labelled list of tags, in the order and with the labels of AO3's downloads. */
export type TagRow = { label: string; names: string[] };

const TAG_LABELS: ReadonlyArray<[keyof DownloadWork['tags'], string]> = [
  ['rating', 'Rating:'], ['warnings', 'Archive Warning:'], ['categories', 'Category:'], ['fandoms', 'Fandom:'],
  ['relationships', 'Relationship:'], ['characters', 'Character:'], ['freeforms', 'Additional Tags:'],
];

/** The work's tag rows that have at least one tag. */
export function tagRows(work: DownloadWork): TagRow[] {
  return TAG_LABELS.map(([key, label]) => ({ label, names: work.tags[key] })).filter((row) => row.names.length > 0);
}

/** The absolute address of a tag's works on the archive the work came from. */
export function tagUrl(work: DownloadWork, name: string): string {
  return work.archiveUrl.replace(/\/+$/, '') + tagWorksPath(name);
}

/** Every tag name, in row order: the subjects of an e-book. */
export function allTags(work: DownloadWork): string[] {
  return tagRows(work).flatMap((row) => row.names);
}

/** Posted chapters over expected ones, `3/?` while the total is unknown. */
export function chapterFraction(work: DownloadWork): string {
  return `${work.chapterCount}/${work.expectedChapters ?? '?'}`;
}

/** Published, then Completed or Updated for a chaptered work (as the work page shows), words and chapters. */
export function statsEntries(work: DownloadWork): Array<[label: string, value: string]> {
  const chaptered = work.chapterCount > 1 || work.expectedChapters !== 1;
  const entries: Array<[string, string]> = [['Published:', work.publishedOn]];
  if (chaptered) entries.push(work.completedOn !== null ? ['Completed:', work.completedOn] : ['Updated:', work.updatedOn]);
  entries.push(['Words:', formatCount(work.wordCount)], ['Chapters:', chapterFraction(work)]);
  return entries;
}

/** `Chapter 2: The Road`, `Chapter 2` when untitled, or the work's title for an untitled one-shot. */
export function chapterHeading(work: DownloadWork, chapter: DownloadChapter): string {
  if (chapter.title !== '') return `Chapter ${chapter.number}: ${chapter.title}`;
  return work.chapters.length === 1 ? work.title : `Chapter ${chapter.number}`;
}

/** The creators' names as one line, "Anonymous" included as given. */
export function bylineText(work: DownloadWork): string {
  return work.creators.map((creator) => creator.name).join(', ');
}

/** The sentence that says where the work comes from. */
export function postedAtText(work: DownloadWork): string {
  return `Posted at ${work.archiveName}: ${work.url}`;
}
