// The collections a work is in, shown on its page (AO3's dd.collections), and the "Post to
// collections" field of the new-work form. The collections domain fills these in (wiring.ts), so
// works never imports collections.
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';

/** A collection as a work's page names it. */
export type WorkCollection = { name: string; title: string };

type CollectionsSource = (db: Db, viewer: Viewer, workId: number) => Promise<WorkCollection[]>;
/** Where a new work goes: collections by name (comma-separated), and the prompt it fills (an id), as the form sent them. */
export type Placement = { collections: string; promptId: string };
/** Puts a new work in the collections named and fills the prompt, inside the transaction that writes it; throws a field error. */
type CollectionPlacer = (trx: Db, viewer: Viewer, workId: number, placement: Placement) => Promise<void>;

let source: CollectionsSource = () => Promise.resolve([]);
let placer: CollectionPlacer = () => Promise.resolve();

/** Called once by wiring.ts. */
export function provideWorkCollections(collections: CollectionsSource, place: CollectionPlacer): void {
  source = collections;
  placer = place;
}

/** The collections the work is shown in, as the viewer may see them. */
export function workCollections(db: Db, viewer: Viewer, workId: number): Promise<WorkCollection[]> {
  return source(db, viewer, workId);
}

/** Puts a new work in the named collections and fills its prompt (see CollectionPlacer). */
export function placeInCollections(trx: Db, viewer: Viewer, workId: number, placement: Placement): Promise<void> {
  return placer(trx, viewer, workId, placement);
}
