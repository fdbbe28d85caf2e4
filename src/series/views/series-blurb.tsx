// A series in a listing (a member's series, a bookmark of a series): its title and creators, when
// it was last updated, its description and figures.
import type { ComponentChildren } from 'preact';
import { formatCount } from '../../lib/text.js';
import { Byline } from '../../works/views/byline.js';
import { storedHtml } from '../../works/views/userstuff.js';
import type { SeriesView } from '../series.service.js';

/** A series' words, works and whether it is complete, as AO3's dl.stats. */
export function SeriesStats({ series }: { series: SeriesView }) {
  return (
    <dl class="stats">
      <dt class="words">Words:</dt><dd class="words">{formatCount(series.words)}</dd>
      <dt class="works">Works:</dt><dd class="works">{formatCount(series.works.length)}</dd>
      <dt class="complete">Complete:</dt><dd class="complete">{series.complete ? 'Yes' : 'No'}</dd>
    </dl>
  );
}

/** One series as a blurb; `children` come between its description and its figures (a bookmark's part). */
export function SeriesBlurb({ series, id, children }: { series: SeriesView; id?: string; children?: ComponentChildren }) {
  return (
    <li id={id ?? `series_${series.id}`} class="series blurb group" role="article">
      <div class="header module">
        <h4 class="heading"><a href={`/series/${series.id}`}>{series.title}</a> by <Byline creators={series.creators} /></h4>
        {series.updated !== null && <p class="datetime">{series.updated}</p>}
      </div>
      {series.summary !== '' && <blockquote class="userstuff summary" dangerouslySetInnerHTML={storedHtml(series.summary)} />}
      {children}
      <SeriesStats series={series} />
    </li>
  );
}
