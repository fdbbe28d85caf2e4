// SQLite's search index learns prefixes: FTS5 keeps its own index of every word's first three and
// first four letters, so `clos*` reads one list instead of merging the lists of every word that
// begins so (close, closed, closet, closing...) in each statement that asks: 160-260 ms for
// `clos*` at 100,000 works, a few milliseconds with it (docs/decisions/049). FTS5 cannot add the
// option to a table: the table is made again and the works copied into it, which tokenizes them
// again (minutes at 100,000 works). PostgreSQL: nothing. Frozen: never import app code here.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

const COLUMNS = ['title', 'creators', 'fandoms', 'relationships', 'characters', 'freeforms', 'other_tags', 'summary', 'notes', 'body'].join(', ');
const TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'";

async function remake(db: AnyDb, options: string): Promise<void> {
  await sql.raw(`create virtual table search_works_new using fts5(${COLUMNS}, ${options})`).execute(db);
  await sql.raw(`insert into search_works_new (rowid, ${COLUMNS}) select rowid, ${COLUMNS} from search_works`).execute(db);
  await sql.raw(`insert into search_works_new (search_works_new) values ('optimize')`).execute(db);
  await sql`drop table search_works`.execute(db);
  await sql`alter table search_works_new rename to search_works`.execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await remake(db, `${TOKENIZE}, prefix = '3 4'`);
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await remake(db, TOKENIZE);
}
