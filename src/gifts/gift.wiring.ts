// What the gifts domain gives the works pages: who a work was given to (works/work-associations.ts).
import { provideGiftRecipients } from '../works/work-associations.js';
import { recipientsOf } from './gift.service.js';

/** Called once by wiring.ts. */
export function provideGifts(): void {
  provideGiftRecipients(recipientsOf);
}
