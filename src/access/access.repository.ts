// The SQL behind single-work permissions: a work's row with what the rule in visibility.ts says
// about it for one scope, in one query.
import { sql } from 'kysely';
import type { Db, WorkRow } from '../db/database.js';
import { MEMBER_SCOPE, type Scope } from './scope.js';
import { createdBy, seesWhole, workVisibleTo } from './visibility.js';

export type WorkAccess = {
  row: WorkRow;
  /** The scope may see the work (its own drafts included). */
  visible: boolean;
  /** Any logged-in reader may see it: a guest turned away should log in rather than get a 404. */
  visibleToMembers: boolean;
  /** The scope's account is one of its creators. */
  creator: boolean;
  /** Hidden from the scope only because its collection is not revealed yet: it may be told a Mystery Work is there. */
  mystery: boolean;
};

const flag = (condition: unknown) => sql<number>`case when ${condition} then 1 else 0 end`;

/** A work by id with its visibility for a scope; undefined when there is no such work. */
export async function findWorkAccess(db: Db, scope: Scope, workId: number): Promise<WorkAccess | undefined> {
  if (!Number.isSafeInteger(workId)) return undefined;
  const creator = scope.userId === null ? sql<number>`0` : flag(createdBy(scope.userId, sql.ref('works.id')));
  const row = await db.selectFrom('works').selectAll('works')
    .select([
      flag(workVisibleTo(scope, { ownDrafts: true })).as('access_visible'),
      flag(workVisibleTo(MEMBER_SCOPE)).as('access_members'),
      flag(workVisibleTo(scope, { evenUnrevealed: true })).as('access_mystery'),
      creator.as('access_creator'),
    ])
    .where('works.id', '=', workId).executeTakeFirst();
  if (row === undefined) return undefined;
  const { access_visible: visible, access_members: members, access_creator: isCreator, access_mystery: mystery, ...work } = row;
  return { row: work, visible: visible === 1, visibleToMembers: members === 1, creator: isCreator === 1, mystery: visible !== 1 && mystery === 1 };
}

/**
 * Of these works (those of an anonymous or unrevealed collection), the ones the scope sees whole:
 * its creators named, its title and text shown.
 */
export async function worksSeenWhole(db: Db, scope: Scope, workIds: number[]): Promise<Set<number>> {
  if (scope.userId === null || workIds.length === 0) return new Set();
  const rows = await db.selectFrom('works').select('works.id').where('works.id', 'in', workIds)
    .where(seesWhole(scope.userId, sql.ref('works.id'))).execute();
  return new Set(rows.map((r) => r.id));
}
