// Tag wrangling: the rules for canonical tags, synonyms, fandom parents, metatags and
// unwrangleable tags. Only wranglers and admins may; every change is written to the history.
import type { Kysely } from 'kysely';
import type { Database, Db, TagRow } from '../db/database.js';
import type { Viewer, ViewerUser } from '../access/viewer.js';
import { requireWrangler } from '../access/permissions.js';
import { invalid, notFound } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { foldKey } from '../lib/text.js';
import { emit, inTransaction } from '../events/bus.js';
import { expandTag } from './tag-graph.js';
import { findTagByKey, replaceTagWords } from './tag.repository.js';
import { tagNameProblem } from './tag.validation.js';
import * as w from './wrangling.repository.js';

export type WrangleAction =
  | { kind: 'canonical'; on: boolean }
  | { kind: 'synonym'; of: string }
  | { kind: 'rename'; name: string }
  | { kind: 'addParent'; fandom: string }
  | { kind: 'removeParent'; fandomId: number }
  | { kind: 'addMeta'; meta: string }
  | { kind: 'removeMeta'; metaId: number }
  | { kind: 'unwrangleable'; on: boolean };

const FIXED = new Set(['rating', 'warning', 'category']);

async function namedTag(db: Db, name: string, field: string): Promise<TagRow> {
  const tag = await findTagByKey(db, foldKey(name));
  if (!tag) throw invalid({ [field]: `There is no tag named "${name.trim()}".` });
  return tag;
}

type Step = { tag: TagRow; trx: Db; user: ViewerUser; log: (action: string, detail?: string) => Promise<void> };

async function setCanonical({ tag, trx, log }: Step, on: boolean): Promise<void> {
  if (on && tag.merger_id !== null) throw invalid({ canonical: `“${tag.name}” is a synonym; remove the synonym link first.` });
  if (!on && ((await w.findSynonyms(trx, tag.id)).length > 0 || (await w.findSubs(trx, tag.id)).length > 0)) {
    throw invalid({ canonical: `“${tag.name}” still has synonyms or subtags; move them first.` });
  }
  // Only canonical tags are parents and metatags (addParent, addMeta): one made ordinary must leave those links first.
  if (!on && (await w.hasChildren(trx, tag.id) || (await w.findMetas(trx, tag.id)).length > 0)) {
    throw invalid({ canonical: `“${tag.name}” still has tags in it or metatags above it; move them first.` });
  }
  await w.updateTag(trx, tag.id, on ? { canonical: 1, unwrangleable: 0 } : { canonical: 0 });
  await log(on ? 'made canonical' : 'made not canonical');
}

async function setSynonym({ tag, trx, log }: Step, of: string): Promise<void> {
  const before = tag.merger_id === null ? [] : await expandTag(trx, tag.merger_id);
  if (of.trim() === '') {
    await w.updateTag(trx, tag.id, { merger_id: null });
    await log('synonym removed');
  } else {
    const target = await namedTag(trx, of, 'synonym');
    if (target.id === tag.id) throw invalid({ synonym: 'A tag cannot be a synonym of itself.' });
    if (target.type !== tag.type) throw invalid({ synonym: `“${target.name}” is a ${target.type} tag; a ${tag.type} tag can only be a synonym of a ${tag.type} tag.` });
    if (target.canonical !== 1) throw invalid({ synonym: `“${target.name}” is not canonical; only canonical tags can have synonyms.` });
    if (tag.canonical === 1) throw invalid({ synonym: `“${tag.name}” is canonical; make it not canonical first.` });
    await w.updateTag(trx, tag.id, { merger_id: target.id, unwrangleable: 0 });
    await log('made synonym', target.name);
    before.push(...await expandTag(trx, target.id));
  }
  if (tag.type === 'fandom') await emit(trx, { type: 'fandoms.regrouped', tagIds: [...before, tag.id] });
}

async function rename({ tag, trx, log }: Step, name: string): Promise<void> {
  const next = name.trim();
  if (tag.canonical !== 1) throw invalid({ name: 'Only a canonical tag can be renamed.' });
  if (foldKey(next) !== tag.name_key) throw invalid({ name: 'Only the case or accents of the name can change (“harry potter” → “Harry Potter”).' });
  const problem = tagNameProblem(next);
  if (problem !== null) throw invalid({ name: problem });
  await w.updateTag(trx, tag.id, { name: next });
  await replaceTagWords(trx, tag.id, next);
  await emit(trx, { type: 'tag.renamed', tagId: tag.id });
  await log('renamed', `${tag.name} → ${next}`);
}

async function addParent({ tag, trx, log }: Step, fandomName: string): Promise<void> {
  if (!['character', 'relationship', 'freeform'].includes(tag.type)) throw invalid({ fandom: 'Only characters, relationships and additional tags belong to fandoms.' });
  const fandom = await namedTag(trx, fandomName, 'fandom');
  if (fandom.type !== 'fandom' || fandom.canonical !== 1) throw invalid({ fandom: `“${fandom.name}” is not a canonical fandom.` });
  await w.insertParent(trx, fandom.id, tag.id);
  await log('added to fandom', fandom.name);
}

async function addMeta({ tag, trx, log }: Step, metaName: string): Promise<void> {
  const meta = await namedTag(trx, metaName, 'meta');
  if (meta.type !== tag.type) throw invalid({ meta: `A metatag must be a ${tag.type} tag too.` });
  if (meta.canonical !== 1 || tag.canonical !== 1) throw invalid({ meta: 'Both tags must be canonical.' });
  if ((await expandTag(trx, tag.id)).includes(meta.id)) throw invalid({ meta: `“${meta.name}” is already below “${tag.name}”; that would make a loop.` });
  const before = await expandTag(trx, meta.id);
  await w.insertMeta(trx, meta.id, tag.id);
  await log('added metatag', meta.name);
  if (tag.type === 'fandom') await emit(trx, { type: 'fandoms.regrouped', tagIds: [...before, ...await expandTag(trx, meta.id)] });
}

async function removeLink(step: Step, kind: 'removeParent' | 'removeMeta', otherId: number): Promise<void> {
  const other = await w.findTagById(step.trx, otherId);
  if (!other) throw notFound();
  if (kind === 'removeParent') {
    await w.deleteParent(step.trx, other.id, step.tag.id);
    await step.log('removed from fandom', other.name);
    return;
  }
  const before = await expandTag(step.trx, other.id);
  await w.deleteMeta(step.trx, other.id, step.tag.id);
  await step.log('removed metatag', other.name);
  if (step.tag.type === 'fandom') await emit(step.trx, { type: 'fandoms.regrouped', tagIds: before });
}

async function setUnwrangleable({ tag, trx, log }: Step, on: boolean): Promise<void> {
  if (on && (tag.canonical === 1 || tag.merger_id !== null)) throw invalid({ unwrangleable: 'Canonical tags and synonyms cannot be unwrangleable.' });
  await w.updateTag(trx, tag.id, { unwrangleable: on ? 1 : 0 });
  await log(on ? 'marked unwrangleable' : 'marked wrangleable');
}

function apply(step: Step, action: WrangleAction): Promise<void> {
  switch (action.kind) {
    case 'canonical': return setCanonical(step, action.on);
    case 'synonym': return setSynonym(step, action.of);
    case 'rename': return rename(step, action.name);
    case 'addParent': return addParent(step, action.fandom);
    case 'removeParent': return removeLink(step, 'removeParent', action.fandomId);
    case 'addMeta': return addMeta(step, action.meta);
    case 'removeMeta': return removeLink(step, 'removeMeta', action.metaId);
    case 'unwrangleable': return setUnwrangleable(step, action.on);
  }
}

/** Applies wrangling actions to a tag, all in one transaction with their history entries. */
export async function wrangleTag(db: Kysely<Database>, viewer: Viewer, tagId: number, actions: WrangleAction | WrangleAction[]): Promise<void> {
  const user = requireWrangler(viewer);
  const steps = Array.isArray(actions) ? actions : [actions];
  await inTransaction(db, async (trx) => {
    for (const action of steps) {
      const tag = await w.findTagById(trx, tagId);
      if (!tag) throw notFound();
      if (FIXED.has(tag.type)) throw invalid({ tag: 'Ratings, archive warnings and categories are fixed.' });
      const log = (what: string, detail = '') => w.insertChange(trx, { tagId: tag.id, tagName: tag.name, userId: user.id, action: what, detail, at: nowIso() });
      await apply({ tag, trx, user, log }, action);
    }
    await emit(trx, { type: 'tags.changed', tagIds: [tagId] });
  });
}
