// Writing works: create (draft or posted), edit, post a draft, delete; counts and dates follow.
import type { Kysely } from 'kysely';
import type { Database, Db, PseudRow, WorkRow } from '../db/database.js';
import type { Viewer, ViewerUser } from '../access/viewer.js';
import { listPseudsOf } from '../accounts/user.service.js';
import { AppError, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { requireConfirmed, requireCreator, requireUser } from '../access/permissions.js';
import { nowIso, today } from '../lib/clock.js';
import { countWords } from '../lib/word-count.js';
import { setWorkTags } from '../tags/tag.service.js';
import * as chapters from './chapter.repository.js';
import * as works from './work.repository.js';
import { emit, inTransaction } from '../events/bus.js';
import { creatorSortKey, titleSortKey } from './sort-keys.js';
import { holdIfSpam, spamText } from './work-hold.service.js';
import { recomputeCrossovers } from './crossover.service.js';
import { placeInCollections } from './work-collections.js';
import { giveFromForm } from './work-associations.js';
import { checkChapter, checkWork, type ChapterInput, type CleanChapter, type CleanWork, type WorkInput } from './work.validation.js';

export type SaveMode = 'draft' | 'post';

/** The viewer's pseuds to post under, in order: the ones chosen (which must be theirs), or the default one. */
export async function resolvePseuds(db: Db, user: ViewerUser, chosen: number[]): Promise<PseudRow[]> {
  const own = await listPseudsOf(db, user.id);
  if (chosen.length === 0) return own.filter((p) => p.is_default === 1);
  const byId = new Map(own.map((p) => [p.id, p]));
  const picked = [...new Set(chosen)].map((id) => byId.get(id));
  if (picked.some((p) => p === undefined)) throw invalid({ pseuds: 'Choose among your own pseuds.' });
  return picked.filter((p): p is PseudRow => p !== undefined);
}

function tagGroups(clean: CleanWork) {
  return [
    { type: 'rating' as const, names: [clean.rating] }, { type: 'warning' as const, names: clean.warnings },
    { type: 'category' as const, names: clean.categories }, { type: 'fandom' as const, names: clean.fandoms },
    { type: 'relationship' as const, names: clean.relationships }, { type: 'character' as const, names: clean.characters },
    { type: 'freeform' as const, names: clean.freeforms },
  ];
}

function metadata(clean: CleanWork) {
  return {
    title: clean.title, title_sort: titleSortKey(clean.title), summary: clean.summary, notes: clean.notes, end_notes: clean.endNotes, language: clean.language,
    restricted: clean.restricted ? 1 as const : 0 as const, comment_permission: clean.commentPermission,
    expected_chapters: clean.expectedChapters,
  };
}

/**
 * Runs a change to an existing work in one transaction that announces it (work.saved), so the
 * search index follows inside the same transaction and caches drop the work once it commits.
 */
export function changeWork<T>(db: Kysely<Database>, workId: number, change: (trx: Db) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    const value = await change(trx);
    await emit(trx, { type: 'work.saved', workId });
    return value;
  });
}

/**
 * Something these works' pages show changed elsewhere (a series they are in): each gets a new
 * content version, so their cached pages and downloads are made again.
 */
export async function refreshWorkPages(trx: Db, workIds: number[]): Promise<void> {
  if (workIds.length === 0) return;
  await works.bumpVersions(trx, workIds);
  await emit(trx, { type: 'works.refreshed', workIds });
}

/**
 * Sets whether works are anonymous or unrevealed (decided by their collections): each work whose
 * flags change gets a new content version and announces itself (work.saved), so the search index,
 * caches and downloads follow inside the same transaction.
 */
export async function setWorkShrouds(trx: Db, shrouds: Array<{ id: number; anonymous: boolean; unrevealed: boolean }>): Promise<void> {
  for (const { id, anonymous, unrevealed } of shrouds) {
    const before = await works.findWork(trx, id);
    // updateWork moves the content version itself.
    await works.updateWork(trx, id, { anonymous: anonymous ? 1 : 0, unrevealed: unrevealed ? 1 : 0 });
    await emit(trx, { type: 'work.saved', workId: id });
    if (before?.unrevealed === 1 && !unrevealed && before.posted === 1) await emit(trx, { type: 'work.revealed', workId: id });
  }
}

/**
 * Hides works for the archive's moderators (only their creators then see them, with the reason)
 * or shows them again; `action` is the moderation action responsible, so undoing it shows again
 * only what it hid. Returns the works whose state changed.
 */
export async function setWorksHidden(trx: Db, workIds: number[], hide: { reason: string; action: number } | null, onlyByAction?: number): Promise<number[]> {
  const changed: number[] = [];
  for (const id of workIds) {
    const work = await works.findWork(trx, id);
    if (work === undefined) continue;
    if (hide !== null ? work.hidden === 1 : work.hidden === 0 || (onlyByAction !== undefined && work.hidden_by_action !== onlyByAction)) continue;
    await works.updateWork(trx, id, hide === null
      ? { hidden: 0, hidden_reason: '', hidden_by_action: null }
      : { hidden: 1, hidden_reason: hide.reason, hidden_by_action: hide.action });
    await emit(trx, { type: 'work.saved', workId: id });
    changed.push(id);
  }
  return changed;
}

/** The works an account created (a moderator acting on the account). */
export function worksOfUser(db: Db, userId: number): Promise<number[]> {
  return works.workIdsOfUser(db, userId);
}

/** The account of a work's first creator, for a moderator's history of them. */
export function workOwner(db: Db, workId: number): Promise<number | undefined> {
  return works.firstCreatorUserId(db, workId);
}

/** A work as a moderator reads it, whatever its state (the moderation domain checks who may); undefined when there is none. */
export async function workForModeration(db: Db, workId: number): Promise<{ id: number; title: string; summary: string; posted: boolean; hidden: boolean; hiddenReason: string; ownerId: number | undefined } | undefined> {
  const work = await works.findWork(db, workId);
  if (work === undefined) return undefined;
  return {
    id: work.id, title: work.title, summary: work.summary, posted: work.posted === 1, hidden: work.hidden === 1, hiddenReason: work.hidden_reason,
    ownerId: await works.firstCreatorUserId(db, workId),
  };
}

/** The work a chapter belongs to, or undefined. */
export async function workOfChapter(db: Db, chapterId: number): Promise<number | undefined> {
  return chapters.findChapterWork(db, chapterId);
}

/** Deletes a work for the archive's moderators (the moderation domain checks who may); returns its title. */
export async function removeWork(db: Kysely<Database>, workId: number): Promise<string> {
  const work = await works.findWork(db, workId);
  if (work === undefined) throw notFound('work_not_found');
  await changeWork(db, workId, (trx) => works.deleteWork(trx, workId));
  return work.title;
}

/** Recounts posted chapters and words, completeness and, when asked, the updated time. */
export async function recountWork(trx: Db, workId: number, options: { revisedAt?: string } = {}): Promise<void> {
  // The work's row is locked first: on PostgreSQL two chapters posted at once would otherwise each
  // count before the other committed and both write the smaller count (test/kill-nine.test.ts found it).
  await works.lockWork(trx, workId);
  const work = await works.findWork(trx, workId);
  if (!work) throw notFound('work_not_found');
  const stats = await chapters.postedChapterStats(trx, workId);
  const expected = work.expected_chapters !== null && work.expected_chapters < stats.posted ? stats.posted : work.expected_chapters;
  await works.updateWork(trx, workId, {
    word_count: stats.words, chapter_count: stats.posted, expected_chapters: expected,
    complete: expected !== null && stats.posted === expected ? 1 : 0, updated_at: nowIso(),
    ...(options.revisedAt !== undefined ? { revised_at: options.revisedAt } : {}),
  });
}

/** Posting time for a (possibly backdated) first publication. */
function publicationTimes(backdate: string | null): { publishedOn: string; revisedAt: string } {
  return backdate === null ? { publishedOn: today(), revisedAt: nowIso() } : { publishedOn: backdate, revisedAt: `${backdate}T00:00:00.000Z` };
}

/** Validates a new work and all its chapters together, so one bad chapter stops everything. */
function checkNewWork(input: WorkInput, moreChapters: ChapterInput[]): { clean: CleanWork; chapters: CleanChapter[] } {
  const fields: FieldErrors = {};
  let clean: CleanWork | null = null;
  try { clean = checkWork(input); } catch (error) {
    if (!(error instanceof AppError)) throw error;
    Object.assign(fields, error.fields);
  }
  const more = moreChapters.map((c, i) => checkChapter(c, fields, `chapters[${i + 1}].`));
  if (input.chapter === null) fields['chapter.text'] = 'Chapter text is required.';
  if (Object.keys(fields).length > 0 || clean?.chapter == null) throw invalid(fields);
  return { clean, chapters: [clean.chapter, ...more] };
}

/** Validates and saves a new work with its chapters, all in one transaction; returns its id. */
export async function createWork(
  db: Kysely<Database>, viewer: Viewer, input: WorkInput, mode: SaveMode, moreChapters: ChapterInput[] = [],
  /** Runs inside the same transaction once the work is written (an import claims its row here); throwing undoes the work. */
  alongside?: (trx: Db, workId: number) => Promise<void>,
): Promise<number> {
  const user = mode === 'post' ? requireConfirmed(viewer) : requireUser(viewer);
  const { clean, chapters: all } = checkNewWork(input, moreChapters);
  const pseuds = await resolvePseuds(db, user, clean.pseudIds);
  return inTransaction(db, async (trx) => {
    const now = nowIso();
    const posted = mode === 'post';
    const times = posted ? publicationTimes(clean.backdate) : { publishedOn: clean.backdate, revisedAt: now };
    const workId = await works.insertWork(trx, {
      ...metadata(clean), creator_sort: creatorSortKey(pseuds[0]?.name), posted: posted ? 1 : 0, backdated: clean.backdate === null ? 0 : 1,
      word_count: 0, chapter_count: 0, complete: 0,
      published_on: times.publishedOn, revised_at: times.revisedAt, created_at: now, updated_at: now,
    });
    await works.replaceCreators(trx, workId, pseuds.map((p) => p.id));
    await setWorkTags(trx, workId, tagGroups(clean));
    await recomputeCrossovers(trx, [workId]);
    await works.setRatingFromTags(trx, workId);
    for (const [index, chapter] of all.entries()) {
      await chapters.insertChapter(trx, {
        work_id: workId, position: index + 1, title: chapter.title, summary: chapter.summary, notes: chapter.notes,
        end_notes: chapter.endNotes, content: chapter.content, word_count: countWords(chapter.content),
        posted: posted ? 1 : 0, published_on: times.publishedOn, created_at: now, updated_at: now,
      });
    }
    await recountWork(trx, workId);
    // Before anyone is told of it: a work posted into an anonymous collection is never announced under its creators' names.
    const placement = { collections: input.collections?.trim() ?? '', promptId: input.promptId?.trim() ?? '' };
    if (placement.collections !== '' || placement.promptId !== '') await placeInCollections(trx, viewer, workId, placement);
    // Its recipients hear of it with work.posted below (or when a draft is posted).
    if (input.gifts !== undefined && input.gifts.trim() !== '') await giveFromForm(trx, viewer, workId, input.gifts);
    await emit(trx, { type: 'work.saved', workId });
    // Held for review, it is news to nobody until the moderators approve it (work.revealed then).
    const held = posted && await holdIfSpam(trx, viewer, workId, spamText(clean, all));
    if (posted && !held) await emit(trx, { type: 'work.posted', workId });
    if (alongside !== undefined) await alongside(trx, workId);
    return workId;
  });
}

/** Saves an edit of a work's fields (and of its text when it has a single chapter). */
export async function updateWork(db: Kysely<Database>, viewer: Viewer, workId: number, input: WorkInput): Promise<void> {
  const work = await requireCreator(db, viewer, workId);
  const clean = checkWork(input, work.chapter_count);
  const pseuds = await resolvePseuds(db, requireUser(viewer), clean.pseudIds);
  await changeWork(db, workId, async (trx) => {
    const all = await chapters.listChapters(trx, workId);
    const first = all[0];
    if (clean.chapter !== null && all.length === 1 && first) {
      const c = clean.chapter;
      await chapters.updateChapter(trx, first.id, {
        title: c.title, summary: c.summary, notes: c.notes, end_notes: c.endNotes, content: c.content,
        word_count: countWords(c.content), updated_at: nowIso(),
      });
    }
    await works.updateWork(trx, workId, { ...metadata(clean), creator_sort: creatorSortKey(pseuds[0]?.name), ...backdateChange(work, clean.backdate) });
    if (work.posted === 1 && first && clean.backdate !== null) await chapters.updateChapter(trx, first.id, { published_on: clean.backdate });
    // Only the editor's own pseuds change: co-creators stay.
    await works.replaceOwnCreators(trx, workId, requireUser(viewer).id, pseuds.map((p) => p.id));
    await setWorkTags(trx, workId, tagGroups(clean));
    await recomputeCrossovers(trx, [workId]);
    await works.setRatingFromTags(trx, workId);
    await recountWork(trx, workId);
    if (work.posted === 1) await holdIfSpam(trx, viewer, workId, spamText(clean, clean.chapter === null ? [] : [clean.chapter]));
  });
}

function backdateChange(work: WorkRow, backdate: string | null) {
  if (work.posted === 0) return { backdated: backdate === null ? 0 as const : 1 as const, published_on: backdate };
  if (backdate === null) return { backdated: 0 as const };
  const single = work.chapter_count <= 1 ? { revised_at: `${backdate}T00:00:00.000Z` } : {};
  return { backdated: 1 as const, published_on: backdate, ...single };
}

/** Posts a draft work and all its chapters; the publication date is today unless the draft was backdated. */
export async function postDraft(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<void> {
  const work = await requireCreator(db, viewer, workId);
  if (work.posted === 1) return;
  requireConfirmed(viewer);
  await changeWork(db, workId, async (trx) => {
    const times = publicationTimes(work.backdated === 1 ? work.published_on : null);
    await works.updateWork(trx, workId, { posted: 1, published_on: times.publishedOn });
    for (const chapter of await chapters.listChapters(trx, workId)) {
      await chapters.updateChapter(trx, chapter.id, { posted: 1, published_on: times.publishedOn });
    }
    await recountWork(trx, workId, { revisedAt: times.revisedAt });
    const text = [work.title, work.summary, work.notes, work.end_notes, ...(await chapters.listChapters(trx, workId)).map((c) => `${c.title}\n${c.summary}\n${c.notes}\n${c.content}\n${c.end_notes}`)];
    if (!(await holdIfSpam(trx, viewer, workId, text.join('\n')))) await emit(trx, { type: 'work.posted', workId });
  });
}

/** Deletes a work, its chapters and its tags (the caller asked the writer to confirm). */
export async function deleteWork(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<string> {
  const work = await requireCreator(db, viewer, workId);
  await changeWork(db, workId, (trx) => works.deleteWork(trx, workId));
  return work.title;
}
