// Prints bench:listings' figures: per address what came back and its p50/p95/max, all requests
// together against the target (p95 under 50 ms on SQLite, 100 ms on PostgreSQL), then the
// queries each listing ran with the plans of its main ones.
import type { Dialect } from '../../src/db/connect.js';
import type { ListingPlan } from './listing-plan.js';
import { BLURB, percentile, type UrlResult } from './listing-run.js';
import type { LoggedQuery } from './query-log.js';

export const TARGET_P95_MS: Record<Dialect, number> = { sqlite: 50, postgres: 100 };

export type DatabaseRun = { dialect: Dialect; results: UrlResult[] };

export type PlannedQueries = { label: string; queries: LoggedQuery[]; plans: Array<{ sql: string; inlined: string; plan: string[] }> };

const ms = (value: number) => value.toFixed(1).padStart(8);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const count = (value: number) => value.toLocaleString('en-US');

/** Lines describing the chosen fandoms and the excluded freeforms. */
export function planLines(plan: ListingPlan): string[] {
  return [
    ...plan.fandoms.map((f) => `fandom #${f.rank}: "${f.name}", ${count(f.works)} works; excluded "${f.excluded}" is on ${count(f.excludedWorks)} of them`),
    `rating: Teen And Up Audiences is tag ${plan.teenId}`,
  ];
}

function lookNote(result: UrlResult): string {
  const { look } = result;
  const notes = [
    look.status !== 200 ? `status ${look.status}` : '', look.blurbs === 0 ? `no "${BLURB}"` : '',
    look.finalPath !== result.target.path ? `redirected to ${look.finalPath}` : '',
  ].filter((n) => n !== '');
  return notes.length > 0 ? `  <- ${notes.join('; ')}` : '';
}

/** The per-address table, the overall figures and the target's verdict. */
export function resultLines(run: DatabaseRun): string[] {
  const target = TARGET_P95_MS[run.dialect];
  const width = Math.max(...run.results.map((r) => r.target.label.length), 8) + 2;
  const all = run.results.flatMap((r) => r.samples);
  const missing = run.results.filter((r) => percentile(r.samples, 0.95) >= target);
  const table = run.results.map((r) => `${r.target.label.padEnd(width)}${String(r.look.status).padStart(6)}${String(r.look.blurbs).padStart(7)}  ${r.look.countLine.padEnd(28)}` +
    `${ms(percentile(r.samples, 0.5))}${ms(percentile(r.samples, 0.95))}${ms(Math.max(...r.samples))}${percentile(r.samples, 0.95) >= target ? '  MISS' : ''}${lookNote(r)}`);
  return [
    `${'listing'.padEnd(width)}${'status'.padStart(6)}${'blurbs'.padStart(7)}  ${'count line'.padEnd(28)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'max ms'.padStart(8)}`,
    ...table,
    `${'all requests'.padEnd(width)}${''.padStart(13)}  ${`${count(all.length)} requests`.padEnd(28)}${ms(percentile(all, 0.5))}${ms(percentile(all, 0.95))}${ms(Math.max(...all))}`,
    '', 'target',
    `  p95 of all requests < ${target} ms on ${run.dialect}: ${percentile(all, 0.95).toFixed(1)} ms   ${verdict(percentile(all, 0.95) < target)}`,
    `  listings at or over ${target} ms at p95: ${missing.length === 0 ? 'none' : missing.map((r) => r.target.label).join('; ')}`,
  ];
}

/** The addresses requested, once, so the table's labels can stay short. */
export function addressLines(run: DatabaseRun): string[] {
  return run.results.map((r) => `${r.target.label}: ${r.target.path}`);
}

/** Each listing's queries (slowest first) and the plans of its main ones; a plan seen before is referred to, not repeated. */
export function queryLines(planned: PlannedQueries[]): string[] {
  const seen = new Map<string, string>();
  return planned.flatMap((p) => [
    '', `== ${p.label}: ${p.queries.length} queries, ${p.queries.reduce((sum, q) => sum + q.ms, 0).toFixed(1)} ms in the database`,
    ...[...p.queries].sort((a, b) => b.ms - a.ms).map((q) => `  ${q.ms.toFixed(2).padStart(8)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 150)}`),
    ...p.plans.flatMap(({ sql, inlined, plan }) => {
      const key = `${sql}\n${plan.join('\n')}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) return [`  same query and plan as "${earlier}": ${sql.replace(/\s+/g, ' ').slice(0, 80)}...`];
      seen.set(key, p.label);
      return ['  query:', `    ${inlined}`, '  plan:', ...plan.map((line) => `    ${line}`)];
    }),
  ]);
}

/** Both databases side by side, when both ran. */
export function comparisonLines(runs: DatabaseRun[]): string[] {
  return runs.map((run) => {
    const all = run.results.flatMap((r) => r.samples);
    const p95 = percentile(all, 0.95);
    return `  ${run.dialect.padEnd(9)} p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target < ${TARGET_P95_MS[run.dialect]} ms) ${verdict(p95 < TARGET_P95_MS[run.dialect])}`;
  });
}
