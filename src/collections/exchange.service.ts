// Gift exchanges: a collection whose challenge is "gift_exchange". Members sign up inside the
// window with a request and an offer (tags by type, at most so many fandoms); the maintainers
// run the matching (exchange-matching.ts), review it, swap recipients, and send the assignments
// (email and the assignments page); each writer fulfils theirs with a work posted into the
// collection as a gift to the recipient, or defaults, and a pinch hitter the maintainers name
// takes it over. Reveals follow the collection's settings.
import type { Kysely } from 'kysely';
import { requireCreator, requireUser } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { mailPreferences } from '../accounts/preferences.service.js';
import { getUserByLogin } from '../accounts/user.service.js';
import type { CollectionRow, Database, Db, ExchangeSide } from '../db/database.js';
import { inTransaction } from '../events/bus.js';
import { AppError, forbidden, invalid, notFound, type FieldErrors } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { charLength, foldKey } from '../lib/text.js';
import { deliverMail } from '../mail/digest.js';
import { splitTagField, tagListProblem } from '../tags/tag.validation.js';
import { giveToMember } from '../gifts/gift.service.js';
import * as collections from './collection.repository.js';
import { getCollection, placeWork, requireMaintainer, type CollectionView } from './collection.service.js';
import { typedUtcTime } from './collection.validation.js';
import { matchExchange, type MatchSignup } from './exchange-matching.js';
import * as repo from './exchange.repository.js';
import { assignmentMail } from './views/exchange-mail.js';

export const TAG_TYPES = [['fandom', 'Fandoms'], ['character', 'Characters'], ['relationship', 'Relationships'], ['freeform', 'Other tags']] as const;
export type TagType = (typeof TAG_TYPES)[number][0];
const NOTES_MAX = 2000;

/** A sign-up as typed: for each side and type, comma-separated tags; notes for the writer. */
export type SignupInput = { request: Record<TagType, string>; offer: Record<TagType, string>; notes: string };
export type SettingsInput = { opensAt: string; closesAt: string; dueAt: string; fandomsMax: string; matchTypes: string[]; matchCount: string };

/** An exchange by name: 404 when there is none (or the collection runs no exchange). */
export async function getExchange(db: Db, viewer: Viewer, name: string): Promise<CollectionView & { settings: repo.ExchangeSettings }> {
  const view = await getCollection(db, viewer, name);
  if (view.row.challenge !== 'gift_exchange') throw notFound();
  return { ...view, settings: await repo.settingsOf(db, view.row.id) };
}

function whenText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Sets the window, the due date and the matching rules (the maintainers). */
export async function saveSettings(db: Kysely<Database>, viewer: Viewer, name: string, input: SettingsInput): Promise<void> {
  const { row } = await requireMaintainer(db, viewer, name);
  const fields: FieldErrors = {};
  const times = { opensAt: typedUtcTime(input.opensAt), closesAt: typedUtcTime(input.closesAt), dueAt: typedUtcTime(input.dueAt) };
  for (const [field, value] of Object.entries(times)) if (value === undefined) fields[field] = 'Give a date and time as YYYY-MM-DD HH:MM (UTC), or leave it empty.';
  if (typeof times.opensAt === 'string' && typeof times.closesAt === 'string' && times.closesAt <= times.opensAt) fields.closesAt = 'Sign-ups must close after they open.';
  const fandomsMax = Number(input.fandomsMax);
  if (!Number.isInteger(fandomsMax) || fandomsMax < 1 || fandomsMax > 20) fields.fandomsMax = 'Choose a number of fandoms from 1 to 20.';
  const matchCount = Number(input.matchCount);
  if (!Number.isInteger(matchCount) || matchCount < 1 || matchCount > 10) fields.matchCount = 'Choose how many tags must match, from 1 to 10.';
  const types = input.matchTypes.filter((t) => TAG_TYPES.some(([type]) => type === t));
  if (types.length === 0) fields.matchTypes = 'Choose at least one kind of tag that must match.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  await repo.settingsOf(db, row.id);
  await repo.updateSettings(db, row.id, {
    signups_open_at: times.opensAt ?? null, signups_close_at: times.closesAt ?? null, due_at: times.dueAt ?? null,
    fandoms_max: fandomsMax, match_types: types.join(','), match_count: matchCount,
  });
}

function checkSide(side: ExchangeSide, typed: Record<TagType, string>, fandomsMax: number, fields: FieldErrors): Array<{ side: ExchangeSide; type: string; name: string; name_key: string }> {
  const tags = TAG_TYPES.flatMap(([type]) => splitTagField(typed[type]).map((name) => ({ side, type, name, name_key: foldKey(name) })));
  const fandoms = tags.filter((t) => t.type === 'fandom').length;
  const problem = tagListProblem(tags.map((t) => t.name));
  if (fandoms === 0) fields[`${side}.fandom`] = `Name at least one fandom ${side === 'request' ? 'you would like to receive' : 'you can write for'}.`;
  else if (fandoms > fandomsMax) fields[`${side}.fandom`] = `Name at most ${fandomsMax} fandoms.`;
  else if (problem !== null) fields[`${side}.fandom`] = problem;
  return tags;
}

/** Signs the viewer up (or changes their sign-up) while the window is open. */
export async function signUpFor(db: Kysely<Database>, viewer: Viewer, name: string, input: SignupInput): Promise<void> {
  const user = requireUser(viewer, 'Log in to sign up.');
  const { row, settings } = await getExchange(db, viewer, name);
  const now = nowIso();
  const fields: FieldErrors = {};
  if (settings.signups_open_at === null || settings.signups_open_at > now) fields.signup = settings.signups_open_at === null ? 'Sign-ups are not open yet.' : `Sign-ups open on ${whenText(settings.signups_open_at)}.`;
  else if (settings.signups_close_at !== null && settings.signups_close_at <= now) fields.signup = `Sign-ups closed on ${whenText(settings.signups_close_at)}.`;
  else if (settings.assignments_sent === 1) fields.signup = 'Assignments have been sent: sign-ups are over.';
  const tags = [...checkSide('request', input.request, settings.fandoms_max, fields), ...checkSide('offer', input.offer, settings.fandoms_max, fields)];
  if (charLength(input.notes) > NOTES_MAX) fields.notes = `Notes can be at most ${NOTES_MAX.toLocaleString('en-US')} characters long.`;
  if (Object.keys(fields).length > 0) throw invalid(fields);
  await inTransaction(db, (trx) => repo.saveSignup(trx, { collection_id: row.id, user_id: user.id, request_notes: input.notes.trim(), created_at: now }, tags));
}

/** The viewer's sign-up as the form shows it (empty when none). */
export async function signupOf(db: Db, viewer: Viewer, collectionId: number): Promise<SignupInput> {
  const blank = (): Record<TagType, string> => ({ fandom: '', character: '', relationship: '', freeform: '' });
  const input: SignupInput = { request: blank(), offer: blank(), notes: '' };
  if (viewer.user === null) return input;
  const signup = await repo.findSignup(db, collectionId, viewer.user.id);
  if (signup === undefined) return input;
  input.notes = signup.request_notes;
  for (const tag of (await repo.tagsOfSignups(db, collectionId)).filter((t) => t.signup_id === signup.id)) {
    const side = input[tag.side];
    const type = tag.type as TagType;
    side[type] = side[type] === '' ? tag.name : `${side[type]}, ${tag.name}`;
  }
  return input;
}

/** Loads an exchange's sign-ups in the matching's shape, with who each one is. */
async function matchInput(db: Db, collectionId: number): Promise<{ signups: MatchSignup[]; people: Map<number, { user_id: number; login: string; notes: string }> }> {
  const rows = await repo.signupsOf(db, collectionId);
  const byId = new Map<number, MatchSignup>(rows.map((r) => [r.id, { id: r.id, request: new Map(), offer: new Map() }]));
  for (const tag of await repo.tagsOfSignups(db, collectionId)) {
    const side = byId.get(tag.signup_id)?.[tag.side];
    if (side !== undefined) side.set(tag.type, (side.get(tag.type) ?? new Set()).add(tag.name_key));
  }
  return { signups: [...byId.values()], people: new Map(rows.map((r) => [r.id, { user_id: r.user_id, login: r.login, notes: r.request_notes }])) };
}

/** Runs the matching (the maintainers), replacing any earlier unsent result; returns how many were matched and how many not. */
export async function runMatching(db: Kysely<Database>, viewer: Viewer, name: string): Promise<{ matched: number; unmatched: number }> {
  const { row, settings } = await getExchange(db, viewer, name);
  await requireMaintainer(db, viewer, name);
  if (settings.assignments_sent === 1) throw invalid({ matching: 'Assignments have been sent: the matching can no longer be run again.' });
  const { signups, people } = await matchInput(db, row.id);
  const result = matchExchange(signups, { types: settings.match_types.split(','), count: settings.match_count });
  await inTransaction(db, (trx) => repo.replaceAssignments(trx, row.id, result.pairs.map((p) => ({
    collection_id: row.id, giver_id: p.giver, recipient_id: p.recipient, writer_user_id: people.get(p.giver)?.user_id ?? 0,
  }))));
  return { matched: result.pairs.length, unmatched: result.unmatched.length };
}

/** An assignment as a page shows it: who writes for whom, what they asked for, how it stands. */
export type AssignmentView = {
  id: number; writer: string; recipient: string; request: Array<{ type: string; names: string[] }>; notes: string;
  workId: number | null; defaulted: boolean; pinchHit: boolean; mine: boolean;
};

/** The exchange's assignments for the viewer: every one for a maintainer, their own for a participant; and the sign-ups nobody was matched to give to. */
export async function assignmentsFor(db: Db, viewer: Viewer, name: string): Promise<{ view: CollectionView & { settings: repo.ExchangeSettings }; assignments: AssignmentView[]; unmatched: string[]; signups: number }> {
  requireUser(viewer);
  const view = await getExchange(db, viewer, name);
  const rows = await repo.assignmentsOf(db, view.row.id);
  const { people } = await matchInput(db, view.row.id);
  const tags = await repo.tagsOfSignups(db, view.row.id);
  const logins = await collections.loginsOf(db, rows.map((r) => r.writer_user_id));
  const me = viewer.user?.id ?? 0;
  // A participant sees their assignment only once the maintainers sent it.
  const shown = view.maintainer ? rows : view.settings.assignments_sent === 1 ? rows.filter((r) => r.writer_user_id === me) : [];
  const assignments = shown.map((r): AssignmentView => ({
    id: r.id, writer: logins.get(r.writer_user_id) ?? '', recipient: people.get(r.recipient_id)?.login ?? '', notes: people.get(r.recipient_id)?.notes ?? '',
    request: TAG_TYPES.map(([type]) => ({ type, names: tags.filter((t) => t.signup_id === r.recipient_id && t.side === 'request' && t.type === type).map((t) => t.name) })).filter((g) => g.names.length > 0),
    workId: r.work_id, defaulted: r.defaulted === 1, pinchHit: r.pinch_hit === 1, mine: r.writer_user_id === me,
  }));
  const received = new Set(rows.map((r) => r.recipient_id));
  const unmatched = view.maintainer ? [...people.entries()].filter(([id]) => !received.has(id)).map(([, p]) => p.login) : [];
  return { view, assignments, unmatched, signups: people.size };
}

async function maintainedAssignment(db: Db, viewer: Viewer, id: number): Promise<{ row: repo.AssignmentRow; collection: CollectionRow }> {
  const row = Number.isSafeInteger(id) ? await repo.findAssignment(db, id) : undefined;
  if (row === undefined) throw notFound();
  const collection = await collections.findCollectionById(db, row.collection_id);
  await requireMaintainer(db, viewer, collection.name);
  return { row, collection };
}

/** Swaps the recipients of two assignments before they are sent (the maintainers). */
export async function swapRecipients(db: Kysely<Database>, viewer: Viewer, first: number, second: number): Promise<CollectionRow> {
  const a = await maintainedAssignment(db, viewer, first);
  const b = await maintainedAssignment(db, viewer, second);
  if (a.collection.id !== b.collection.id) throw invalid({ swap: 'Both assignments must belong to the same exchange.' });
  if ((await repo.settingsOf(db, a.collection.id)).assignments_sent === 1) throw invalid({ swap: 'Assignments have been sent: they can no longer be swapped.' });
  if (a.row.giver_id === b.row.recipient_id || b.row.giver_id === a.row.recipient_id) throw invalid({ swap: 'That swap would have someone write for themselves.' });
  await inTransaction(db, async (trx) => {
    await repo.updateAssignment(trx, a.row.id, { recipient_id: b.row.recipient_id });
    await repo.updateAssignment(trx, b.row.id, { recipient_id: a.row.recipient_id });
  });
  return a.collection;
}

async function mailAssignment(trx: Db, collection: CollectionRow, assignment: AssignmentView, userId: number, dueAt: string | null): Promise<void> {
  const person = (await mailPreferences(trx, [userId])).get(userId);
  if (person === undefined) return;
  const mail = assignmentMail({ to: person.email, login: person.login, collectionName: collection.name, collectionTitle: collection.title, recipient: assignment.recipient, request: assignment.request, notes: assignment.notes, dueAt });
  await deliverMail(trx, { userId, digest: false }, mail, nowIso());
}

/** Sends every assignment to its writer, by email and on the assignments page (the maintainers). */
export async function sendAssignments(db: Kysely<Database>, viewer: Viewer, name: string): Promise<number> {
  const { assignments, view } = await assignmentsFor(db, viewer, name);
  if (!view.maintainer) throw forbidden('Only the maintainers of this collection can do that.');
  if (view.settings.assignments_sent === 1) throw invalid({ matching: 'The assignments were already sent.' });
  if (assignments.length === 0) throw invalid({ matching: 'Run the matching first: there is nothing to send.' });
  const rows = new Map((await repo.assignmentsOf(db, view.row.id)).map((r) => [r.id, r]));
  await inTransaction(db, async (trx) => {
    await repo.updateSettings(trx, view.row.id, { assignments_sent: 1 });
    for (const a of assignments) await mailAssignment(trx, view.row, a, rows.get(a.id)?.writer_user_id ?? 0, view.settings.due_at);
  });
  return assignments.length;
}

/** The viewer's own assignment (they write it now): 404 for anyone else. */
async function ownAssignment(db: Db, viewer: Viewer, id: number): Promise<repo.AssignmentRow> {
  const user = requireUser(viewer);
  const row = Number.isSafeInteger(id) ? await repo.findAssignment(db, id) : undefined;
  if (row?.writer_user_id !== user.id) throw notFound();
  return row;
}

/** Fulfils an assignment with one of the writer's works: it joins the exchange's collection and becomes a gift to the recipient. */
export async function fulfilAssignment(db: Kysely<Database>, viewer: Viewer, id: number, work: string): Promise<CollectionRow> {
  const row = await ownAssignment(db, viewer, id);
  const workId = Number(/(?:^|\/works\/)(\d+)\/?$/.exec(work.trim())?.[1] ?? NaN);
  if (!Number.isSafeInteger(workId)) throw invalid({ work: 'Give the address of one of your works (…/works/123) or its number.' });
  try { await requireCreator(db, viewer, workId); } catch (error) {
    if (error instanceof AppError && (error.code === 'work_not_found' || error.code === 'forbidden')) throw invalid({ work: 'That is not one of your works.' });
    throw error;
  }
  const collection = await collections.findCollectionById(db, row.collection_id);
  const recipient = (await repo.signupsOf(db, collection.id)).find((s) => s.id === row.recipient_id);
  if (recipient === undefined) throw notFound();
  await inTransaction(db, async (trx) => {
    if (!(await collections.hasItem(trx, collection.id, workId))) await placeWork(trx, viewer, workId, collection);
    await giveToMember(trx, workId, { id: recipient.user_id, login: recipient.login });
    await repo.updateAssignment(trx, row.id, { work_id: workId, defaulted: 0 });
  });
  return collection;
}

/** The writer gives up their assignment (a default): the maintainers may give it to a pinch hitter. */
export async function defaultAssignment(db: Kysely<Database>, viewer: Viewer, id: number): Promise<CollectionRow> {
  const row = await ownAssignment(db, viewer, id);
  if (row.work_id !== null) throw invalid({ work: 'This assignment is fulfilled already.' });
  await repo.updateAssignment(db, row.id, { defaulted: 1 });
  return collections.findCollectionById(db, row.collection_id);
}

/** Gives a defaulted assignment to a pinch hitter, who is sent it (the maintainers). */
export async function pinchHit(db: Kysely<Database>, viewer: Viewer, id: number, login: string): Promise<CollectionRow> {
  const { row, collection } = await maintainedAssignment(db, viewer, id);
  if (row.defaulted !== 1) throw invalid({ login: 'Only a defaulted assignment can go to a pinch hitter.' });
  let user;
  try { user = await getUserByLogin(db, login.trim()); } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw invalid({ login: `There is no member named ${login.trim() || '(nothing)'}.` });
    throw error;
  }
  const recipient = (await repo.signupsOf(db, collection.id)).find((s) => s.id === row.recipient_id);
  if (recipient?.user_id === user.id) throw invalid({ login: `${user.login} is this assignment’s recipient.` });
  await inTransaction(db, async (trx) => {
    await repo.updateAssignment(trx, row.id, { writer_user_id: user.id, defaulted: 0, pinch_hit: 1 });
    const settings = await repo.settingsOf(trx, collection.id);
    const view = (await assignmentsFor(trx, viewer, collection.name)).assignments.find((a) => a.id === row.id);
    if (view !== undefined) await mailAssignment(trx, collection, view, user.id, settings.due_at);
  });
  return collection;
}
