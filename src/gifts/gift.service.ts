// Gifts: a creator gives a work to a member or to a name without an account here ("For Ines." at
// the top of its notes). A member may refuse a gift, which then shows nowhere, and may choose not
// to accept gifts at all. A member's gifts page lists the works given to them that its reader may
// see. A member is emailed when a work given to them is posted (or given once posted). Whatever
// the work page shows of its gifts moves the work's content version.
import { blockedBy } from '../access/blocking.js';
import type { Kysely } from 'kysely';
import { requireCreator, requireUser } from '../access/permissions.js';
import { scopeOf } from '../access/scope.js';
import type { Viewer } from '../access/viewer.js';
import { mailPreferences, preferencesOf } from '../accounts/preferences.service.js';
import { getUserByLogin } from '../accounts/user.service.js';
import type { Database, Db, UserRow } from '../db/database.js';
import { inTransaction, onWrite } from '../events/bus.js';
import { deliverMail } from '../mail/digest.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { charLength, cleanLine, foldKey } from '../lib/text.js';
import { workForNotice, worksInOrder } from '../works/reading.service.js';
import { giftMail } from './views/gift-mail.js';
import type { GiftRecipient } from '../works/work-associations.js';
import type { ShownWork } from '../works/work.model.js';
import { refreshWorkPages } from '../works/work.service.js';
import * as repo from './gift.repository.js';

export const GIFT_NAME_MAX = 100;

export type WorkGift = GiftRecipient & { id: number };

/** Emails the members a posted work was given to (or one of them) that it is theirs to read. */
async function tellRecipients(trx: Db, workId: number, only: number | null = null): Promise<void> {
  const work = await workForNotice(trx, workId);
  if (work?.tellable !== true) return;
  const ids = (await repo.giftsOfWork(trx, workId)).flatMap((g) => (g.recipient_id !== null && (only === null || g.recipient_id === only) ? [g.recipient_id] : []));
  const people = await mailPreferences(trx, ids);
  for (const userId of ids) {
    const person = people.get(userId);
    if (person === undefined) continue;
    await deliverMail(trx, { userId, digest: person.digest }, giftMail({ to: person.email, login: person.login, byline: work.byline, workId, workTitle: work.title }), nowIso());
  }
}

/** Called once by wiring.ts: a gifted draft, once posted (or its collection revealed), reaches its recipients' email. */
export function subscribeGiftNotices(): Array<() => void> {
  return [onWrite('work.posted', (trx, event) => tellRecipients(trx, event.workId)), onWrite('work.revealed', (trx, event) => tellRecipients(trx, event.workId))];
}

/** Who a work was given to, refused gifts left out (the work page's "For ..."). */
export async function recipientsOf(db: Db, workId: number): Promise<GiftRecipient[]> {
  return (await repo.giftsOfWork(db, workId)).map((g) => ({ name: g.recipient_name, login: g.login }));
}

/** A creator's own work with its gifts, for the Gifts page of the work. */
export async function giftsForCreator(db: Db, viewer: Viewer, workId: number): Promise<{ title: string; gifts: WorkGift[] }> {
  const work = await requireCreator(db, viewer, workId);
  return { title: work.title, gifts: (await repo.giftsOfWork(db, workId)).map((g) => ({ id: g.id, name: g.recipient_name, login: g.login })) };
}

async function memberNamed(db: Db, name: string): Promise<UserRow | null> {
  try {
    return await getUserByLogin(db, name);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** Checks one recipient typed for a work; returns who it names, or throws a field error on `field`. */
async function recipientFor(db: Db, user: { id: number }, workId: number, recipient: string, field: string): Promise<{ member: UserRow | null; shown: string; key: string }> {
  const name = cleanLine(recipient);
  if (name === '') throw invalid({ [field]: 'Give the login of a member here, or the name of someone without an account.' });
  if (charLength(name) > GIFT_NAME_MAX) throw invalid({ [field]: `A name can be at most ${GIFT_NAME_MAX} characters long.` });
  const member = await memberNamed(db, name);
  if (member?.id === user.id) throw invalid({ [field]: 'You can’t give a work to yourself.' });
  if (member !== null && !(await preferencesOf(db, member.id)).acceptGifts) throw invalid({ [field]: `${member.login} does not accept gifts.` });
  if (member !== null && await blockedBy(db, member.id, user.id)) throw invalid({ [field]: `${member.login} does not accept gifts from you.` });
  const shown = member?.login ?? name;
  const key = member === null ? `name:${foldKey(name)}` : `user:${member.id}`;
  if (await repo.hasGift(db, workId, key)) throw invalid({ [field]: `This work was already given to ${shown}.` });
  return { member, shown, key };
}

/** The new-work form's "Gift this work to", inside the transaction that writes the work (works/work-associations.ts): its recipients hear of it when it is posted. */
export async function giveNewWork(trx: Db, viewer: Viewer, workId: number, names: string): Promise<void> {
  const user = requireUser(viewer);
  for (const recipient of [...new Set(names.split(',').map((n) => n.trim()).filter((n) => n !== ''))]) {
    const { member, shown, key } = await recipientFor(trx, user, workId, recipient, 'gifts');
    await repo.insertGift(trx, { work_id: workId, recipient_id: member?.id ?? null, recipient_name: shown, recipient_key: key, created_at: nowIso() });
  }
}

/** Gives one of the viewer's works to a member (by login) or to any other name. */
export async function giveGift(db: Kysely<Database>, viewer: Viewer, workId: number, recipient: string): Promise<string> {
  const user = requireUser(viewer);
  await requireCreator(db, viewer, workId);
  const { member, shown, key } = await recipientFor(db, user, workId, recipient, 'recipient');
  await inTransaction(db, async (trx) => {
    await repo.insertGift(trx, { work_id: workId, recipient_id: member?.id ?? null, recipient_name: shown, recipient_key: key, created_at: nowIso() });
    await refreshWorkPages(trx, [workId]);
    if (member !== null) await tellRecipients(trx, workId, member.id);
  });
  return shown;
}

/**
 * Gives a work to a member inside the caller's transaction (a gift exchange's assignment, which
 * its recipient signed up for): nothing if it is theirs already; they are emailed once it is posted.
 */
export async function giveToMember(trx: Db, workId: number, member: { id: number; login: string }): Promise<void> {
  if (await repo.hasGift(trx, workId, `user:${member.id}`)) return;
  await repo.insertGift(trx, { work_id: workId, recipient_id: member.id, recipient_name: member.login, recipient_key: `user:${member.id}`, created_at: nowIso() });
  await refreshWorkPages(trx, [workId]);
  await tellRecipients(trx, workId, member.id);
}

/** Takes a gift back (the work's creators). */
export async function removeGift(db: Kysely<Database>, viewer: Viewer, giftId: number): Promise<number> {
  const gift = Number.isSafeInteger(giftId) ? await repo.findGift(db, giftId) : undefined;
  if (gift === undefined) throw notFound();
  await requireCreator(db, viewer, gift.work_id);
  await inTransaction(db, async (trx) => {
    await repo.deleteGift(trx, giftId);
    await refreshWorkPages(trx, [gift.work_id]);
  });
  return gift.work_id;
}

/** Refuses a gift (its recipient alone): it no longer shows, on the work or on their gifts page. */
export async function refuseGift(db: Kysely<Database>, viewer: Viewer, giftId: number): Promise<void> {
  const user = requireUser(viewer);
  const gift = Number.isSafeInteger(giftId) ? await repo.findGift(db, giftId) : undefined;
  if (gift?.recipient_id !== user.id || gift.refused === 1) throw notFound();
  await inTransaction(db, async (trx) => {
    await repo.refuseGift(trx, giftId);
    await refreshWorkPages(trx, [gift.work_id]);
  });
}

/** The works given to a member that the viewer may see, newest gift first. */
export async function giftsOf(db: Db, viewer: Viewer, login: string): Promise<{ login: string; mine: boolean; gifts: Array<{ id: number; work: ShownWork }> }> {
  const member = await getUserByLogin(db, login);
  const rows = await repo.giftedWorkIds(db, scopeOf(viewer), member.id);
  const works = new Map((await worksInOrder(db, viewer, rows.map((r) => r.work_id))).map((w) => [w.id, w]));
  const gifts = rows.flatMap((r) => {
    const work = works.get(r.work_id);
    return work === undefined ? [] : [{ id: r.gift_id, work }];
  });
  return { login: member.login, mine: viewer.user?.id === member.id, gifts };
}
