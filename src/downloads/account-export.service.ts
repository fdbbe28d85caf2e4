// "Download all my data" (issue 14): one ZIP with a member's works (EPUB each, drafts included) and
// everything they made, as JSON. Only the member may have it; what is theirs is theirs whole, and
// what belongs to others is shown only as the member may still see it (docs/decisions/044-data-export.md).
import { requireAccountOwner } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { countHit, refuseWhenSpent, type Limit } from '../http/rate-limit.js';
import { downloadSlug } from '../lib/download-formats.js';
import { getAllChaptersForReader, getWorkForReader } from '../works/reading.service.js';
import { workPath } from '../works/work-paths.js';
import { getSeriesForReader } from '../series/series.service.js';
import * as repo from './account-export.repository.js';
import type { BuildThreads } from './build-threads.js';
import type { DownloadWork } from './download-model.js';
import { requestDownload, toDownloadWork } from './download.service.js';

/** Exports one member may make in an hour, counted on every app server. */
export const EXPORT_LIMIT: Limit = { limit: 5, windowMs: 60 * 60 * 1000 };

/** Members whose export this process is building: one at a time each. */
const building = new Set<number>();

/** A work another member made, as this member may see it now: null when they no longer may. */
type SeenWork = { id: number; title: string; url: string; creators: string[]; chapters: Map<number, number> } | null;

async function seenWork(db: Db, config: Config, viewer: Viewer, workId: number): Promise<SeenWork> {
  try {
    const { work, chapters } = await getWorkForReader(db, viewer, workId);
    return {
      id: workId, title: work.title, url: `${config.baseUrl}${workPath(workId)}`, creators: work.creators.map((c) => c.pseud),
      chapters: new Map(chapters.flatMap((c) => (c.id === null ? [] : [[c.id, c.number]]))),
    };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** Looks each work up once, whatever points at it. */
function workLookup(db: Db, config: Config, viewer: Viewer): (workId: number | null) => Promise<SeenWork> {
  const seen = new Map<number, Promise<SeenWork>>();
  return (workId) => {
    if (workId === null) return Promise.resolve(null);
    let found = seen.get(workId);
    if (found === undefined) {
      found = seenWork(db, config, viewer, workId);
      seen.set(workId, found);
    }
    return found;
  };
}

function brief(work: SeenWork) {
  return work === null ? null : { id: work.id, title: work.title, url: work.url, creators: work.creators };
}

async function ownWorks(db: Db, config: Config, viewer: Viewer, userId: number) {
  const works: unknown[] = [];
  const epubs: Array<{ path: string; work: DownloadWork }> = [];
  for (const id of await repo.ownWorkIds(db, userId)) {
    const request = await requestDownload(db, viewer, id, 'epub').catch((error: unknown) => { if (error instanceof AppError) return null; throw error; });
    if (request === null) continue;
    const chapters = await getAllChaptersForReader(db, request.reader);
    const book = toDownloadWork(config, request, chapters);
    epubs.push({ path: `works/${id}-${downloadSlug(book.title, id)}.epub`, work: book });
    const { work } = request.reader;
    works.push({
      id, title: work.title, url: book.url, posted: work.posted, restricted: work.restricted, complete: work.complete, language: work.language,
      creators: book.creators.map((c) => c.name), tags: book.tags, series: book.series, summary: work.summary, notes: work.notes, endNotes: work.endNotes,
      publishedOn: work.publishedOn, updatedOn: work.updatedOn, wordCount: work.wordCount, expectedChapters: work.expectedChapters,
      chapters: chapters.map((c) => ({ number: c.number, title: c.title, posted: c.posted, summary: c.summary, notes: c.notes, endNotes: c.endNotes, html: c.content })),
    });
  }
  return { works, epubs };
}

async function bookmarks(db: Db, viewer: Viewer, userId: number, work: ReturnType<typeof workLookup>) {
  const { bookmarks: rows, tags } = await repo.bookmarkRows(db, userId);
  return Promise.all(rows.map(async (b) => {
    const series = b.series_id === null ? null : await getSeriesForReader(db, viewer, b.series_id).then((s) => ({ id: s.id, title: s.title }), () => null);
    return {
      notes: b.notes, tags: tags.filter((t) => t.bookmark_id === b.id).map((t) => t.name), rec: b.rec === 1, private: b.private === 1, createdAt: b.created_at,
      work: brief(await work(b.work_id)), series,
      external: b.external_url === null ? null : { url: b.external_url, title: b.external_title, creator: b.external_creator },
      ...(b.work_id !== null && (await work(b.work_id)) === null ? { note: 'The work is no longer available to you.' } : {}),
    };
  }));
}

async function comments(db: Db, userId: number, work: ReturnType<typeof workLookup>) {
  return Promise.all((await repo.commentRows(db, userId)).map(async (c) => {
    const on = await work(c.work_id);
    return {
      html: c.content, state: c.state, postedAt: c.created_at, editedAt: c.edited_at, inReply: c.parent_id !== null,
      work: brief(on), chapter: on === null || c.chapter_id === null ? null : on.chapters.get(c.chapter_id) ?? null,
    };
  }));
}

async function activity(db: Db, viewer: Viewer, userId: number, work: ReturnType<typeof workLookup>) {
  const { kudos, subscriptions, readings } = await repo.activityRows(db, userId);
  return {
    kudos: await Promise.all(kudos.map(async (k) => ({ givenAt: k.created_at, work: brief(await work(k.work_id)) }))),
    subscriptions: await Promise.all(subscriptions.map(async (s) => ({
      kind: s.kind, since: s.created_at,
      to: s.kind === 'work' ? brief(await work(s.target_id))
        : s.kind === 'series' ? await getSeriesForReader(db, viewer, s.target_id).then((x) => ({ id: x.id, title: x.title }), () => null)
          : { login: s.creator_login },
    }))),
    readingHistory: await Promise.all(readings.map(async (r) => ({ lastReadAt: r.last_read_at, visits: r.visits, markedForLater: r.later === 1, work: brief(await work(r.work_id)) }))),
  };
}

/** Everything of the member's as one ZIP: data.json and an EPUB of each of their works. 403/401 to anyone else; 429 while one is being built or past the hourly limit. */
export async function buildAccountExport(db: Db, config: Config, threads: BuildThreads, viewer: Viewer, login: string): Promise<{ fileName: string; zip: Uint8Array }> {
  const user = requireAccountOwner(viewer, login);
  const key = `export:${user.id}`;
  if (building.has(user.id)) throw new AppError('rate_limited', 'Your data is being gathered already: it comes as one download when ready.', {}, 30);
  building.add(user.id);
  try {
    await refuseWhenSpent(db, key, EXPORT_LIMIT, 'You have downloaded your data several times this hour.');
    const work = workLookup(db, config, viewer);
    const { user: account, pseuds } = await repo.profileRows(db, user.id);
    const { works, epubs } = await ownWorks(db, config, viewer, user.id);
    const data = {
      archive: { name: config.archiveName, url: config.baseUrl }, exportedAt: new Date().toISOString(),
      profile: { login: account.login, email: account.email, joinedAt: account.created_at, pseuds: pseuds.map((p) => ({ name: p.name, description: p.description, default: p.is_default === 1 })) },
      works, bookmarks: await bookmarks(db, viewer, user.id, work), comments: await comments(db, user.id, work), ...await activity(db, viewer, user.id, work),
    };
    await countHit(db, key, EXPORT_LIMIT);
    // Made in a build thread: a prolific writer's EPUBs and JSON are seconds of work.
    const zip = await threads.make({ kind: 'export', data, works: epubs });
    return { fileName: `${downloadSlug(account.login, user.id)}-data.zip`, zip };
  } finally {
    building.delete(user.id);
  }
}
