// What the collections domain gives the works pages: the collections a work is shown in, and the
// new-work form's "Post to collections" (works/work-collections.ts).
import { provideWorkCollections } from '../works/work-collections.js';
import { collectionsShownFor, placeNewWork } from './collection.service.js';

/** Called once by wiring.ts. */
export function provideCollections(): void {
  provideWorkCollections(collectionsShownFor, placeNewWork);
}
