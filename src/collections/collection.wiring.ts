// What the collections domain gives the works pages: the collections a work is shown in, and the
// new-work form's "Post to collections" (works/work-collections.ts).
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { invalid } from '../http/errors.js';
import { provideWorkCollections, type Placement } from '../works/work-collections.js';
import { collectionsShownFor, placeNewWork } from './collection.service.js';
import { fillPrompt } from './prompt.service.js';

/** A new work's collections, then the prompt it fills (which brings it into the prompt's collection if it is not there yet). */
async function placeNew(trx: Db, viewer: Viewer, workId: number, placement: Placement): Promise<void> {
  if (placement.collections !== '') await placeNewWork(trx, viewer, workId, placement.collections);
  if (placement.promptId === '') return;
  if (!/^\d+$/.test(placement.promptId)) throw invalid({ prompt: 'There is no such prompt.' });
  await fillPrompt(trx, viewer, Number(placement.promptId), workId);
}

/** Called once by wiring.ts. */
export function provideCollections(): void {
  provideWorkCollections(collectionsShownFor, placeNew);
}
