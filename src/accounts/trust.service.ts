// Which new works and comments wait for the moderators before anyone else sees them: everything a
// new member writes while the archive holds new accounts, anything holding a banned word or
// domain, and guests' comments full of links. Holding, not refusing: a person caught by mistake
// loses nothing, and a spammer is not told which word gave them away.
import type { ViewerUser } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { findBanned, linkCount, parseBannedList } from '../lib/spam-words.js';
import { archiveSettings } from './settings.service.js';
import { markTrusted } from './user.repository.js';

/** Links a guest's comment may hold before it waits for review. */
export const GUEST_LINKS_HELD = 2;

/** Why what this writer (null: a guest) wrote must wait for review, or null when it may show at once. */
export async function holdReason(db: Db, writer: ViewerUser | null, html: string): Promise<string | null> {
  const settings = await archiveSettings(db);
  if (writer !== null && !writer.trusted && settings.holdNewAccounts) return 'A new member\'s first work or comment.';
  const banned = findBanned(html, parseBannedList(settings.bannedWords));
  if (banned !== null) return `Holds “${banned}”, on the banned list.`;
  if (writer === null && linkCount(html) > GUEST_LINKS_HELD) return `A guest's comment with ${linkCount(html)} links.`;
  return null;
}

/** Trusts a member once moderators approved something they wrote: what they write next shows at once. */
export async function trustMember(trx: Db, userId: number): Promise<void> {
  await markTrusted(trx, userId, nowIso());
}
