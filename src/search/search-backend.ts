// One interface over SQLite FTS5 and PostgreSQL tsvector search (STYLE.md: database
// differences sit behind small interfaces); the same tests run on both.
import type { Db } from '../db/database.js';
import type { ListingFilter } from '../works/work.repository.js';
import type { QueryNode } from './query-parser.js';
import type { WorkDocument } from './search-document.js';

export type Snippet = { chapterId: number | null; html: string };

export interface SearchBackend {
  /** Replaces works' entries in the index (null removes one), inside the caller's transaction. */
  indexWorks(trx: Db, docs: ReadonlyMap<number, WorkDocument | null>): Promise<void>;
  /** What keeps a listing to the works matching the query: a condition on `works`, or a source of ids to start from. */
  matching(db: Db, node: QueryNode): Promise<Pick<ListingFilter, 'where' | 'source'>>;
  /**
   * The same match as a test of each work on its own (a lookup by work id): the better start when
   * a filter has already narrowed the works to a few. A backend whose matching reads each part
   * from an index in a few milliseconds has none, and the search does not count the filter's works.
   */
  matchingEach?(node: QueryNode): Pick<ListingFilter, 'where'>;
  /** The given work ids, best match first. */
  rank(db: Db, node: QueryNode, ids: number[]): Promise<number[]>;
  /** For works whose story text matches: the passage with the matches marked, and its chapter. */
  snippets(db: Db, node: QueryNode, ids: number[]): Promise<Map<number, Snippet>>;
  /** Before a full rebuild: empty the index (and drop what is faster built at the end than kept up row by row). */
  beginRebuild(db: Db): Promise<void>;
  /** After a full rebuild: build or merge the index into its fastest shape and refresh the planner's statistics. */
  optimize(db: Db): Promise<void>;
  /** What an operator should know about the index on this database (a missing extension), or null. */
  warning(db: Db): Promise<string | null>;
  /** The raw full-text query alone (no visibility, no filters): the best `limit` work ids. */
  rawTop(db: Db, node: QueryNode, limit: number): Promise<number[]>;
}

/** A filter leaving fewer works than this is where a search starts, testing each work against the words. */
export const NARROW_FILTER = 2000;

/** Past this many matches, best match ranks only the newest ones (DESIGN.md's measurements). */
export const RANK_LIMIT = 2000;

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Splits a query into what must match and what must not (a top-level NOT, or NOTs inside the top AND). */
export function splitNegatives(node: QueryNode): { positive: QueryNode | null; negative: QueryNode[] } {
  if (node.kind === 'not') return { positive: null, negative: [node.node] };
  if (node.kind !== 'and') return { positive: node, negative: [] };
  const negative = node.nodes.flatMap((n) => (n.kind === 'not' ? [n.node] : []));
  const positives = node.nodes.filter((n) => n.kind !== 'not');
  const positive = positives.length === 0 ? null : positives.length === 1 ? positives[0] ?? null : { kind: 'and' as const, nodes: positives };
  return { positive, negative };
}

/** The words and phrases a query looks for (not the excluded ones), for ranking and highlighting. */
export function positiveLeaves(node: QueryNode): QueryNode[] {
  switch (node.kind) {
    case 'term': case 'phrase': return [node];
    case 'not': return [];
    case 'and': case 'or': return node.nodes.flatMap(positiveLeaves);
  }
}
