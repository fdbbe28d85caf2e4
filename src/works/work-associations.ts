// What a work is associated with, shown at the top of its notes (AO3's ul.associations): for now
// the people it was given to ("For Ines."). The gifts domain fills this in (wiring.ts), so works
// never imports gifts.
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';

/** Someone a work was given to: a member (linked to their gifts) or a name without an account. */
export type GiftRecipient = { name: string; login: string | null };

type AssociationSource = (db: Db, workId: number) => Promise<GiftRecipient[]>;

let source: AssociationSource = () => Promise.resolve([]);

/** Called once by wiring.ts. */
export function provideGiftRecipients(next: AssociationSource): void {
  source = next;
}

/** Who the work was given to (refused gifts left out). */
export function giftRecipients(db: Db, workId: number): Promise<GiftRecipient[]> {
  return source(db, workId);
}

/** Gives a new work to the names typed in its form (comma-separated), inside the transaction that writes it; throws a field error on "gifts". */
type GiftGiver = (trx: Db, viewer: Viewer, workId: number, names: string) => Promise<void>;

let giver: GiftGiver = () => Promise.resolve();

/** Called once by wiring.ts. */
export function provideGiftGiver(next: GiftGiver): void {
  giver = next;
}

/** Gives a new work to the names its form carries (see GiftGiver). */
export function giveFromForm(trx: Db, viewer: Viewer, workId: number, names: string): Promise<void> {
  return giver(trx, viewer, workId, names);
}
