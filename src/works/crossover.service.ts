// A work is a crossover when its fandoms come from more than one unrelated family (tag-graph.ts).
// The flag is stored on the work so listings can filter on it, and recomputed when wrangling
// changes how fandoms relate.
import type { Db } from '../db/database.js';
import { fandomFamilyCount } from '../tags/tag-graph.js';
import { findFandomTaggings, findWorkIdsTaggedWith, setCrossoverFlags } from './crossover.repository.js';

/** Recomputes the crossover flag of the given works. */
export async function recomputeCrossovers(trx: Db, workIds: number[]): Promise<void> {
  const fandomsByWork = new Map<number, number[]>(workIds.map((id) => [id, []]));
  for (const row of await findFandomTaggings(trx, workIds)) fandomsByWork.get(row.work_id)?.push(row.tag_id);
  const memo = new Map<string, boolean>();
  const crossovers: number[] = [];
  const others: number[] = [];
  for (const [workId, fandoms] of fandomsByWork) {
    const key = [...fandoms].sort((a, b) => a - b).join(',');
    let crossover = memo.get(key);
    if (crossover === undefined) {
      crossover = fandoms.length > 1 && (await fandomFamilyCount(trx, fandoms)) > 1;
      memo.set(key, crossover);
    }
    (crossover ? crossovers : others).push(workId);
  }
  await setCrossoverFlags(trx, crossovers, 1);
  await setCrossoverFlags(trx, others, 0);
}

/** Recomputes the flag for every work tagged with any of these fandom tags (after wrangling). */
export async function recomputeCrossoversForTags(trx: Db, tagIds: number[]): Promise<void> {
  const workIds = await findWorkIdsTaggedWith(trx, tagIds);
  for (let i = 0; i < workIds.length; i += 500) await recomputeCrossovers(trx, workIds.slice(i, i + 500));
}
