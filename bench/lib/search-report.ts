// Prints bench:search's figures: the index (build time, size), p50/p95 per query class through
// HTTP and raw with their ratio, the targets with PASS or MISS, and every query with its answer.
import type { Dialect } from '../../src/db/connect.js';
import { percentile } from './listing-run.js';
import type { IndexReport } from './search-index.js';
import { QUERY_CLASSES, type QueryClass } from './search-queries.js';
import { TIMEOUT_MS, type QueryResult } from './search-run.js';

/** Issue 4's targets at 100,000 works on SQLite (p95 over HTTP). */
export const TARGETS = { wordP95Ms: 100, phraseP95Ms: 300, maxRatio: 1.5 } as const;

export type SearchRun = { dialect: Dialect; index: IndexReport; results: QueryResult[] };

type Figures = { queries: number; http: number[]; raw: number[]; ratioHttp: number[]; ratioRaw: number[] };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-').padStart(9);
const count = (value: number) => value.toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** Samples of some queries; the ratio only counts queries with a full-text part (the others have no raw query to compare). */
function figures(results: QueryResult[]): Figures {
  const text = results.filter((r) => r.query.fullText && r.raw.length > 0);
  return {
    queries: results.length, http: results.flatMap((r) => r.http), raw: results.filter((r) => r.query.fullText).flatMap((r) => r.raw),
    ratioHttp: text.flatMap((r) => r.http), ratioRaw: text.flatMap((r) => r.raw),
  };
}

function ratio(f: Figures): number {
  return percentile(f.ratioHttp, 0.95) / percentile(f.ratioRaw, 0.95);
}

function row(label: string, f: Figures): string {
  const r = ratio(f);
  return `${label.padEnd(10)}${String(f.queries).padStart(8)}${ms(percentile(f.http, 0.5))}${ms(percentile(f.http, 0.95))}${ms(Math.max(...f.http))}` +
    `${ms(percentile(f.raw, 0.5))}${ms(percentile(f.raw, 0.95))}${ms(f.raw.length > 0 ? Math.max(...f.raw) : NaN)}${(Number.isFinite(r) ? r.toFixed(2) : '-').padStart(10)}`;
}

/** The index's build time and size. */
export function indexLines(index: IndexReport): string[] {
  const total = index.tables.reduce((sum, t) => sum + t.bytes, 0);
  const file = index.fileBefore !== null && index.fileAfter !== null
    ? `; database file ${mib(index.fileBefore)} before, ${mib(index.fileAfter)} after (+${mib(index.fileAfter - index.fileBefore)})` : '';
  return [
    index.seconds === null ? 'index: kept from an earlier run (--no-reindex)' :
      `index build: ${index.seconds.toFixed(1)} s for npm run bindery -- reindex, then ${index.settleSeconds.toFixed(1)} s ${index.fileBefore !== null ? 'checkpointing the WAL' : 'for VACUUM ANALYZE of the search tables (as autovacuum would)'}`,
    `index size: ${mib(total)} (${(total / 1e9).toFixed(2)} GB)${file}`,
    `  ${index.tables.map((t) => `${t.name} ${mib(t.bytes)}`).join(', ')}`,
  ];
}

function failedLine(run: SearchRun): string[] {
  const failed = run.results.filter((r) => r.problems.some((p) => p.startsWith('request failed')));
  return failed.length === 0 ? [] : [`${failed.length} queries got no page within ${TIMEOUT_MS / 1000} s; each of their runs counts as ${count(TIMEOUT_MS)} ms over HTTP (and they have no raw time)`];
}

/** Per class and overall: HTTP and raw p50/p95/max and the p95 ratio. */
export function classLines(run: SearchRun): string[] {
  return [
    `${'class'.padEnd(10)}${'queries'.padStart(8)}${'HTTP p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'raw p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'HTTP/raw'.padStart(10)}`,
    ...QUERY_CLASSES.map((label) => row(label, figures(run.results.filter((r) => r.query.label === label)))),
    row('all', figures(run.results)),
    'milliseconds over all timed runs of the class\'s queries; HTTP/raw = p95 over HTTP / p95 raw, counting only queries with a full-text part',
    ...failedLine(run),
  ];
}

function classP95(run: SearchRun, label: QueryClass): number {
  return percentile(figures(run.results.filter((r) => r.query.label === label)).http, 0.95);
}

/** The issue's targets; they are set for SQLite, and shown for PostgreSQL for comparison. */
export function targetLines(run: SearchRun): string[] {
  const word = classP95(run, 'word');
  const phrase = classP95(run, 'phrase');
  const r = ratio(figures(run.results));
  const note = run.dialect === 'sqlite' ? '' : '   (the targets are set for SQLite)';
  return [
    `targets${note}`,
    `  word queries p95 over HTTP < ${TARGETS.wordP95Ms} ms:     ${word.toFixed(1).padStart(8)} ms   ${verdict(word < TARGETS.wordP95Ms)}`,
    `  phrase queries p95 over HTTP < ${TARGETS.phraseP95Ms} ms:   ${phrase.toFixed(1).padStart(8)} ms   ${verdict(phrase < TARGETS.phraseP95Ms)}`,
    `  HTTP/raw p95 ratio < ${TARGETS.maxRatio}:               ${r.toFixed(2).padStart(8)}      ${verdict(r < TARGETS.maxRatio)}`,
  ];
}

/** Every query: class, kind, status, matches on the page, raw ids, medians; problems flagged. */
export function queryLines(run: SearchRun): string[] {
  return [
    `${'#'.padStart(3)}  ${'class'.padEnd(9)}${'status'.padStart(6)}${'matches'.padStart(9)}${'raw ids'.padStart(8)}${'HTTP p50'.padStart(9)}${'raw p50'.padStart(9)}  query (kind)`,
    ...run.results.map((r, i) => `${String(i + 1).padStart(3)}  ${r.query.label.padEnd(9)}${String(r.status).padStart(6)}${(r.matches === null ? '?' : count(r.matches)).padStart(9)}` +
      `${String(r.rawIds).padStart(8)}${ms(percentile(r.http, 0.5))}${ms(r.raw.length > 0 ? percentile(r.raw, 0.5) : NaN)}  ${r.query.text}  (${r.query.kind}${r.query.fullText ? '' : '; no full-text part'})` +
      (r.problems.length > 0 ? `  <- ${r.problems.join('; ')}` : '')),
  ];
}

/** Problems worth a warning at the end: failed pages, pages without a count, raw queries that threw. */
export function problemLines(run: SearchRun): string[] {
  const failing = run.results.filter((r) => r.problems.length > 0);
  return failing.length === 0 ? [] : [`warning: ${failing.length} of ${run.results.length} queries had problems on ${run.dialect} (marked <- in the table)`];
}

/** Both databases side by side, when both ran. */
export function comparisonLines(runs: SearchRun[]): string[] {
  return runs.map((run) => {
    const all = figures(run.results);
    return `  ${run.dialect.padEnd(9)} HTTP p50 ${percentile(all.http, 0.5).toFixed(1)} ms, p95 ${percentile(all.http, 0.95).toFixed(1)} ms; ` +
      `word p95 ${classP95(run, 'word').toFixed(1)} ms, phrase p95 ${classP95(run, 'phrase').toFixed(1)} ms; HTTP/raw ${ratio(all).toFixed(2)}`;
  });
}
