// The mass actions on a fandom's unwrangled-tags page, and that page's list.
import type { Kysely } from 'kysely';
import type { Database, TagRow, TagType } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { AppError, invalid } from '../http/errors.js';
import { expandTag } from './tag-graph.js';
import { findUnwrangled, findTagById } from './wrangling.repository.js';
import { requireWrangler } from '../access/permissions.js';
import { wrangleTag, type WrangleAction } from './wrangling.service.js';

export type MassAction = 'canonical' | 'attach' | 'synonym' | 'unwrangleable';

/** Tags used in a fandom's works (with its synonyms and subtags) that still need wrangling. */
export async function unwrangledIn(db: Kysely<Database>, viewer: Viewer, fandom: TagRow, type: TagType): Promise<Array<TagRow & { uses: number }>> {
  requireWrangler(viewer);
  return findUnwrangled(db, await expandTag(db, fandom.id), type, 500);
}

function stepsFor(action: MassAction, fandom: TagRow, synonym: string): WrangleAction[] {
  switch (action) {
    case 'canonical': return [{ kind: 'canonical', on: true }, { kind: 'addParent', fandom: fandom.name }];
    case 'attach': return [{ kind: 'addParent', fandom: fandom.name }];
    case 'synonym': return [{ kind: 'synonym', of: synonym }];
    case 'unwrangleable': return [{ kind: 'unwrangleable', on: true }];
  }
}

/** Applies one action to each chosen tag; returns how many were done, and a message per refusal. */
export async function massWrangle(db: Kysely<Database>, viewer: Viewer, fandom: TagRow, tagIds: number[], action: MassAction, synonym: string): Promise<{ done: number; problems: string[] }> {
  requireWrangler(viewer);
  if (tagIds.length === 0) throw invalid({ tags: 'Choose at least one tag.' });
  if (action === 'synonym' && synonym.trim() === '') throw invalid({ synonym: 'Name the canonical tag the chosen tags mean.' });
  let done = 0;
  const problems: string[] = [];
  for (const id of tagIds) {
    try {
      await wrangleTag(db, viewer, id, stepsFor(action, fandom, synonym));
      done += 1;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const tag = await findTagById(db, id);
      problems.push(`${tag?.name ?? `Tag ${id}`}: ${error.message}`);
    }
  }
  return { done, problems };
}
