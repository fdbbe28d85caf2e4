// A work in a listing: AO3's li.work.blurb.group structure, which browser extensions read.
import type { ComponentChildren } from 'preact';
import { formatCount } from '../../lib/text.js';
import { RATING_SYMBOL } from '../../tags/fixed-tags.js';
import { tagWorksPath } from '../../tags/tag-url.js';
import { languageName } from '../languages.js';
import { workPath } from '../work-paths.js';
import { chapterFraction, type WorkModel } from '../work.model.js';
import { Byline } from './byline.js';
import { Counters } from './work-meta.js';
import { storedHtml } from './userstuff.js';
import { RestrictedMarker } from './restricted-marker.js';
import { NO_MARKS, type ListingMarks } from '../listing-marks.js';
import type { ReadingChoices } from '../../access/viewer.js';
import { Folded, foldOf } from './folded-tags.js';

/** "05 Jan 2020". Made once: toLocaleDateString builds a formatter each call (0.1 ms, 2 ms a page of 20 blurbs). */
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });

function shortDate(date: string | null): string {
  return date === null ? '' : SHORT_DATE.format(new Date(`${date}T00:00:00Z`));
}

function RequiredTags({ work, reading }: { work: WorkModel; reading: ReadingChoices }) {
  const rating = work.tags.rating[0] ?? 'Not Rated';
  const warned = work.tags.warning.some((w) => w !== 'No Archive Warnings Apply' && w !== 'Creator Chose Not To Use Archive Warnings');
  const chose = work.tags.warning.includes('Creator Chose Not To Use Archive Warnings');
  const warningClass = warned ? 'warning-yes' : chose ? 'warning-choosenotto' : 'warning-no';
  // A reader who folds warnings is not told them on hovering the square either.
  const warnings = reading.hideWarnings ? 'Archive warnings folded: open them in the tags' : work.tags.warning.join(', ');
  const category = work.tags.category.length === 0 ? 'Gen' : work.tags.category.length > 1 ? 'Multi' : work.tags.category[0] ?? 'Gen';
  const categoryClass = work.tags.category.length === 0 ? 'category-none' : `category-${category.toLowerCase().replace('/', '')}`;
  return (
    <ul class="required-tags">
      <li><span class={`${RATING_SYMBOL[rating] ?? 'rating-notrated'} rating`} title={rating}><span class="text">{rating}</span></span></li>
      <li><span class={`${warningClass} warnings`} title={warnings}><span class="text">{warnings}</span></span></li>
      <li><span class={`${categoryClass} category`} title={work.tags.category.join(', ') || 'No category'}><span class="text">{work.tags.category.join(', ') || 'No category'}</span></span></li>
      <li><span class={work.complete ? 'complete-yes iswip' : 'complete-no iswip'} title={work.complete ? 'Complete Work' : 'Work in Progress'}><span class="text">{work.complete ? 'Complete Work' : 'Work in Progress'}</span></span></li>
    </ul>
  );
}

function TagItems({ cls, names, strong }: { cls: string; names: string[]; strong?: boolean }) {
  return <>{names.map((name) => <li key={`${cls}-${name}`} class={cls}>{strong === true ? <strong><a class="tag" href={tagWorksPath(name)}>{name}</a></strong> : <a class="tag" href={tagWorksPath(name)}>{name}</a>}</li>)}</>;
}

/** A kind of tags, in one item of their own behind "Show ..." when the reader folds that kind. */
function KindItems({ kind, cls, names, reading, strong }: { kind: string; cls: string; names: string[]; reading: ReadingChoices; strong?: boolean }) {
  const fold = foldOf(kind, reading);
  if (fold === null || names.length === 0) return <TagItems cls={cls} names={names} strong={strong} />;
  return <li class="folded"><Folded what={fold}><ul class="commas"><TagItems cls={cls} names={names} strong={strong} /></ul></Folded></li>;
}

/** One work in a listing. */
export function WorkBlurb({ work, reading, children, shared = false, marks = NO_MARKS }: {
  work: WorkModel; children?: ComponentChildren; shared?: boolean;
  /** The reader's choices: warnings and additional tags folded (ctx.reading). */
  reading: ReadingChoices;
  /** The listing's marks for this viewer: updated since they read it, its series. */
  marks?: ListingMarks;
}) {
  if (work.id === null) return null;
  const updated = marks.updated.has(work.id);
  const series = marks.series.get(work.id) ?? [];
  return (
    <li id={`work_${work.id}`} class={`work blurb group work-${work.id}`} role="article">
      <div class="header module">
        <h4 class="heading">
          <a href={workPath(work.id)}>{work.title}</a> by <Byline creators={work.creators} />
          {!work.posted && <span class="draft-badge"> (Draft)</span>}
          <RestrictedMarker restricted={work.restricted} />
        </h4>
        <h5 class="fandoms heading"><span class="landmark">Fandoms: </span>
          {work.tags.fandom.map((f, i) => <>{i > 0 && ', '}<a class="tag" href={tagWorksPath(f)}>{f}</a></>)}
        </h5>
        <RequiredTags work={work} reading={reading} />
        <p class="datetime">{shortDate(work.updatedOn ?? work.publishedOn)}</p>
      </div>
      {updated && <p class="updated-since"><strong>Updated since you last read</strong></p>}
      <h6 class="landmark heading">Tags</h6>
      <ul class="tags commas">
        <KindItems kind="warning" cls="warnings" names={work.tags.warning} reading={reading} strong />
        <TagItems cls="relationships" names={work.tags.relationship} />
        <TagItems cls="characters" names={work.tags.character} />
        <KindItems kind="freeform" cls="freeforms" names={work.tags.freeform} reading={reading} />
      </ul>
      {work.summary !== '' && <><h6 class="landmark heading">Summary</h6><blockquote class="userstuff summary" dangerouslySetInnerHTML={storedHtml(work.summary)} /></>}
      {series.length > 0 && (
        <><h6 class="landmark heading">Series</h6>
          <ul class="series">{series.map((s) => <li key={s.seriesId}>Part <strong>{s.part}</strong> of <a href={`/series/${s.seriesId}`}>{s.title}</a></li>)}</ul></>
      )}
      {children}
      <dl class="stats">
        <dt class="language">Language:</dt><dd class="language" lang={work.language}>{languageName(work.language)}</dd>
        <dt class="words">Words:</dt><dd class="words">{formatCount(work.wordCount)}</dd>
        <dt class="chapters">Chapters:</dt><dd class="chapters">{chapterFraction(work)}</dd>
        <Counters counters={work.counters} shared={shared} workId={work.id} />
      </dl>
    </li>
  );
}
