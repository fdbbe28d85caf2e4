// What a work is associated with, shown at the top of its notes (AO3's ul.associations): for now
// the people it was given to ("For Ines."). The gifts domain fills this in (wiring.ts), so works
// never imports gifts.
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
