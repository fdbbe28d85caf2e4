// Runs the query mix one query at a time: through HTTP (the search page, one keep-alive client)
// and, in the same process and run, the raw full-text query alone on the bench's own connection.
// A first untimed pass looks at every answer (status, how many works the page says match, how
// many ids the raw query gave), more untimed passes warm up, then each query runs N times each way.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { RawSearch } from './search-index.js';
import type { SearchQuery } from './search-queries.js';

export type QueryResult = {
  query: SearchQuery;
  status: number;
  /** How many works the page says match, or null when it does not say. */
  matches: number | null;
  rawIds: number;
  http: number[]; raw: number[];
  problems: string[];
};

/** The search page's address for a query, with AO3's parameter name. */
export function searchPath(text: string): string {
  return `/works/search?${new URLSearchParams([['work_search[query]', text]]).toString()}`;
}

/** "1,234 Works found" (or a listing's "1 - 20 of 1,234 Works"): how many works the page says match. */
export function matchCount(body: string): number | null {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
  const found = /([\d,]+) Works? found/i.exec(text) ?? /\bof ([\d,]+) Works?\b/i.exec(text) ?? /\b(No|0) Works? found/i.exec(text);
  if (found?.[1] === undefined) return null;
  return /^no$/i.test(found[1]) ? 0 : Number(found[1].replace(/,/g, ''));
}

/** A page slower than this is given up on: the query is left out of the timed runs. */
export const TIMEOUT_MS = 60_000;
/** The first look at a query slower than this is reported as it happens. */
const SLOW_MS = 2_000;

async function timedHttp(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  await response.arrayBuffer();
  return performance.now() - started;
}

async function timedRaw(rawSearch: RawSearch, db: Kysely<Database>, text: string): Promise<number> {
  const started = performance.now();
  await rawSearch(db, text);
  return performance.now() - started;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : error.message}${cause}`;
}

/** After a request was given up on, the app is still busy with it: wait until it answers again. */
async function waitForApp(base: string): Promise<void> {
  await fetch(`${base}/works/search`).then((r) => r.arrayBuffer());
}

async function look(base: string, rawSearch: RawSearch, db: Kysely<Database>, query: SearchQuery): Promise<QueryResult> {
  const result: QueryResult = { query, status: 0, matches: null, rawIds: 0, http: [], raw: [], problems: [] };
  try {
    const response = await fetch(base + searchPath(query.text), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = await response.text();
    result.status = response.status;
    result.matches = matchCount(body);
    if (response.status !== 200) result.problems.push(`HTTP ${response.status}`);
    else if (result.matches === null) result.problems.push('the page does not say how many works match');
  } catch (error) {
    result.problems.push(`request failed: ${describe(error)}`);
    await waitForApp(base);
    return result;
  }
  try {
    result.rawIds = (await rawSearch(db, query.text)).length;
  } catch (error) {
    result.problems.push(`rawSearch threw: ${describe(error)}`);
  }
  return result;
}

async function timeHttp(base: string, url: string, result: QueryResult, runs: number): Promise<void> {
  for (let run = 0; run < runs; run++) {
    try {
      result.http.push(await timedHttp(url));
    } catch (error) {
      result.problems.push(`request failed: ${describe(error)}`);
      result.http.push(TIMEOUT_MS);
      await waitForApp(base);
    }
  }
}

/** Whether a query's answers were good enough to time: a page came back, and the raw query ran. */
function timeable(result: QueryResult): { http: boolean; raw: boolean } {
  const http = !result.problems.some((p) => p.startsWith('request failed'));
  return { http, raw: http && !result.problems.some((p) => p.startsWith('rawSearch')) };
}

export type RunSettings = { runs: number; warmup: number; log: (line: string) => void };

/** Looks at every query, warms up, then times each `runs` times over HTTP and `runs` times raw. */
export async function runQueries(base: string, rawSearch: RawSearch, db: Kysely<Database>, queries: SearchQuery[], settings: RunSettings): Promise<QueryResult[]> {
  const started = performance.now();
  const results: QueryResult[] = [];
  for (const [i, query] of queries.entries()) {
    const before = performance.now();
    results.push(await look(base, rawSearch, db, query));
    const seconds = (performance.now() - before) / 1000;
    if (seconds * 1000 > SLOW_MS) settings.log(`  slow: query ${i + 1} (${query.text}) took ${seconds.toFixed(1)} s to look at (page and raw)`);
  }
  for (let pass = 1; pass < settings.warmup; pass++) {
    for (const result of results) {
      const can = timeable(result);
      if (can.http) await timedHttp(base + searchPath(result.query.text));
      if (can.raw) await timedRaw(rawSearch, db, result.query.text);
    }
  }
  settings.log(`  looked at and warmed up ${queries.length} queries (${settings.warmup} pass${settings.warmup === 1 ? '' : 'es'}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const [i, result] of results.entries()) {
    const can = timeable(result);
    const url = base + searchPath(result.query.text);
    if (can.http) await timeHttp(base, url, result, settings.runs);
    // A page given up on counts as the time it was given: a failed query must not make the figures look better.
    else result.http.push(...Array<number>(settings.runs).fill(TIMEOUT_MS));
    if (can.raw) for (let run = 0; run < settings.runs; run++) result.raw.push(await timedRaw(rawSearch, db, result.query.text));
    if ((i + 1) % 50 === 0 || i + 1 === results.length) settings.log(`  timed ${i + 1}/${results.length} queries, ${((performance.now() - started) / 1000).toFixed(1)} s so far`);
  }
  return results;
}
