// Bookmarks on the pages, at AO3's addresses:
//
//   GET  /works/:id/bookmarks              the work's bookmarks (its "Bookmarks: N" links here)
//   GET  /works/:id/bookmarks/new, POST /works/:id/bookmarks   bookmark a work (or change one's bookmark of it)
//   GET  /external_works/new, POST /external_works             bookmark a work elsewhere
//   GET  /series/:id/bookmarks             a series' bookmarks
//   GET  /series/:id/bookmarks/new, POST /series/:id/bookmarks bookmark a series (or change one's bookmark of it)
//   GET  /bookmarks                        everyone's bookmarks, with the sort and filter form
//   GET  /collections/:name/bookmarks      bookmarks of a collection's works, with the form
//   GET  /users/:login/bookmarks          a member's bookmarks, with the form (?rec=1, ?tag=name still work)
//   GET  /bookmarks/:id                    one bookmark
//   GET  /bookmarks/:id/edit, POST         change it;  POST /bookmarks/:id/delete
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getUserByLogin, listPseudsOf } from '../accounts/user.service.js';
import { requireReadable, requireUser } from '../access/permissions.js';
import type { FormBody } from '../http/body-parsers.js';
import { pageContext, setFlash } from '../http/context.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { checkbox, field, formOf, idParam, pageParam } from '../http/form-values.js';
import { sendPage } from '../http/render.js';
import { fixedTags } from '../tags/tag.service.js';
import type { Query } from '../works/filter-params.js';
import { FilterForm } from '../works/views/filter-form.js';
import { BOOKMARK_SORTS, bookmarkFieldsInUse, bookmarkQueryFor, readBookmarkFilter } from './bookmark-filter.js';
import type { BookmarkQuery } from './bookmark.repository.js';
import { getSeriesForReader } from '../series/series.service.js';
import {
  bookmarkExternal, bookmarkSeries, bookmarkWork, deleteBookmark, editBookmark, getBookmark, listBookmarksFor, ownBookmarkOf, ownSeriesBookmarkOf, type BookmarkInput, type ExternalInput,
} from './bookmark.service.js';
import { BookmarkFilterFields, BookmarkFormPage, BookmarkListing, BookmarkPage, type BookmarkFormValues, type ExternalFormValues } from './views/bookmark-pages.js';
import { collectionWorksFor } from '../collections/collection.service.js';

type IdParams = { Params: { id: string }; Querystring: { page?: string } };
type LoginParams = { Params: { login: string } };

const EMPTY: BookmarkFormValues = { notes: '', tags: '', rec: false, private: false, pseudId: '' };
const EMPTY_EXTERNAL: ExternalFormValues = { url: '', title: '', creator: '', fandoms: '', rating: 'Not Rated', summary: '' };

function valuesOf(form: FormBody): BookmarkFormValues {
  return { notes: field(form, 'notes'), tags: field(form, 'tags'), rec: checkbox(form, 'rec'), private: checkbox(form, 'private'), pseudId: field(form, 'pseud_id') };
}

function inputOf(values: BookmarkFormValues): BookmarkInput {
  return { notes: values.notes, tags: values.tags, rec: values.rec, private: values.private, pseudId: /^\d+$/.test(values.pseudId) ? Number(values.pseudId) : null };
}

function externalOf(form: FormBody): ExternalFormValues & ExternalInput {
  return { url: field(form, 'url'), title: field(form, 'title'), creator: field(form, 'creator'), fandoms: field(form, 'fandoms'), rating: field(form, 'rating'), summary: field(form, 'summary') };
}

async function pseudOptions(request: FastifyRequest): Promise<Array<readonly [string, string]>> {
  const user = requireUser(request.viewer, 'Log in to bookmark works.');
  return (await listPseudsOf(request.server.db, user.id)).map((p) => [String(p.id), p.name] as const);
}

async function workForm(request: FastifyRequest, reply: FastifyReply, workId: number, values?: BookmarkFormValues, errors: FieldErrors = {}) {
  const pseuds = await pseudOptions(request);
  const { row } = await requireReadable(request.server.db, request.viewer, workId);
  const own = values === undefined ? await ownBookmarkOf(request.server.db, request.viewer, workId) : undefined;
  const shown = values ?? (own === undefined ? EMPTY : { notes: own.notes, tags: own.tags.join(', '), rec: own.rec === 1, private: own.private === 1, pseudId: String(own.pseud_id ?? '') });
  const heading = <>Bookmark <a href={`/works/${workId}`}>{row.title}</a></>;
  const button = own !== undefined ? 'Update bookmark' : 'Create bookmark';
  return sendPage(reply, <BookmarkFormPage ctx={pageContext(request, reply)} action={`/works/${workId}/bookmarks`} heading={heading} values={shown} errors={errors} pseuds={pseuds} button={button} />, Object.keys(errors).length > 0 ? 422 : 200);
}

async function seriesForm(request: FastifyRequest, reply: FastifyReply, seriesId: number, values?: BookmarkFormValues, errors: FieldErrors = {}) {
  const pseuds = await pseudOptions(request);
  const series = await getSeriesForReader(request.server.db, request.viewer, seriesId);
  const own = values === undefined ? await ownSeriesBookmarkOf(request.server.db, request.viewer, seriesId) : undefined;
  const shown = values ?? (own === undefined ? EMPTY : { notes: own.notes, tags: own.tags.join(', '), rec: own.rec === 1, private: own.private === 1, pseudId: String(own.pseud_id ?? '') });
  const heading = <>Bookmark the series <a href={`/series/${seriesId}`}>{series.title}</a></>;
  return sendPage(reply, <BookmarkFormPage ctx={pageContext(request, reply)} action={`/series/${seriesId}/bookmarks`} heading={heading} values={shown} errors={errors} pseuds={pseuds}
    button={own !== undefined ? 'Update bookmark' : 'Create bookmark'} />, Object.keys(errors).length > 0 ? 422 : 200);
}

function refused(error: unknown): FieldErrors {
  if (error instanceof AppError && error.code === 'validation_failed') return error.fields;
  throw error;
}

async function listing(request: FastifyRequest, reply: FastifyReply, title: string, heading: ComponentChildren, query: BookmarkQuery, basePath: string, empty: string) {
  const asked = request.query as { page?: string; show_muted?: string };
  const page = await listBookmarksFor(request.server.db, request.viewer, query, pageParam(asked.page), asked.show_muted === '1');
  return sendPage(reply, <BookmarkListing ctx={pageContext(request, reply)} title={title} heading={heading} page={page} basePath={basePath} empty={empty} />);
}

/** A listing with the sort and filter form: the works' filters and the bookmarks' own. */
async function filteredListing(request: FastifyRequest, reply: FastifyReply, title: string, base: BookmarkQuery, empty: string) {
  // A listing may be a moment stale: the replica (or SQLite's reading threads), but the primary for
  // a member who wrote a moment ago (src/http/read-db.ts).
  const db = request.readDb;
  const query = request.query as Query & { page?: string; show_muted?: string };
  const values = readBookmarkFilter(query);
  const built = await bookmarkQueryFor(db, request.viewer, values);
  const page = await listBookmarksFor(db, request.viewer, { ...base, ...built.query }, pageParam(query.page), query.show_muted === '1');
  const action = request.url.split('?')[0] ?? '/bookmarks';
  const form = (
    <FilterForm action={action} values={values.work} fixed={await fixedTags(db)} sort={{ name: 'bookmark_search[sort_column]', value: values.sort, options: BOOKMARK_SORTS }} inUse={bookmarkFieldsInUse(values)}>
      <BookmarkFilterFields values={values} />
    </FilterForm>
  );
  const everyone = base.userId === undefined ? null : <ul class="navigation actions"><li><a href="/bookmarks">Everyone's bookmarks</a></li></ul>;
  return sendPage(reply, <BookmarkListing ctx={pageContext(request, reply)} title={title} heading={title} page={page} basePath={request.url} empty={empty} filters={form} notices={built.notices} intro={everyone} />);
}

/** Routes for bookmarks. */
export function registerBookmarkRoutes(app: FastifyInstance): void {
  app.get<IdParams>('/works/:id/bookmarks', async (request, reply) => {
    const workId = idParam(request.params.id);
    const { row } = await requireReadable(request.server.db, request.viewer, workId);
    return listing(request, reply, `Bookmarks of ${row.title}`, <>Bookmarks of <a href={`/works/${workId}`}>{row.title}</a></>, { workId }, `/works/${workId}/bookmarks`, 'Nobody has bookmarked this work yet.');
  });
  app.get<IdParams>('/works/:id/bookmarks/new', (request, reply) => workForm(request, reply, idParam(request.params.id)));
  app.post<IdParams>('/works/:id/bookmarks', async (request, reply) => {
    const workId = idParam(request.params.id);
    const values = valuesOf(formOf(request));
    try {
      const id = await bookmarkWork(request.server.db, request.viewer, workId, inputOf(values));
      setFlash(reply, 'Bookmark saved.');
      return await reply.redirect(`/bookmarks/${id}`, 303);
    } catch (error) {
      return workForm(request, reply, workId, values, refused(error));
    }
  });
  app.get<IdParams>('/series/:id/bookmarks', async (request, reply) => {
    const series = await getSeriesForReader(request.server.db, request.viewer, idParam(request.params.id));
    return listing(request, reply, `Bookmarks of ${series.title}`, <>Bookmarks of <a href={`/series/${series.id}`}>{series.title}</a></>, { seriesId: series.id }, `/series/${series.id}/bookmarks`, 'Nobody has bookmarked this series yet.');
  });
  app.get<IdParams>('/series/:id/bookmarks/new', (request, reply) => seriesForm(request, reply, idParam(request.params.id)));
  app.post<IdParams>('/series/:id/bookmarks', async (request, reply) => {
    const seriesId = idParam(request.params.id);
    const values = valuesOf(formOf(request));
    try {
      const id = await bookmarkSeries(request.server.db, request.viewer, seriesId, inputOf(values));
      setFlash(reply, 'Bookmark saved.');
      return await reply.redirect(`/bookmarks/${id}`, 303);
    } catch (error) {
      return seriesForm(request, reply, seriesId, values, refused(error));
    }
  });
  app.get('/external_works/new', async (request, reply) => {
    const pseuds = await pseudOptions(request);
    return sendPage(reply, <BookmarkFormPage ctx={pageContext(request, reply)} action="/external_works" heading="Bookmark a work elsewhere" values={EMPTY} errors={{}} pseuds={pseuds} external={EMPTY_EXTERNAL} button="Create bookmark" />);
  });
  app.post('/external_works', async (request, reply) => {
    const form = formOf(request);
    const values = valuesOf(form);
    const external = externalOf(form);
    try {
      const id = await bookmarkExternal(request.server.db, request.viewer, external, inputOf(values));
      setFlash(reply, 'Bookmark saved.');
      return await reply.redirect(`/bookmarks/${id}`, 303);
    } catch (error) {
      const errors = refused(error);
      return sendPage(reply, <BookmarkFormPage ctx={pageContext(request, reply)} action="/external_works" heading="Bookmark a work elsewhere" values={values} errors={errors} pseuds={await pseudOptions(request)} external={external} button="Create bookmark" />, 422);
    }
  });
  app.get('/bookmarks', (request, reply) => filteredListing(request, reply, 'Bookmarks', {}, 'No bookmarks match.'));
  app.get<{ Params: { name: string } }>('/collections/:name/bookmarks', async (request, reply) => {
    const collection = await collectionWorksFor(request.server.db, request.viewer, request.params.name);
    return filteredListing(request, reply, `Bookmarks of works in ${collection.title}`, { workIdsIn: collection.works }, 'No works of this collection are bookmarked yet.');
  });
  app.get<LoginParams>('/users/:login/bookmarks', async (request, reply) => {
    const user = await getUserByLogin(request.server.db, request.params.login);
    return filteredListing(request, reply, `${user.login}'s bookmarks`, { userId: user.id }, 'No bookmarks here yet.');
  });
  registerBookmarkPages(app);
}

function registerBookmarkPages(app: FastifyInstance): void {
  app.get<IdParams>('/bookmarks/:id', async (request, reply) => {
    const bookmark = await getBookmark(request.server.db, request.viewer, idParam(request.params.id));
    return sendPage(reply, <BookmarkPage ctx={pageContext(request, reply)} bookmark={bookmark} />);
  });
  const editForm = async (request: FastifyRequest<IdParams>, reply: FastifyReply, values?: BookmarkFormValues, errors: FieldErrors = {}) => {
    const id = idParam(request.params.id);
    const bookmark = await getBookmark(request.server.db, request.viewer, id);
    if (!bookmark.mine) throw new AppError('forbidden', 'Only the member who made a bookmark can change it.');
    const shown = values ?? { notes: bookmark.notes, tags: bookmark.tags.join(', '), rec: bookmark.rec, private: bookmark.private, pseudId: '' };
    return sendPage(reply, <BookmarkFormPage ctx={pageContext(request, reply)} action={`/bookmarks/${id}/edit`} heading="Edit bookmark" values={shown} errors={errors} pseuds={await pseudOptions(request)} button="Update bookmark" />, Object.keys(errors).length > 0 ? 422 : 200);
  };
  app.get<IdParams>('/bookmarks/:id/edit', (request, reply) => editForm(request, reply));
  app.post<IdParams>('/bookmarks/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    const values = valuesOf(formOf(request));
    try {
      await editBookmark(request.server.db, request.viewer, id, inputOf(values));
    } catch (error) {
      return editForm(request, reply, values, refused(error));
    }
    setFlash(reply, 'Bookmark saved.');
    return reply.redirect(`/bookmarks/${id}`, 303);
  });
  app.post<IdParams>('/bookmarks/:id/delete', async (request, reply) => {
    await deleteBookmark(request.server.db, request.viewer, idParam(request.params.id));
    setFlash(reply, 'Bookmark deleted.');
    return reply.redirect(`/users/${encodeURIComponent(requireUser(request.viewer).login)}/bookmarks`, 303);
  });
}
