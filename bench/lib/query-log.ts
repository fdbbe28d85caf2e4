// A Kysely plugin for the benchmark's app child: appends every query the app runs (SQL,
// parameters, milliseconds from compiling to the last row) to a JSON-lines file, written before
// the response goes out, so the parent finds a request's queries in the file once it has the page.
import { appendFileSync, readFileSync } from 'node:fs';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryExecutor, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export type LoggedQuery = { sql: string; parameters: unknown[]; ms: number };

/** Logs the queries run through the Kysely instance it is added to (with `withPlugin`). */
export class QueryLogPlugin implements KyselyPlugin {
  readonly #started = new WeakMap<object, { node: RootOperationNode; at: number }>();

  /** `db` compiles the logged queries (it must be the same dialect); `file` receives one JSON line each. */
  constructor(private readonly db: { getExecutor(): QueryExecutor }, private readonly file: string) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#started.set(args.queryId, { node: args.node, at: performance.now() });
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started !== undefined) {
      const compiled = this.db.getExecutor().compileQuery(started.node, args.queryId);
      const entry: LoggedQuery = { sql: compiled.sql, parameters: [...compiled.parameters], ms: performance.now() - started.at };
      appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    }
    return Promise.resolve(args.result);
  }
}

/** The queries logged in `file` from byte `offset` on, and the offset to read from next time. */
export function readLoggedQueries(file: string, offset: number): { queries: LoggedQuery[]; next: number } {
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch {
    return { queries: [], next: offset };
  }
  const fresh = text.subarray(offset).toString('utf8');
  const queries = fresh.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as LoggedQuery);
  return { queries, next: text.length };
}
