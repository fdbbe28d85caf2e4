// `npm run bench:search`: how fast search answers at 100,000 works. Builds the synthetic corpus if
// missing (story text included), rebuilds the search index with `npm run bindery -- reindex` and
// measures it, makes a fixed mix of 200 queries from the corpus, runs the app on it in a child
// process, and times each query through the search page and, in the same run, the raw full-text
// query alone (the app's rawSearch), printing p50/p95 per class, their ratio and the targets.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connect.js';
import { withApp } from './lib/app-child.js';
import { ensureCorpus } from './lib/corpus-build.js';
import { parseSearchOptions, SEARCH_USAGE, type Database, type SearchOptions } from './lib/corpus-options.js';
import { codeVersion, loadLine } from './lib/report.js';
import { existingIndex, loadRawSearch, rebuildIndex, requireReindexCommand, SearchCodeMissing, type RawSearch } from './lib/search-index.js';
import { planSearchQueries, QUERY_CLASSES } from './lib/search-queries.js';
import { classLines, comparisonLines, indexLines, problemLines, queryLines, targetLines, type SearchRun } from './lib/search-report.js';
import { runQueries } from './lib/search-run.js';

async function benchDatabase(options: SearchOptions, database: Database, dataDir: string, rawSearch: RawSearch): Promise<SearchRun> {
  const corpus = await ensureCorpus({ ...options, database });
  const index = options.reindex ? await rebuildIndex(corpus, dataDir, console.log) : await existingIndex(corpus);
  const handle = openDatabase(corpus.url);
  try {
    const planned = await planSearchQueries(handle.db);
    // Every k-th query of the mix: the classes keep their shares, and a slow database can be measured in minutes.
    const step = options.sample === null ? 1 : Math.max(1, planned.length / options.sample);
    const queries = options.sample === null ? planned : Array.from({ length: Math.min(options.sample, planned.length) }, (_, i) => planned[Math.floor(i * step)]).filter((q) => q !== undefined);
    const machine = loadLine();
    console.log(`running ${queries.length} queries on ${database} (${QUERY_CLASSES.map((c) => `${queries.filter((q) => q.label === c).length} ${c}`).join(', ')})`);
    const results = await withApp(corpus, dataDir, {}, (base) => runQueries(base, rawSearch, handle.db, queries, { runs: options.runs, warmup: options.warmup, log: console.log }));
    const run: SearchRun = { dialect: corpus.dialect, index, results };
    const where = corpus.file ?? corpus.url.replace(/\/\/[^@/]*@/, '//***@');
    console.log([
      '', `Bindery search benchmark on ${database}: ${corpus.summary.works.toLocaleString('en-US')} works, ${corpus.summary.words.toLocaleString('en-US')} words (seed ${corpus.params.seed}, ${where})`,
      ...indexLines(index).map((l) => `  ${l}`),
      `  one client, sequential: ${options.warmup} untimed pass${options.warmup === 1 ? '' : 'es'} over all queries, then ${options.runs} timed runs of each over HTTP and ${options.runs} raw; ${machine} before the run; code: ${await codeVersion()}`,
      '', ...classLines(run), '', ...targetLines(run), '', 'queries', ...queryLines(run).map((l) => `  ${l}`), ...problemLines(run),
    ].join('\n'));
    return run;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<number> {
  let options: SearchOptions;
  try {
    options = parseSearchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${SEARCH_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(SEARCH_USAGE);
    return 0;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bindery-search-'));
  try {
    const rawSearch = await loadRawSearch();
    if (options.reindex) await requireReindexCommand();
    const runs: SearchRun[] = [];
    for (const database of options.databases) runs.push(await benchDatabase(options, database, dataDir, rawSearch));
    if (runs.length > 1) console.log(['', 'both databases, all queries', ...comparisonLines(runs)].join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof SearchCodeMissing) {
      console.error(`bench:search cannot run yet: ${error.message}`);
      return 3;
    }
    console.error(`bench:search failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 1;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
