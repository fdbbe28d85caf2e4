// The work's meta block (dl.work.meta.group) with AO3's class strings, which readers' tools match literally.
import type { TagType } from '../../db/database.js';
import { formatCount } from '../../lib/text.js';
import { render } from 'preact-render-to-string';
import { SLOTS } from '../../http/page-slots.js';
import { COUNTERS, type WorkCounters } from '../work-counter.repository.js';
import { tagWorksPath } from '../../tags/tag-url.js';
import { languageName } from '../languages.js';
import { chapterFraction, type WorkModel } from '../work.model.js';
import { workPath } from '../work-paths.js';
import type { SeriesPlacement } from '../work-series.js';
import type { WorkCollection } from '../work-collections.js';
import type { ReadingChoices } from '../../access/viewer.js';
import { Folded, foldOf } from './folded-tags.js';

const TAG_ROWS: ReadonlyArray<[TagType, string, string]> = [
  ['rating', 'rating tags', 'Rating:'], ['warning', 'warning tags', 'Archive Warning:'], ['category', 'category tags', 'Category:'],
  ['fandom', 'fandom tags', 'Fandom:'], ['relationship', 'relationship tags', 'Relationship:'], ['character', 'character tags', 'Characters:'],
  ['freeform', 'freeform tags', 'Additional Tags:'],
];

/** A list of tag links. */
export function TagLinks({ names }: { names: string[] }) {
  return (
    <ul class="commas">
      {names.map((name) => <li key={name}><a class="tag" href={tagWorksPath(name)}>{name}</a></li>)}
    </ul>
  );
}

const COUNTER_LABELS: Record<(typeof COUNTERS)[number], string> = { comments: 'Comments:', kudos: 'Kudos:', bookmarks: 'Bookmarks:', hits: 'Hits:' };

/** Figures that open a page of their own: the work's bookmarks, as on AO3. */
const COUNTER_PAGES: Partial<Record<(typeof COUNTERS)[number], string>> = { bookmarks: 'bookmarks' };

/** The counters that are not zero, in AO3's order and with its class strings (the end of every dl.stats). */
export function CounterStats({ counters, workId }: { counters: WorkCounters; workId: number | null }) {
  return (
    <>
      {COUNTERS.filter((c) => counters[c] > 0).map((c) => {
        const page = COUNTER_PAGES[c];
        const figure = formatCount(counters[c]);
        return <><dt class={c}>{COUNTER_LABELS[c]}</dt><dd class={c}>{page !== undefined && workId !== null ? <a href={`/works/${workId}/${page}`}>{figure}</a> : figure}</dd></>;
      })}
    </>
  );
}

/** The counters' dt/dd pairs as HTML, for a shared page's counters slot. */
export function counterStatsHtml(counters: WorkCounters, workId: number): string {
  return render(<CounterStats counters={counters} workId={workId} />);
}

/** The counters, or on a page rendered once for every guest the slot where the current figures go. */
export function Counters({ counters, shared, workId }: { counters: WorkCounters; shared: boolean; workId: number | null }) {
  return shared ? <>{SLOTS.counters}</> : <CounterStats counters={counters} workId={workId} />;
}

/** The stats list: published, status, words, chapters, then the counters. */
export function WorkStats({ work, shared }: { work: WorkModel; shared: boolean }) {
  // As on AO3: a chaptered work (not a one-shot) shows when it was last updated, or completed.
  const chaptered = work.chapterCount > 1 || work.expectedChapters !== 1;
  const status = work.complete ? 'Completed:' : 'Updated:';
  const showStatus = chaptered && work.updatedOn !== null;
  return (
    <dl class="stats">
      {work.publishedOn !== null && <><dt class="published">Published:</dt><dd class="published">{work.publishedOn}</dd></>}
      {showStatus && <><dt class="status">{status}</dt><dd class="status">{work.updatedOn}</dd></>}
      <dt class="words">Words:</dt><dd class="words">{formatCount(work.wordCount)}</dd>
      <dt class="chapters">Chapters:</dt><dd class="chapters">{chapterFraction(work)}</dd>
      <Counters counters={work.counters} shared={shared} workId={work.id} />
    </dl>
  );
}

/** "Part 2 of Title" for each series, with the works before and after it (AO3's dd.series). */
function SeriesPlaces({ series }: { series: SeriesPlacement[] }) {
  return (
    <>
      {series.map((s) => (
        <span key={s.seriesId} class="series">
          {s.previous !== null && <><a class="previous" href={workPath(s.previous)}>← Previous Work</a> </>}
          <span class="position">Part {s.part} of <a href={`/series/${s.seriesId}`}>{s.title}</a></span>
          {s.next !== null && <> <a class="next" href={workPath(s.next)}>Next Work →</a></>}
        </span>
      ))}
    </>
  );
}

/** One row's tags, folded when the reader chose to open that kind themselves. */
function RowTags({ type, names, reading }: { type: TagType; names: string[]; reading: ReadingChoices }) {
  const fold = foldOf(type, reading);
  return fold === null ? <TagLinks names={names} /> : <Folded what={fold}><TagLinks names={names} /></Folded>;
}

/** The meta block: tags by type, language, series, stats. */
export function WorkMeta({ work, shared, reading, series = [], collections = [] }: {
  work: WorkModel; shared: boolean; reading: ReadingChoices; series?: SeriesPlacement[]; collections?: WorkCollection[] | undefined;
}) {
  return (
    <div class="wrapper">
      <h3 class="landmark heading">Work Header</h3>
      <dl class="work meta group">
        {TAG_ROWS.filter(([type]) => work.tags[type].length > 0).map(([type, cls, label]) => (
          <>
            <dt class={cls}>{label}</dt>
            <dd class={cls}><RowTags type={type} names={work.tags[type]} reading={reading} /></dd>
          </>
        ))}
        <dt class="language">Language:</dt>
        <dd class="language" lang={work.language}>{languageName(work.language)}</dd>
        {series.length > 0 && <><dt class="series">Series:</dt><dd class="series"><SeriesPlaces series={series} /></dd></>}
        {collections.length > 0 && <><dt class="collections">Collections:</dt><dd class="collections">{collections.map((c, i) => <>{i > 0 && ', '}<a href={`/collections/${encodeURIComponent(c.name)}`}>{c.title}</a></>)}</dd></>}
        <dt class="stats">Stats:</dt>
        <dd class="stats"><WorkStats work={work} shared={shared} /></dd>
      </dl>
    </div>
  );
}
