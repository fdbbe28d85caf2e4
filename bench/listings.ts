// `npm run bench:listings`: how fast filtered listings answer at 100,000 works. Builds the
// synthetic corpus if missing, runs the app on it in a child process (production settings,
// logging off), requests a fixed set of listings one at a time, and prints p50/p95 per address
// and overall against the targets; then, in a second run that logs the app's queries, the
// queries each listing ran and the plans of its main ones.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connect.js';
import { withApp } from './lib/app-child.js';
import { ensureCorpus, type Corpus } from './lib/corpus-build.js';
import { LISTING_USAGE, parseListingOptions, type Database, type ListingOptions } from './lib/corpus-options.js';
import { planListings, type ListingPlan, type ListingTarget } from './lib/listing-plan.js';
import { addressLines, comparisonLines, planLines, queryLines, resultLines, type DatabaseRun, type PlannedQueries } from './lib/listing-report.js';
import { look, measureListing, type UrlResult } from './lib/listing-run.js';
import { readLoggedQueries } from './lib/query-log.js';
import { explain, inlineParameters, listingQueries } from './lib/query-plans.js';
import { codeVersion, loadLine } from './lib/report.js';

async function loadPlan(corpus: Corpus): Promise<ListingPlan> {
  const handle = openDatabase(corpus.url);
  try {
    return await planListings(handle.db);
  } finally {
    await handle.close();
  }
}

/** Requests each listing once with the app logging its queries, and explains the listing's own ones. */
async function planQueries(corpus: Corpus, dataDir: string, targets: ListingTarget[]): Promise<PlannedQueries[]> {
  const logFile = join(dataDir, 'queries.jsonl');
  const gathered = await withApp(corpus, dataDir, { BENCH_QUERY_LOG: logFile }, async (base) => {
    let offset = readLoggedQueries(logFile, 0).next;
    const perTarget: Array<{ label: string; queries: ReturnType<typeof readLoggedQueries>['queries'] }> = [];
    for (const target of targets) {
      // Two untimed looks first, so the logged request finds warm caches as the timed ones did.
      for (let i = 0; i < 2; i++) await look(base, target.path);
      offset = readLoggedQueries(logFile, offset).next;
      await look(base, target.path);
      const { queries, next } = readLoggedQueries(logFile, offset);
      offset = next;
      perTarget.push({ label: target.label, queries });
    }
    return perTarget;
  });
  const handle = openDatabase(corpus.url);
  try {
    const planned: PlannedQueries[] = [];
    for (const { label, queries } of gathered) {
      const plans = [];
      for (const query of listingQueries(queries)) plans.push({ sql: query.sql, inlined: inlineParameters(query), plan: await explain(handle.db, handle.dialect, query) });
      planned.push({ label, queries, plans });
    }
    return planned;
  } finally {
    await handle.close();
  }
}

async function benchDatabase(options: ListingOptions, database: Database, dataDir: string): Promise<DatabaseRun> {
  const corpus = await ensureCorpus({ ...options, database });
  const plan = await loadPlan(corpus);
  const machine = loadLine();
  const results: UrlResult[] = await withApp(corpus, dataDir, {}, async (base) => {
    const measured: UrlResult[] = [];
    for (const target of plan.targets) measured.push(await measureListing(base, target, options.runs, options.warmup));
    return measured;
  });
  const run: DatabaseRun = { dialect: corpus.dialect, results };
  const where = corpus.file ?? corpus.url.replace(/\/\/[^@/]*@/, '//***@');
  console.log([
    '', `Bindery listings benchmark on ${database}: ${corpus.summary.works.toLocaleString('en-US')} works (seed ${corpus.params.seed}, ${where})`,
    ...planLines(plan).map((l) => `  ${l}`),
    `  one client, sequential: ${options.warmup} untimed then ${options.runs} timed requests per listing; ${machine} before the run; code: ${await codeVersion()}`,
    '', ...resultLines(run), '', 'addresses', ...addressLines(run).map((l) => `  ${l}`),
  ].join('\n'));
  if (options.plans) {
    console.log(`\nqueries per listing (a second run with the app logging its queries; ms from compiling to the last row) and ${database === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)'} of the listing queries`);
    console.log(queryLines(await planQueries(corpus, dataDir, plan.targets)).join('\n'));
  }
  return run;
}

async function main(): Promise<number> {
  let options: ListingOptions;
  try {
    options = parseListingOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${LISTING_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(LISTING_USAGE);
    return 0;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bindery-listings-'));
  try {
    const runs: DatabaseRun[] = [];
    for (const database of options.databases) runs.push(await benchDatabase(options, database, dataDir));
    if (runs.length > 1) console.log(['', 'all listings, all requests', ...comparisonLines(runs)].join('\n'));
    return 0;
  } catch (error) {
    console.error(`bench:listings failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 1;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
