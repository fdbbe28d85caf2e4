// Bookmark pages: listings (everyone's, a member's, a work's) with their filters, one bookmark, and the form to make or change one
// (of a work here, or of a work elsewhere).
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { formatCount } from '../../lib/text.js';
import { ErrorSummary, Form, PostButton, SelectField, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { ListingColumns } from '../../views/listing-columns.js';
import { Pagination } from '../../views/pagination.js';
import type { Page } from '../../works/reading.service.js';
import type { BookmarkFilterValues } from '../bookmark-filter.js';
import { EXTERNAL_RATINGS, type BookmarkView } from '../bookmark.service.js';
import { BookmarkBlurb } from './bookmark-blurb.js';
import { MutedLine } from '../../works/views/work-listing.js';

export function BookmarkListing({ ctx, title, heading, page, basePath, intro, empty, filters, notices }: {
  ctx: PageContext; title: string; heading: ComponentChildren; page: Page<BookmarkView>; basePath: string; intro?: ComponentChildren; empty: string;
  /** The sort and filter form, shown beside the list. */
  filters?: ComponentChildren;
  /** What the filters could not use, said plainly. */
  notices?: string[];
}) {
  return (
    <Layout ctx={ctx} title={title} mainClass={filters !== undefined ? 'bookmarks-index with-filters' : 'bookmarks-index'}>
      <h2 class="heading">{heading}</h2>
      {intro}
      <ListingColumns filters={filters} notices={notices}>
        {page.total > 0 ? <p class="listing-count" role="status">{formatCount(page.total)} {page.total === 1 ? 'Bookmark' : 'Bookmarks'}</p> : <p class="empty">{empty}</p>}
        <MutedLine ctx={ctx} muted={page.muted} basePath={basePath} noun="bookmark" />
        <ol class="bookmark index group">{page.items.map((b) => <BookmarkBlurb key={b.id} bookmark={b} reading={ctx.reading} />)}</ol>
        <Pagination page={page.page} pages={page.pages} basePath={basePath} />
      </ListingColumns>
    </Layout>
  );
}

/** The bookmark listings' own fields in the sort and filter form. */
export function BookmarkFilterFields({ values }: { values: BookmarkFilterValues }) {
  return (
    <details open={values.rec || values.withNotes || values.tags !== ''}>
      <summary>Bookmarks</summary>
      <fieldset class="choices">
        <legend>Only</legend>
        <label class="choice"><input type="checkbox" name="bookmark_search[rec]" value="1" checked={values.rec} /> Recs</label>
        <label class="choice"><input type="checkbox" name="bookmark_search[with_notes]" value="1" checked={values.withNotes} /> With notes</label>
      </fieldset>
      <div class="field">
        <label for="filter-bookmark-tags">Bookmarker's tags</label>
        <input id="filter-bookmark-tags" type="text" name="bookmark_search[other_bookmark_tag_names]" value={values.tags} />
      </div>
    </details>
  );
}

export function BookmarkPage({ ctx, bookmark }: { ctx: PageContext; bookmark: BookmarkView }) {
  return (
    <Layout ctx={ctx} title={`Bookmark of ${bookmark.work?.title ?? bookmark.external?.title ?? ''}`} mainClass="bookmarks-show">
      <h2 class="heading">Bookmark</h2>
      <ol class="bookmark index group"><BookmarkBlurb bookmark={bookmark} reading={ctx.reading} /></ol>
      {bookmark.mine && <ul class="actions"><li><a href={`/bookmarks/${bookmark.id}/edit`}>Edit</a></li><li><PostButton ctx={ctx} action={`/bookmarks/${bookmark.id}/delete`} label="Delete" confirm="Delete this bookmark?" /></li></ul>}
    </Layout>
  );
}

export type BookmarkFormValues = { notes: string; tags: string; rec: boolean; private: boolean; pseudId: string };
export type ExternalFormValues = { url: string; title: string; creator: string; fandoms: string; rating: string; summary: string };

function BookmarkFields({ values, errors, pseuds }: { values: BookmarkFormValues; errors: FieldErrors; pseuds: ReadonlyArray<readonly [string, string]> }) {
  return (
    <>
      {pseuds.length > 1 && <SelectField name="pseud_id" label="Bookmark as" value={values.pseudId} errors={errors} options={pseuds} />}
      <TextArea name="notes" label="Notes" rows={5} value={values.notes} errors={errors} hint="Up to 5,000 characters; the same HTML as in works is allowed." />
      <TextField name="tags" label="Your tags" value={values.tags} errors={errors} hint="Separate tags with commas. They are yours: they help you find your bookmarks again." />
      <label class="choice"><input type="checkbox" name="rec" value="1" checked={values.rec} /> Rec (recommend it to others)</label>
      <label class="choice"><input type="checkbox" name="private" value="1" checked={values.private} /> Private (only you can see this bookmark)</label>
    </>
  );
}

export function BookmarkFormPage({ ctx, action, heading, values, errors, pseuds, external, button }: {
  ctx: PageContext; action: string; heading: ComponentChildren; values: BookmarkFormValues; errors: FieldErrors;
  pseuds: ReadonlyArray<readonly [string, string]>; external?: ExternalFormValues; button: string;
}) {
  return (
    <Layout ctx={ctx} title="Bookmark" mainClass="narrow">
      <h2 class="heading">{heading}</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={action} id="bookmark-form">
        {external !== undefined && (
          <fieldset class="form-section">
            <legend>The work</legend>
            <TextField name="url" label="Address (URL)" required type="url" value={external.url} errors={errors} />
            <TextField name="title" label="Title" required value={external.title} errors={errors} />
            <TextField name="creator" label="Creator" required value={external.creator} errors={errors} />
            <TextField name="fandoms" label="Fandoms" required value={external.fandoms} errors={errors} hint="Separate fandoms with commas." />
            <SelectField name="rating" label="Rating" required value={external.rating} errors={errors} options={EXTERNAL_RATINGS.map((r) => [r, r] as const)} />
            <TextArea name="summary" label="Summary" rows={4} value={external.summary} errors={errors} />
          </fieldset>
        )}
        <BookmarkFields values={values} errors={errors} pseuds={pseuds} />
        <p class="form-actions"><button type="submit" class="primary">{button}</button></p>
      </Form>
    </Layout>
  );
}
