// Query plans of the queries a listing ran: SQLite's EXPLAIN QUERY PLAN as an indented tree,
// PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) as it prints it.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import type { LoggedQuery } from './query-log.js';

type SqlitePlanRow = { id: number; parent: number; detail: string };

function sqliteTree(rows: SqlitePlanRow[]): string[] {
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}

/** The plan of one logged query, one line per step. */
export async function explain(db: Kysely<Database>, dialect: Dialect, query: LoggedQuery): Promise<string[]> {
  if (dialect === 'sqlite') {
    const result = await db.executeQuery<SqlitePlanRow>(CompiledQuery.raw(`explain query plan ${query.sql}`, query.parameters));
    return sqliteTree(result.rows);
  }
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, query.parameters));
  return result.rows.map((row) => row['QUERY PLAN']);
}

/** The listing's own queries among those a request ran: the ones reading works (the count and the page), slowest first. */
export function listingQueries(queries: LoggedQuery[]): LoggedQuery[] {
  return queries.filter((q) => /^\s*select\b/i.test(q.sql) && /\bfrom "works"/i.test(q.sql) && /\b(limit|count\()/i.test(q.sql))
    .sort((a, b) => b.ms - a.ms);
}

/** The SQL with its parameters written in, for reading (not for running). */
export function inlineParameters(query: LoggedQuery): string {
  const literal = (value: unknown) => (typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value));
  let position = 0;
  return query.sql.replace(/\$(\d+)|\?/g, (match, numbered: string | undefined) => {
    const value = numbered !== undefined ? query.parameters[Number(numbered) - 1] : query.parameters[position++];
    return value === undefined ? match : literal(value);
  });
}
