// Series pages, in AO3's structure where it has one: a series (div.series-show with dl.series.meta
// and its works as blurbs), a member's series, adding a work to a series, and editing one.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { downloadSlug } from '../../lib/download-formats.js';
import { formatCount } from '../../lib/text.js';
import { ErrorSummary, Form, PostButton, SelectField, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { Byline } from '../../works/views/byline.js';
import { storedHtml } from '../../works/views/userstuff.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import { SeriesBlurb, SeriesStats } from './series-blurb.js';
import { SERIES_NOTES_MAX, SERIES_SUMMARY_MAX, SERIES_TITLE_MAX, type SeriesView } from '../series.service.js';

/** One series: its description and notes, creators, dates and stats, then its works in order. */
export function SeriesPage({ ctx, series, subscription }: {
  ctx: PageContext; series: SeriesView;
  /** The member's subscription to the series (null: none yet); undefined for guests. */
  subscription?: number | null | undefined;
}) {
  return (
    <Layout ctx={ctx} title={series.title} mainClass="series-show">
      <div class="series-show region">
        <h2 class="heading">{series.title}</h2>
        {(series.canChange || subscription !== undefined) && (
          <ul class="navigation actions">
            {series.canChange && <li><a href={`/series/${series.id}/edit`}>Edit series</a></li>}
            {subscription !== undefined && <li class="bookmark"><a href={`/series/${series.id}/bookmarks/new`}>Bookmark</a></li>}
            {subscription !== undefined && (
              <li class="subscribe">
                {subscription === null ? <PostButton ctx={ctx} action={`/series/${series.id}/subscriptions`} label="Subscribe" />
                  : <PostButton ctx={ctx} action={`/subscriptions/${subscription}/delete`} label="Unsubscribe" />}
              </li>
            )}
          </ul>
        )}
        <dl class="series meta group">
          <dt>{series.creators.length === 1 ? 'Creator:' : 'Creators:'}</dt><dd><Byline creators={series.creators} /></dd>
          {series.begun !== null && <><dt>Series Begun:</dt><dd>{series.begun}</dd></>}
          {series.updated !== null && <><dt>Series Updated:</dt><dd>{series.updated}</dd></>}
          {series.summary !== '' && <><dt>Description:</dt><dd><blockquote class="userstuff" dangerouslySetInnerHTML={storedHtml(series.summary)} /></dd></>}
          {series.notes !== '' && <><dt>Notes:</dt><dd><blockquote class="userstuff" dangerouslySetInnerHTML={storedHtml(series.notes)} /></dd></>}
          <dt>Stats:</dt><dd><SeriesStats series={series} /></dd>
          <dt>Bookmarks:</dt><dd class="bookmarks"><a href={`/series/${series.id}/bookmarks`}>Bookmarks of this series</a></dd>
          {series.works.length > 0 && <><dt>Download:</dt><dd class="download"><a href={`/downloads/series/${series.id}/${downloadSlug(series.title, series.id)}.epub`}>The whole series as one EPUB</a></dd></>}
        </dl>
        <h3 class="landmark heading">Listing Series</h3>
        {series.works.length === 0 ? <p class="empty">No works you can read are in this series yet.</p> : (
          <ul class="series work index group">
            {series.works.map((work) => <WorkBlurb key={work.id} work={work} reading={ctx.reading} />)}
          </ul>
        )}
      </div>
    </Layout>
  );
}

/** A member's series, newest first, each as a short blurb. */
export function SeriesListPage({ ctx, login, series }: { ctx: PageContext; login: string; series: SeriesView[] }) {
  return (
    <Layout ctx={ctx} title={`${login}'s series`} mainClass="series-index">
      <h2 class="heading">{login}'s series</h2>
      {series.length === 0 ? <p class="empty">No series yet.</p> : (
        <ul class="series index group">
          {series.map((s) => <SeriesBlurb key={s.id} series={s} />)}
        </ul>
      )}
    </Layout>
  );
}

export type AddToSeriesValues = { seriesId: string; newTitle: string; position: string };

/** Adding a work to one of the creator's series, or to a new one. */
export function AddToSeriesPage({ ctx, workId, workTitle, choices, values, errors }: {
  ctx: PageContext; workId: number; workTitle: string; choices: Array<{ id: number; title: string }>; values: AddToSeriesValues; errors: FieldErrors;
}) {
  const options: Array<readonly [string, string]> = [['', choices.length === 0 ? 'A new series' : 'A new series (give its title below)'], ...choices.map((c) => [String(c.id), c.title] as const)];
  return (
    <Layout ctx={ctx} title="Add to series" mainClass="narrow">
      <h2 class="heading">Add <a href={`/works/${workId}`}>{workTitle}</a> to a series</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/works/${workId}/series`}>
        <SelectField name="series_id" label="Series" value={values.seriesId} errors={errors} options={options} />
        <TextField name="new_title" label="New series title" value={values.newTitle} errors={errors} maxLength={SERIES_TITLE_MAX}
          hint="Only for a new series: it takes this title, and you can describe it afterwards." />
        <TextField name="position" label="Part" value={values.position} errors={errors} inputMode="numeric"
          hint="Which part of the series this work is, 1 for the first. Leave it empty to add it at the end." />
        <p class="form-actions"><button type="submit" class="primary">Add to series</button></p>
      </Form>
    </Layout>
  );
}

export type SeriesFormValues = { title: string; summary: string; notes: string; complete: boolean; positions: Map<number, string>; remove: Set<number> };

/** Changing a series: its words, whether it is complete, and the order of its works. */
export function SeriesEditPage({ ctx, seriesId, works, values, errors }: {
  ctx: PageContext; seriesId: number; works: Array<{ id: number; title: string; position: number }>; values: SeriesFormValues; errors: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title="Edit series" mainClass="narrow">
      <h2 class="heading">Edit series</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/series/${seriesId}/edit`}>
        <TextField name="title" label="Title" required value={values.title} errors={errors} maxLength={SERIES_TITLE_MAX} />
        <TextArea name="summary" label="Description" rows={4} value={values.summary} errors={errors} hint={`Up to ${formatCount(SERIES_SUMMARY_MAX)} characters; the same HTML as in works is allowed.`} />
        <TextArea name="notes" label="Notes" rows={4} value={values.notes} errors={errors} hint={`Up to ${formatCount(SERIES_NOTES_MAX)} characters.`} />
        <label class="choice"><input type="checkbox" name="complete" value="1" checked={values.complete} /> This series is complete</label>
        <fieldset class="form-section series-order">
          <legend>Works, in order</legend>
          {works.length === 0 && <p class="empty">No works are in this series.</p>}
          {works.map((work) => (
            <div key={work.id} class="series-part">
              <TextField name={`position_${work.id}`} label={`Part (${work.title})`} value={values.positions.get(work.id) ?? String(work.position)} errors={errors} inputMode="numeric" />
              <label class="choice"><input type="checkbox" name={`remove_${work.id}`} value="1" checked={values.remove.has(work.id)} /> Take “{work.title}” out of this series</label>
            </div>
          ))}
        </fieldset>
        <p class="form-actions"><button type="submit" class="primary">Save series</button> <a href={`/series/${seriesId}`}>Cancel</a></p>
      </Form>
      <PostButton ctx={ctx} action={`/series/${seriesId}/delete`} label="Delete series" class="danger" confirm="Delete this series? Its works stay; only the series goes." />
    </Layout>
  );
}
