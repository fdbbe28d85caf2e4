// PostgreSQL walks a search's matches newest first through works' ids until it has 2,000 it may
// show (docs/decisions/049). Through the primary key each id it passes is a heap read, to check
// the work is posted, not hidden and so on: a word in a quarter of the works passes 24,000 ids,
// 8 ms of reads. Two partial indexes of ids hold those answers: the works guests may see (all
// four states in the predicate), and the works members may see but for an unrevealed
// collection's (its flag in the index, for the creators and maintainers who see those). The walk
// then reads the index alone. SQLite: nothing (its search starts from FTS5's matches). Frozen:
// never import app code here.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index works_public_ids_idx on works (id) where posted = 1 and restricted = 0 and hidden = 0 and unrevealed = 0`.execute(db);
  await sql`create index works_member_ids_idx on works (id, unrevealed) where posted = 1 and hidden = 0`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index works_member_ids_idx`.execute(db);
  await sql`drop index works_public_ids_idx`.execute(db);
}
