// Imports between upload and posting: stored for their owner only, changed by the writer's fixes,
// and turned into a work (then forgotten) when the writer saves a draft or posts.
import type { Kysely } from 'kysely';
import type { Viewer } from '../access/viewer.js';
import type { Database } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { isoFromNow, nowIso } from '../lib/clock.js';
import { requireUser } from '../access/permissions.js';
import type { ImportDraft } from './import-draft.js';
import { createImportedWork } from './import.service.js';
import { AppError } from '../http/errors.js';
import * as repo from './import.repository.js';

/** How long an unfinished import is kept: storing a new one deletes those older than this. */
export const IMPORT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** Stores a freshly read file for its writer's preview (and forgets week-old imports); returns its id. */
export function storeImport(db: Kysely<Database>, viewer: Viewer, draft: ImportDraft): Promise<number> {
  const user = requireUser(viewer);
  return repo.insertImport(db, user.id, JSON.stringify(draft), nowIso(), isoFromNow(-IMPORT_KEPT_MS));
}

/** The viewer's own import; anyone else (and a missing one) gets the not-found page. */
export async function loadImport(db: Kysely<Database>, viewer: Viewer, id: number): Promise<ImportDraft> {
  const user = requireUser(viewer);
  const data = Number.isInteger(id) ? await repo.findImportData(db, user.id, id) : undefined;
  if (data === undefined) throw notFound();
  return JSON.parse(data) as ImportDraft;
}

/** Saves the writer's fixes and choices as the next revision, and returns what was saved. */
export async function saveImport(db: Kysely<Database>, viewer: Viewer, id: number, draft: ImportDraft): Promise<ImportDraft> {
  const saved = { ...draft, revision: draft.revision + 1 };
  await repo.updateImportData(db, requireUser(viewer).id, id, JSON.stringify(saved));
  return saved;
}

/** Creates the work (validated by the works service) and deletes the import; returns the work's id. */
export async function finishImport(db: Kysely<Database>, viewer: Viewer, id: number, draft: ImportDraft, mode: 'draft' | 'post'): Promise<number> {
  const userId = requireUser(viewer).id;
  // The import is claimed in the work's own transaction: a second press of Post finds it gone and creates nothing.
  return createImportedWork(db, viewer, draft.work, draft.choices, mode, async (trx) => {
    if (!await repo.deleteImport(trx, userId, id)) throw new AppError('not_found', 'This import has already been saved as a work: find it under My works.');
  });
}

/** The viewer's unfinished imports from the last week, newest first. */
export function listUnfinishedImports(db: Kysely<Database>, viewer: Viewer): Promise<Array<{ id: number; created_at: string }>> {
  return repo.listImports(db, requireUser(viewer).id, isoFromNow(-IMPORT_KEPT_MS));
}
