// Prompt memes: a collection whose challenge is "prompt_meme" takes prompts (a title, a
// description, tags, optionally posted anonymously); members claim them (once each); a work posted
// in response fills one, joins the collection under its rules, and its prompter is emailed once
// the work is posted and may be read (never while its collection keeps it unrevealed).
import type { Kysely } from 'kysely';
import { requireCreator, requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { mailPreferences } from '../accounts/preferences.service.js';
import type { CollectionRow, Database, Db, PromptRow } from '../db/database.js';
import { inTransaction, onWrite } from '../events/bus.js';
import { invalid, notFound, type FieldErrors } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { charLength, cleanLine, foldKey, hasControlCharacters } from '../lib/text.js';
import { deliverMail } from '../mail/digest.js';
import { splitTagField, tagListProblem } from '../tags/tag.validation.js';
import { workForNotice, worksInOrder } from '../works/reading.service.js';
import type { ShownWork } from '../works/work.model.js';
import * as collections from './collection.repository.js';
import { getCollection, placeWork, type CollectionView } from './collection.service.js';
import * as repo from './prompt.repository.js';
import { fillMail } from './views/prompt-mail.js';

export const PROMPT_LIMITS = { title: 255, description: 5000, tags: 20 } as const;
export const PROMPTS_PER_PAGE = 20;

export type PromptInput = { title: string; description: string; tags: string; anonymous: boolean };

/** A prompt as one reader sees it: the prompter named, or "Anonymous" where they asked to be. */
export type PromptView = {
  id: number; title: string; description: string; tags: string[]; prompter: string | null; anonymous: boolean;
  claims: string[]; fills: number; filled: boolean; mineClaimed: boolean; createdAt: string;
};

/** A prompt meme by name: 404 when there is none (or the collection runs no prompt meme). */
export async function getPromptMeme(db: Db, viewer: Viewer, name: string): Promise<CollectionView> {
  const view = await getCollection(db, viewer, name);
  if (view.row.challenge !== 'prompt_meme') throw notFound();
  return view;
}

async function viewsOf(db: Db, viewer: Viewer, rows: PromptRow[], maintainer: boolean): Promise<PromptView[]> {
  const ids = rows.map((r) => r.id);
  const [tags, claims, fills, logins] = await Promise.all([repo.tagsOfPrompts(db, ids), repo.claimsOf(db, ids), repo.fillCounts(db, ids), collections.loginsOf(db, rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id])))]);
  const me = viewer.user?.id ?? null;
  return rows.map((row) => {
    const named = row.anonymous === 0 || maintainer || (me !== null && row.user_id === me);
    const claimers = claims.get(row.id) ?? [];
    return {
      id: row.id, title: row.title, description: row.description, tags: tags.get(row.id) ?? [], anonymous: row.anonymous === 1,
      prompter: named && row.user_id !== null ? logins.get(row.user_id) ?? null : null,
      claims: claimers.map((c) => c.login), fills: fills.get(row.id) ?? 0, filled: row.filled === 1,
      mineClaimed: me !== null && claimers.some((c) => c.user_id === me), createdAt: row.created_at,
    };
  });
}

/** The filter of a prompts listing: tags (comma-separated, all must match) and filled / unfilled / any. */
export type PromptFilter = { tags: string; status: 'any' | 'filled' | 'unfilled'; page: number };

/** A page of a prompt meme's prompts. */
export async function listPromptsOf(db: Db, viewer: Viewer, name: string, filter: PromptFilter): Promise<{ view: CollectionView; prompts: PromptView[]; total: number; pages: number }> {
  const view = await getPromptMeme(db, viewer, name);
  const query: repo.PromptQuery = {
    collectionId: view.row.id, tagKeys: splitTagField(filter.tags).map(foldKey), filled: filter.status === 'any' ? null : filter.status === 'filled',
    limit: PROMPTS_PER_PAGE, offset: (Math.max(1, filter.page) - 1) * PROMPTS_PER_PAGE,
  };
  const [rows, total] = await Promise.all([repo.listPrompts(db, query), repo.countPrompts(db, query)]);
  return { view, prompts: await viewsOf(db, viewer, rows, view.maintainer), total, pages: Math.max(1, Math.ceil(total / PROMPTS_PER_PAGE)) };
}

function checkPrompt(input: PromptInput): { title: string; description: string; tags: string[] } {
  const fields: FieldErrors = {};
  const title = cleanLine(input.title);
  if (title === '') fields.title = 'Give the prompt a title.';
  else if (charLength(title) > PROMPT_LIMITS.title) fields.title = `Title can be at most ${PROMPT_LIMITS.title} characters long.`;
  if (charLength(input.description) > PROMPT_LIMITS.description) fields.description = `Description can be at most ${PROMPT_LIMITS.description.toLocaleString('en-US')} characters long.`;
  else if (hasControlCharacters(input.description)) fields.description = 'Description holds characters that cannot be shown.';
  const tags = splitTagField(input.tags);
  const problem = tagListProblem(tags);
  if (tags.length === 0) fields.tags = 'Give at least one tag (a fandom, a pairing, a trope), so writers can find the prompt.';
  else if (tags.length > PROMPT_LIMITS.tags) fields.tags = `A prompt can have at most ${PROMPT_LIMITS.tags} tags.`;
  else if (problem !== null) fields.tags = problem;
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return { title, description: sanitizeHtml(input.description), tags };
}

/** Posts a prompt to an open prompt meme; returns its id. */
export async function postPrompt(db: Kysely<Database>, viewer: Viewer, name: string, input: PromptInput): Promise<number> {
  const user = requireUser(viewer, 'Log in to post a prompt.');
  const { row } = await getPromptMeme(db, viewer, name);
  const clean = checkPrompt(input);
  if (row.closed === 1) throw invalid({ title: `${row.title} is closed: it takes no new prompts.` });
  return inTransaction(db, (trx) => repo.insertPrompt(trx, {
    collection_id: row.id, user_id: user.id, anonymous: input.anonymous ? 1 : 0, title: clean.title, description: clean.description, created_at: nowIso(),
  }, clean.tags.map((name) => ({ name, name_key: foldKey(name) }))));
}

/** One prompt with its claims and the fills this reader may see. */
export async function getPrompt(db: Db, viewer: Viewer, id: number): Promise<{ collection: CollectionRow; prompt: PromptView; fills: ShownWork[] }> {
  const row = Number.isSafeInteger(id) ? await repo.findPrompt(db, id) : undefined;
  if (row === undefined) throw notFound();
  const collection = await collections.findCollectionById(db, row.collection_id);
  const view = await getCollection(db, viewer, collection.name);
  const [prompt] = await viewsOf(db, viewer, [row], view.maintainer);
  if (prompt === undefined) throw notFound();
  return { collection, prompt, fills: await worksInOrder(db, viewer, await repo.fillsOf(db, id)) };
}

/** Claims a prompt (once per member), saying they mean to fill it. */
export async function claimPrompt(db: Kysely<Database>, viewer: Viewer, id: number): Promise<void> {
  const user = requireUser(viewer, 'Log in to claim a prompt.');
  const row = Number.isSafeInteger(id) ? await repo.findPrompt(db, id) : undefined;
  if (row === undefined) throw notFound();
  if (await repo.hasClaim(db, id, user.id)) throw invalid({ claim: 'You have already claimed this prompt.' });
  await repo.insertClaim(db, id, user.id, nowIso());
}

/** Gives up a claim. */
export async function unclaimPrompt(db: Kysely<Database>, viewer: Viewer, id: number): Promise<void> {
  const user = requireUser(viewer);
  if (!(await repo.hasClaim(db, id, user.id))) throw notFound();
  await repo.deleteClaim(db, id, user.id);
}

/** Tells the prompters of the prompts a work fills, once it is posted and may be read. */
async function tellPrompters(trx: Db, workId: number, only: number | null = null): Promise<void> {
  const work = await workForNotice(trx, workId);
  if (work?.tellable !== true) return;
  const prompts = (await repo.promptsFilledBy(trx, workId)).filter((p) => p.user_id !== null && (only === null || p.id === only) && !work.creatorIds.includes(p.user_id));
  const people = await mailPreferences(trx, prompts.flatMap((p) => (p.user_id === null ? [] : [p.user_id])));
  for (const prompt of prompts) {
    const person = prompt.user_id === null ? undefined : people.get(prompt.user_id);
    if (person === undefined || prompt.user_id === null) continue;
    const mail = fillMail({ to: person.email, login: person.login, byline: work.byline, workId, workTitle: work.title, promptId: prompt.id, promptTitle: prompt.title });
    await deliverMail(trx, { userId: prompt.user_id, digest: person.digest }, mail, nowIso());
  }
}

/** Called once by wiring.ts: a fill saved as a draft tells its prompter when it is posted, and an unrevealed one when it is revealed. */
export function subscribeFillNotices(): Array<() => void> {
  return [onWrite('work.posted', (trx, event) => tellPrompters(trx, event.workId)), onWrite('work.revealed', (trx, event) => tellPrompters(trx, event.workId))];
}

/**
 * Fills a prompt with one of the viewer's works, inside the caller's transaction: the work joins
 * the collection if it is not in it yet. A new work's prompter hears of it when it is posted
 * (work.posted, which follows in the same transaction).
 */
export async function fillPrompt(trx: Db, viewer: Viewer, promptId: number, workId: number): Promise<void> {
  const row = Number.isSafeInteger(promptId) ? await repo.findPrompt(trx, promptId) : undefined;
  if (row === undefined) throw invalid({ prompt: 'There is no such prompt.' });
  const collection = await collections.findCollectionById(trx, row.collection_id);
  if (await repo.hasFill(trx, promptId, workId)) throw invalid({ prompt: 'This work already fills that prompt.' });
  if (!(await collections.hasItem(trx, collection.id, workId))) await placeWork(trx, viewer, workId, collection);
  await repo.insertFill(trx, promptId, workId, nowIso());
}

/** Fills a prompt with an existing work of the viewer's, given by its address or id. */
export async function fillWithWork(db: Kysely<Database>, viewer: Viewer, promptId: number, work: string): Promise<void> {
  const workId = Number(/(?:^|\/works\/)(\d+)\/?$/.exec(work.trim())?.[1] ?? NaN);
  if (!Number.isSafeInteger(workId)) throw invalid({ work: 'Give the address of one of your works (…/works/123) or its number.' });
  await requireCreator(db, viewer, workId);
  await inTransaction(db, async (trx) => {
    await fillPrompt(trx, viewer, promptId, workId);
    await tellPrompters(trx, workId, promptId);
  });
}
