// The collections a work is in, shown on its page (AO3's dd.collections), and the "Post to
// collections" field of the new-work form. The collections domain fills these in (wiring.ts), so
// works never imports collections.
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';

/** A collection as a work's page names it. */
export type WorkCollection = { name: string; title: string };

type CollectionsSource = (db: Db, viewer: Viewer, workId: number) => Promise<WorkCollection[]>;
/** Puts a new work in the collections named (comma-separated), inside the transaction that writes it; throws a field error on "collections". */
type CollectionPlacer = (trx: Db, viewer: Viewer, workId: number, names: string) => Promise<void>;

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

/** Puts a new work in the named collections (see CollectionPlacer). */
export function placeInCollections(trx: Db, viewer: Viewer, workId: number, names: string): Promise<void> {
  return placer(trx, viewer, workId, names);
}
