// Works the spam checks hold for the moderators' review (accounts/trust.service.ts): hidden from
// all but their creators, told of to nobody, until a moderator approves them (moderation/held.service.ts).
import type { Db } from '../db/database.js';
import type { Viewer } from '../access/viewer.js';
import { emit } from '../events/bus.js';
import { holdReason } from '../accounts/trust.service.js';
import * as works from './work.repository.js';

/** The text of a new work the spam checks read: its fields and every chapter. */
export function spamText(clean: { title: string; summary: string; notes: string; endNotes: string }, all: Array<{ title: string; summary: string; notes: string; endNotes: string; content: string }>): string {
  return [clean.title, clean.summary, clean.notes, clean.endNotes, ...all.map((c) => `${c.title}\n${c.summary}\n${c.notes}\n${c.content}\n${c.endNotes}`)].join('\n');
}

/**
 * Holds a posted work for the moderators when what its creator just wrote trips the spam checks
 * (accounts/trust.service.ts): only its creators see it until it is approved. True when the work
 * is out of readers' sight (held now, or hidden already).
 */
export async function holdIfSpam(trx: Db, viewer: Viewer, workId: number, html: string): Promise<boolean> {
  const reason = await holdReason(trx, viewer.user, html);
  const work = await works.findWork(trx, workId);
  if (work === undefined || work.hidden === 1) return work !== undefined;
  if (reason === null) return false;
  await works.updateWork(trx, workId, { hidden: 1, hidden_reason: '', hidden_by_action: null });
  await emit(trx, { type: 'work.saved', workId });
  await emit(trx, { type: 'content.held', kind: 'work', id: workId, userId: viewer.user?.id ?? null, reason });
  return true;
}

/** Shows a work the moderators approved after holding it: its followers, gift recipients and prompters hear of it now. */
export async function releaseHeldWork(trx: Db, workId: number): Promise<boolean> {
  const work = await works.findWork(trx, workId);
  if (work?.hidden !== 1 || work.hidden_by_action !== null) return false;
  await works.updateWork(trx, workId, { hidden: 0, hidden_reason: '', hidden_by_action: null });
  await emit(trx, { type: 'work.saved', workId });
  if (work.posted === 1) await emit(trx, { type: 'work.revealed', workId });
  return true;
}
