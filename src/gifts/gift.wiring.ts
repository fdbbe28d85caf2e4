// What the gifts domain gives the works pages: who a work was given to, and the new-work form's
// "Gift this work to" (works/work-associations.ts).
import { provideGiftGiver, provideGiftRecipients } from '../works/work-associations.js';
import { giveNewWork, recipientsOf } from './gift.service.js';

/** Called once by wiring.ts. */
export function provideGifts(): void {
  provideGiftRecipients(recipientsOf);
  provideGiftGiver(giveNewWork);
}
