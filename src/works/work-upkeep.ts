// What works keep in step with writes elsewhere: a renamed tag gives the works carrying it a new
// content version (their pages and downloads show the name; the search index folds case and
// accents, the only things a rename may change, so it needs nothing), and regrouped fandoms
// recompute crossovers. Subscribed by src/wiring.ts.
import { onWrite } from '../events/bus.js';
import { recomputeCrossoversForTags } from './crossover.service.js';
import { bumpVersionsOfWorksTagged } from './work.repository.js';

/** Subscribes works to the events it follows; returns the unsubscribes. */
export function subscribeWorkUpkeep(): Array<() => void> {
  return [
    onWrite('fandoms.regrouped', (trx, event) => recomputeCrossoversForTags(trx, event.tagIds)),
    onWrite('tag.renamed', async (trx, event) => { await bumpVersionsOfWorksTagged(trx, event.tagId); }),
  ];
}
