// `npm run bench:overload`: does saturated heavy work stall reading? On a copy of the synthetic
// corpus, the app in a child process; a cached guest work page is loaded with wrk at rest, then
// again while a second wrk saturates search with the corpus's query mix (or, with --load
// downloads, builds of the longest works' downloads), in the same run. Prints the work page's
// p50/p99 both times, their ratio against the 2x target (issue 14), and what the heavy requests
// were answered meanwhile (200s, 503s, latency).
import { access, copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connect.js';
import { codeVersion, loadLine } from './lib/report.js';
import { freePort, startChild, type Child } from './lib/children.js';
import { OVERLOAD_USAGE, parseOverloadOptions, type OverloadOptions } from './lib/overload-options.js';
import { runBench } from './lib/run-bench.js';
import { planSearchQueries } from './lib/search-queries.js';
import { runWrk, WRK_REPORT_SCRIPT, type WrkResult } from './lib/wrk.js';

const TARGET_RATIO = 2;

/** The search page's address for a query, as its form sends it (brackets escaped for wrk's request line). */
function searchPath(query: string): string {
  return `/works/search?work_search%5Bquery%5D=${encodeURIComponent(query)}`;
}

/** A wrk script that asks for each path in turn (each thread from its own place), and reports as wrk-report.lua does. */
async function pathsScript(dir: string, paths: string[]): Promise<string> {
  const file = join(dir, 'heavy-paths.lua');
  await writeFile(file, [
    `dofile(${JSON.stringify(WRK_REPORT_SCRIPT)})`,
    `local paths = { ${paths.map((p) => JSON.stringify(p)).join(',\n')} }`,
    'local i = 0',
    'setup = function(thread) thread:set("start", math.random(#paths)) end',
    'init = function() i = tonumber(start) or 0 end',
    'request = function() i = i % #paths + 1; return wrk.format(nil, paths[i]) end',
  ].join('\n'));
  return file;
}

/** The first posted work whose guest page is the work itself (not an adult notice), warmed into the page cache. */
async function cachedWorkPath(base: string, ids: number[]): Promise<string> {
  for (const id of ids) {
    const first = await fetch(`${base}/works/${id}`);
    if (first.status !== 200 || !(await first.text()).includes('Chapter Text')) continue;
    const again = await fetch(`${base}/works/${id}`);
    await again.arrayBuffer();
    return `/works/${id}`;
  }
  throw new Error('no guest-readable work among the first works of the corpus');
}

async function planRun(options: OverloadOptions, dataDir: string) {
  await access(options.corpus).catch(() => { throw new Error(`no corpus at ${options.corpus}: build it with npm run bench:corpus -- --works N, or name one with --corpus`); });
  const file = join(dataDir, 'corpus.sqlite');
  await copyFile(options.corpus, file);
  const handle = openDatabase(`sqlite:${file}`);
  try {
    const ids = (await handle.db.selectFrom('works').select('id').where('posted', '=', 1).orderBy('id').limit(200).execute()).map((r) => r.id);
    if (options.load === 'downloads') {
      // The longest works a guest may read, each format in turn: more bytes than the download cache keeps.
      const longest = await handle.db.selectFrom('works').select(['id', 'word_count']).where('posted', '=', 1).where('restricted', '=', 0)
        .orderBy('word_count', 'desc').limit(100).execute();
      const paths = longest.flatMap((w) => ['epub', 'html', 'txt'].map((format) => `/downloads/${w.id}/work.${format}`));
      const words = longest.reduce((sum, w) => sum + w.word_count, 0);
      return { file, paths, ids, what: `downloads of the ${longest.length} longest works (${(words / 1e6).toFixed(1)} M words), EPUB, HTML and text in turn`, label: 'downloads' };
    }
    const queries = await planSearchQueries(handle.db);
    return { file, paths: queries.map((q) => searchPath(q.text)), ids, what: `${queries.length} search queries of the corpus's mix`, label: 'search' };
  } finally {
    await handle.close();
  }
}

const ms = (value: number) => value.toFixed(1).padStart(9);

function line(label: string, run: WrkResult): string {
  const refused = run.errors.status;
  return `${label.padEnd(28)}${run.requestsPerSecond.toFixed(0).padStart(8)}${ms(run.p50Ms)}${ms(run.p90Ms)}${ms(run.p99Ms)}${ms(run.maxMs)}` +
    `${String(run.requests - refused).padStart(8)}${String(refused).padStart(8)}${String(run.errors.timeout).padStart(9)}`;
}

async function bench(options: OverloadOptions, dataDir: string, children: Child[]): Promise<void> {
  const plan = await planRun(options, dataDir);
  const app = await startChild('app', 'app-server.ts', {
    env: { DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${plan.file}`, PORT: String(await freePort()) }, timeoutMs: 120_000,
  });
  children.push(app);
  const base = `http://127.0.0.1:${app.port}`;
  const workPath = await cachedWorkPath(base, plan.ids);
  const script = await pathsScript(dataDir, plan.paths);
  const machine = loadLine();
  const reading = { connections: options.readers, threads: 1 };
  const measureReading = async () => {
    if (options.warmupSeconds > 0) await runWrk(`${base}${workPath}`, { ...reading, seconds: options.warmupSeconds });
    return runWrk(`${base}${workPath}`, { ...reading, seconds: options.seconds });
  };
  const atRest = await measureReading();
  // The heavy requests start first and stop after the readers' measurement ends.
  const loading = runWrk(`${base}/`, { connections: options.searchers, threads: 1, seconds: 2 * options.warmupSeconds + options.seconds + 2, script });
  const underLoad = await measureReading();
  const heavyRun = await loading;
  if (options.verbose) console.log(`--- at rest\n${atRest.output}\n--- under load\n${underLoad.output}\n--- ${plan.label}\n${heavyRun.output}`);
  // No answer at all within the run (wrk then reports no latency) is the worst outcome, not a zero.
  const ratio = underLoad.requests === 0 ? Infinity : underLoad.p99Ms / atRest.p99Ms;
  console.log([
    `Bindery overload benchmark: a cached guest work page (GET ${workPath}) at rest, then while ${plan.label} is saturated`,
    `  corpus: ${options.corpus} (a copy of it); ${plan.what}, each connection taking the next`,
    `  load: reading wrk -t1 -c${options.readers}; ${plan.label} wrk -t1 -c${options.searchers}; ${options.seconds} s measured after ${options.warmupSeconds} s warm-up`,
    `  settings: SQLITE_READERS=${process.env.SQLITE_READERS ?? 'default'} HEAVY_CONCURRENCY=${process.env.HEAVY_CONCURRENCY ?? 'default'} HEAVY_QUEUE=${process.env.HEAVY_QUEUE ?? 'default'} HEAVY_QUEUE_MS=${process.env.HEAVY_QUEUE_MS ?? 'default'}`,
    `  machine: ${machine} before the run; code: ${await codeVersion()}`, '',
    `${''.padEnd(28)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'2xx'.padStart(8)}${'non-2xx'.padStart(8)}${'timeouts'.padStart(9)}`,
    line('work page, at rest', atRest), line(`work page, ${plan.label} saturated`, underLoad), line(`${plan.label} (all answers)`, heavyRun), '',
    ...(underLoad.requests === 0 ? [`the work page was not answered once in ${options.seconds} s of ${plan.label} load (wrk gives up on a request after 10 s)`] : []),
    `work page p99 under ${plan.label} / at rest: ${ratio.toFixed(2)}x (target: within ${TARGET_RATIO}x) ${ratio <= TARGET_RATIO ? 'MET' : 'MISSED'}`,
    `${plan.label}: ${heavyRun.requests - heavyRun.errors.status} answered 200, ${heavyRun.errors.status} answered 503 (or another error), ${heavyRun.errors.timeout} timed out past 10 s`,
  ].join('\n'));
}

process.exitCode = await runBench({ name: 'bench:overload', usage: OVERLOAD_USAGE, parse: parseOverloadOptions, needsWrk: true, run: bench });
