// Related works: a creator says their work was inspired by another, or translates it, here (by its
// address) or elsewhere (address, title, creator). The new work names it at once, as AO3's
// ul.associations ("Inspired by ..."); the original lists it among "Works inspired by this one"
// only once one of its creators approves. Both sides show only works their reader may see.
import type { Kysely } from 'kysely';
import { requireCreator, requireReadable } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import type { Database, Db } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { AppError, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { charLength, cleanLine } from '../lib/text.js';
import { worksInOrder } from './reading.service.js';
import * as repo from './related.repository.js';
import type { ShownWork } from './work.model.js';
import { workPath } from './work-paths.js';
import { refreshWorkPages } from './work.service.js';

/** A related work as a page names it. */
export type RelatedLink = { relationId: number; title: string; url: string; byline: string; translation: boolean; approved: boolean; external: boolean };
export type RelatedInput = { parent: string; title: string; creator: string; translation: boolean };

const byline = (work: ShownWork) => work.creators.map((c) => c.pseud).join(', ');

async function linksTo(db: Db, viewer: Viewer, rows: repo.RelationRow[], side: 'parent' | 'child'): Promise<RelatedLink[]> {
  const ids = rows.map((r) => (side === 'parent' ? r.parent_id : r.work_id)).filter((id): id is number => id !== null);
  const works = new Map((await worksInOrder(db, viewer, ids)).map((w) => [w.id, w]));
  return rows.flatMap((r): RelatedLink[] => {
    const id = side === 'parent' ? r.parent_id : r.work_id;
    if (id === null) return [{ relationId: r.id, title: r.parent_title ?? r.parent_url ?? '', url: r.parent_url ?? '', byline: r.parent_creator ?? '', translation: r.translation === 1, approved: true, external: true }];
    const work = works.get(id);
    return work === undefined ? [] : [{ relationId: r.id, title: work.title, url: workPath(id), byline: byline(work), translation: r.translation === 1, approved: r.approved === 1, external: false }];
  });
}

/** What a work was inspired by (shown on it at once), and the approved works inspired by it, as the viewer may see them. */
export async function relatedOf(db: Db, viewer: Viewer, workId: number): Promise<{ parents: RelatedLink[]; children: RelatedLink[] }> {
  const [parents, children] = await Promise.all([repo.parentsOf(db, workId), repo.childrenOf(db, workId, true)]);
  return { parents: await linksTo(db, viewer, parents, 'parent'), children: await linksTo(db, viewer, children, 'child') };
}

/** The related works page of a work, for its creators: what it is inspired by, and every work that says it was inspired by it (approved or waiting). */
export async function relatedForCreator(db: Db, viewer: Viewer, workId: number): Promise<{ title: string; parents: RelatedLink[]; children: RelatedLink[] }> {
  const work = await requireCreator(db, viewer, workId);
  const [parents, children] = await Promise.all([repo.parentsOf(db, workId), repo.childrenOf(db, workId, false)]);
  return { title: work.title, parents: await linksTo(db, viewer, parents, 'parent'), children: await linksTo(db, viewer, children, 'child') };
}

/** The work a typed address names on this archive (…/works/123, or 123), or null for an address elsewhere. */
function workHere(typed: string, baseUrl: string): number | null {
  const text = typed.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const path = text.startsWith('/') ? text : text.startsWith(baseUrl) ? text.slice(baseUrl.length) : null;
  const match = path === null ? null : /^\/works\/(\d+)(?:[/?#].*)?$/.exec(path);
  return match === null ? null : Number(match[1]);
}

/** Says that a work of the viewer's was inspired by (or translates) another. */
export async function addRelation(db: Kysely<Database>, viewer: Viewer, workId: number, input: RelatedInput, baseUrl: string): Promise<void> {
  await requireCreator(db, viewer, workId);
  const fields: FieldErrors = {};
  const parentId = workHere(input.parent, baseUrl);
  let url: string | null = null;
  let approved = false;
  if (parentId !== null) {
    if (parentId === workId) fields.parent = 'A work cannot be inspired by itself.';
    else {
      try {
        const parent = await requireReadable(db, viewer, parentId);
        approved = parent.isCreator;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        fields.parent = 'There is no work at that address that you can read.';
      }
    }
  } else {
    url = input.parent.trim();
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) fields.parent = 'Give the address of a work here (…/works/123), or a web address (https://…) of one elsewhere.';
    if (cleanLine(input.title) === '') fields.title = 'For a work elsewhere, give its title.';
    else if (charLength(input.title) > 255) fields.title = 'A title can be at most 255 characters long.';
    if (charLength(input.creator) > 255) fields.creator = 'A name can be at most 255 characters long.';
  }
  if (Object.keys(fields).length === 0 && await repo.hasRelation(db, workId, { id: parentId, url })) fields.parent = 'This work already names that one.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  await inTransaction(db, async (trx) => {
    await repo.insertRelation(trx, {
      work_id: workId, parent_id: parentId, parent_url: url, parent_title: url === null ? null : cleanLine(input.title),
      parent_creator: url === null ? null : cleanLine(input.creator), translation: input.translation ? 1 : 0, approved: approved || url !== null ? 1 : 0, created_at: nowIso(),
    });
    await refreshWorkPages(trx, parentId !== null && approved ? [workId, parentId] : [workId]);
  });
}

async function relationFor(db: Db, viewer: Viewer, id: number, side: 'parent' | 'either'): Promise<repo.RelationRow> {
  const row = Number.isSafeInteger(id) ? await repo.findRelation(db, id) : undefined;
  if (row === undefined) throw notFound();
  if (side === 'parent') {
    if (row.parent_id === null) throw notFound();
    await requireCreator(db, viewer, row.parent_id);
    return row;
  }
  try { await requireCreator(db, viewer, row.work_id); } catch (error) {
    if (!(error instanceof AppError) || row.parent_id === null) throw error;
    await requireCreator(db, viewer, row.parent_id);
  }
  return row;
}

/** Approves a work's saying it was inspired by the viewer's (the original's creators): the original lists it. */
export async function approveRelation(db: Kysely<Database>, viewer: Viewer, id: number): Promise<number> {
  const row = await relationFor(db, viewer, id, 'parent');
  await inTransaction(db, async (trx) => {
    await repo.approveRelation(trx, id);
    await refreshWorkPages(trx, [row.parent_id ?? row.work_id]);
  });
  return row.parent_id ?? row.work_id;
}

/** Removes a relation (either side's creators). */
export async function removeRelation(db: Kysely<Database>, viewer: Viewer, id: number): Promise<number> {
  const row = await relationFor(db, viewer, id, 'either');
  await inTransaction(db, async (trx) => {
    await repo.deleteRelation(trx, id);
    await refreshWorkPages(trx, row.parent_id === null ? [row.work_id] : [row.work_id, row.parent_id]);
  });
  return row.work_id;
}
