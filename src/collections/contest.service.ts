// Contests (beyond AO3): a collection whose challenge is "contest". Entries are works posted into
// it before submissions close, anonymous while voting lasts. The collection's members vote, one
// vote per member per category and never for their own entry, until voting closes; then the
// results are published with the creators revealed (the reveal clock, or the first look at the
// results, reveals them, exactly once). The maintainers can audit every ballot at any time.
import type { Kysely } from 'kysely';
import { findWorkAccess } from '../access/access.repository.js';
import { requireUser } from '../access/permissions.js';
import { scopeOf } from '../access/scope.js';
import type { Viewer } from '../access/viewer.js';
import type { Database, Db } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { invalid, notFound, type FieldErrors } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { charLength, cleanLine } from '../lib/text.js';
import { worksInOrder } from '../works/reading.service.js';
import type { ShownWork } from '../works/work.model.js';
import * as collections from './collection.repository.js';
import { getCollection, requireMaintainer, revealDue, type CollectionView } from './collection.service.js';
import { typedUtcTime } from './collection.validation.js';
import * as repo from './contest.repository.js';

export type ContestPhase = 'submissions' | 'voting' | 'closed';
export type ContestSettingsInput = { submissionsCloseAt: string; votingClosesAt: string; categories: string };
export type ContestView = CollectionView & { settings: repo.ContestSettings; categories: string[]; phase: ContestPhase };

const CATEGORIES_MAX = 10;

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Where a contest stands now. */
export function phaseOf(settings: repo.ContestSettings, now = nowIso()): ContestPhase {
  if (settings.submissions_close_at === null || settings.submissions_close_at > now) return 'submissions';
  if (settings.voting_closes_at === null || settings.voting_closes_at > now) return 'voting';
  return 'closed';
}

/** A contest by name: 404 when there is none (or the collection runs no contest). */
export async function getContest(db: Db, viewer: Viewer, name: string): Promise<ContestView> {
  const view = await getCollection(db, viewer, name);
  if (view.row.challenge !== 'contest') throw notFound();
  const settings = await repo.contestSettingsOf(db, view.row.id);
  return { ...view, settings, categories: settings.categories.split('\n').filter((c) => c !== ''), phase: phaseOf(settings) };
}

/** Sets the windows and the categories (the maintainers); the creators are revealed when voting closes. */
export async function saveContestSettings(db: Kysely<Database>, viewer: Viewer, name: string, input: ContestSettingsInput): Promise<void> {
  const { row } = await requireMaintainer(db, viewer, name);
  const settings = await repo.contestSettingsOf(db, row.id);
  const fields: FieldErrors = {};
  const submissions = typedUtcTime(input.submissionsCloseAt);
  const voting = typedUtcTime(input.votingClosesAt);
  if (submissions === undefined) fields.submissionsCloseAt = 'Give a date and time as YYYY-MM-DD HH:MM (UTC).';
  if (voting === undefined) fields.votingClosesAt = 'Give a date and time as YYYY-MM-DD HH:MM (UTC).';
  else if (voting !== null && voting <= nowIso() && voting !== settings.voting_closes_at) fields.votingClosesAt = 'That time has passed: choose one ahead.';
  else if (typeof voting === 'string' && typeof submissions === 'string' && voting <= submissions) fields.votingClosesAt = 'Voting must close after submissions close.';
  const categories = [...new Set(input.categories.split('\n').map(cleanLine).filter((c) => c !== ''))];
  if (categories.length === 0) fields.categories = 'Give at least one category, one a line.';
  else if (categories.length > CATEGORIES_MAX) fields.categories = `A contest can have at most ${CATEGORIES_MAX} categories.`;
  else if (categories.some((c) => charLength(c) > 100)) fields.categories = 'A category’s name can be at most 100 characters long.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  await inTransaction(db, async (trx) => {
    await repo.updateContestSettings(trx, row.id, { submissions_close_at: submissions ?? null, voting_closes_at: voting ?? null, categories: categories.join('\n') });
    await collections.updateCollection(trx, row.id, { reveal_creators_at: voting ?? null, updated_at: nowIso() });
  });
}

/** The entries the viewer may see (approved works of the collection), in the order they came. */
async function entriesOf(db: Db, viewer: Viewer, collectionId: number): Promise<ShownWork[]> {
  return worksInOrder(db, viewer, await collections.approvedWorkIds(db, collectionId));
}

/** The ballot: the categories, the entries, and the viewer's votes so far. */
export async function ballotOf(db: Db, viewer: Viewer, name: string): Promise<{ contest: ContestView; entries: ShownWork[]; mine: Map<string, number> }> {
  const contest = await getContest(db, viewer, name);
  const mine = viewer.user === null ? new Map<string, number>() : await repo.votesOf(db, contest.row.id, viewer.user.id);
  return { contest, entries: await entriesOf(db, viewer, contest.row.id), mine };
}

/** Casts the viewer's vote in one category: members only, while voting is open, once, never for their own entry. */
export async function castVote(db: Kysely<Database>, viewer: Viewer, name: string, category: string, workId: number): Promise<void> {
  const user = requireUser(viewer, 'Log in to vote.');
  const contest = await getContest(db, viewer, name);
  const field = `vote-${contest.categories.indexOf(category)}`;
  if (!contest.categories.includes(category)) throw invalid({ vote: 'Choose one of the contest’s categories.' });
  if (contest.role === null) throw invalid({ [field]: 'Only members of this contest can vote: ask its owners to add you.' });
  if (contest.phase === 'submissions') throw invalid({ [field]: contest.settings.submissions_close_at === null ? 'Voting has not opened yet.' : `Voting opens when submissions close, on ${when(contest.settings.submissions_close_at)}.` });
  if (contest.phase === 'closed') throw invalid({ [field]: `Voting closed on ${when(contest.settings.voting_closes_at ?? '')}.` });
  if (!(await collections.approvedWorkIds(db, contest.row.id)).includes(workId)) throw invalid({ [field]: 'Choose one of the entries.' });
  // One's own entry: told in the same words whoever wrote the others, so the refusal names nobody else's.
  if ((await findWorkAccess(db, scopeOf(viewer), workId))?.creator === true) throw invalid({ [field]: 'You can’t vote for your own entry.' });
  const cast = await repo.insertVote(db, { collection_id: contest.row.id, category, user_id: user.id, work_id: workId, created_at: nowIso() });
  if (!cast) throw invalid({ [field]: `You have already voted in ${category}.` });
}

/** Results by category, for everyone once voting has closed (revealing the creators then if the clock has not yet) and for the maintainers at any time. */
export async function resultsOf(db: Kysely<Database>, viewer: Viewer, name: string): Promise<{ contest: ContestView; results: Array<{ category: string; rows: Array<{ work: ShownWork; votes: number }> }> } | { contest: ContestView; results: null }> {
  let contest = await getContest(db, viewer, name);
  if (contest.phase !== 'closed' && !contest.maintainer) return { contest, results: null };
  if (contest.phase === 'closed' && contest.row.creators_revealed === 0) {
    await revealDue(db);
    contest = await getContest(db, viewer, name);
  }
  const counts = await repo.voteCounts(db, contest.row.id);
  const entries = new Map((await entriesOf(db, viewer, contest.row.id)).map((w) => [w.id, w]));
  const results = contest.categories.map((category) => ({
    category,
    rows: [...entries.values()].map((work) => ({ work, votes: counts.find((c) => c.category === category && c.work_id === work.id)?.votes ?? 0 }))
      .sort((a, b) => b.votes - a.votes || a.work.id - b.work.id),
  }));
  return { contest, results };
}

/** Every ballot, for the maintainers. */
export async function auditOf(db: Db, viewer: Viewer, name: string): Promise<{ contest: ContestView; ballots: Array<{ category: string; login: string; work_id: number; created_at: string }> }> {
  await requireMaintainer(db, viewer, name);
  const contest = await getContest(db, viewer, name);
  return { contest, ballots: await repo.ballots(db, contest.row.id) };
}
