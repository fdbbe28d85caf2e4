// A creator's statistics page: the totals, a chart of hits over time drawn as SVG on the server
// (nothing to run in the browser) with the same figures in a table for screen readers, and every
// work's figures in a table sorted by any column, with a CSV download.
import type { PageContext } from '../../http/context.js';
import { formatCount } from '../../lib/text.js';
import { Layout } from '../../views/layout.js';
import { PERIODS, STAT_COLUMNS, type CreatorStats, type Period, type StatColumn } from '../stats.service.js';

const LABELS: Record<StatColumn, string> = { hits: 'Hits', kudos: 'Kudos', comments: 'Comments', bookmarks: 'Bookmarks', subscriptions: 'Subscriptions', words: 'Words' };
const PERIOD_LABELS: Record<Period, string> = { month: 'Last 30 days', year: 'Last year', all: 'All time' };
const MAX_BARS = 60;

/** Days grouped into at most 60 bars (a year is weekly, all time by longer spans). */
function bars(days: CreatorStats['days']): Array<{ label: string; hits: number }> {
  const size = Math.max(1, Math.ceil(days.length / MAX_BARS));
  const out: Array<{ label: string; hits: number }> = [];
  for (let i = 0; i < days.length; i += size) {
    const group = days.slice(i, i + size);
    const first = group[0]?.day ?? '';
    const last = group[group.length - 1]?.day ?? '';
    out.push({ label: size === 1 ? first : `${first} to ${last}`, hits: group.reduce((n, d) => n + d.hits, 0) });
  }
  return out;
}

function HitsChart({ days, period }: { days: CreatorStats['days']; period: Period }) {
  const data = bars(days);
  const max = Math.max(1, ...data.map((d) => d.hits));
  const width = 640;
  const height = 180;
  const barWidth = width / Math.max(1, data.length);
  return (
    <figure class="hits-chart">
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-labelledby="hits-chart-title" preserveAspectRatio="none">
        <title id="hits-chart-title">Hits, {PERIOD_LABELS[period].toLowerCase()}: {formatCount(days.reduce((n, d) => n + d.hits, 0))} in all, at most {formatCount(max)} in one bar</title>
        <line x1="0" y1={height} x2={width} y2={height} class="axis" />
        {data.map((d, i) => {
          const h = Math.round((d.hits / max) * (height - 10));
          return <rect key={d.label} x={(i * barWidth + 1).toFixed(1)} y={height - h} width={Math.max(1, barWidth - 2).toFixed(1)} height={h} class="bar"><title>{d.label}: {formatCount(d.hits)}</title></rect>;
        })}
        <text x="0" y={height + 16} class="axis-label">{data[0]?.label.slice(0, 10) ?? ''}</text>
        <text x={width} y={height + 16} text-anchor="end" class="axis-label">{data[data.length - 1]?.label.slice(-10) ?? ''}</text>
      </svg>
      <figcaption>
        <details>
          <summary>The figures as a table</summary>
          <table class="stats-table"><thead><tr><th scope="col">When</th><th scope="col">Hits</th></tr></thead>
            <tbody>{data.map((d) => <tr key={d.label}><td>{d.label}</td><td>{formatCount(d.hits)}</td></tr>)}</tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

export function StatsPage({ ctx, login, stats, period, sort, direction }: { ctx: PageContext; login: string; stats: CreatorStats; period: Period; sort: StatColumn | 'title'; direction: 'asc' | 'desc' }) {
  const base = `/users/${encodeURIComponent(login)}/stats`;
  const link = (column: StatColumn | 'title') => `${base}?period=${period}&sort=${column}&direction=${sort === column && direction === 'desc' ? 'asc' : 'desc'}`;
  const sorted = [...stats.works].sort((a, b) => {
    const order = sort === 'title' ? a.title.localeCompare(b.title) : a[sort] - b[sort];
    return direction === 'asc' ? order : -order;
  });
  return (
    <Layout ctx={ctx} title="Statistics" mainClass="stats-page">
      <h2 class="heading">Statistics</h2>
      <dl class="stats totals">
        {STAT_COLUMNS.map((c) => <><dt class={c}>{LABELS[c]}:</dt><dd class={c}>{formatCount(stats.totals[c])}</dd></>)}
      </dl>
      <nav aria-label="Period"><ul class="navigation actions">
        {(Object.keys(PERIODS) as Period[]).map((p) => <li key={p}>{p === period ? <span class="current" aria-current="page">{PERIOD_LABELS[p]}</span> : <a href={`${base}?period=${p}&sort=${sort}&direction=${direction}`}>{PERIOD_LABELS[p]}</a>}</li>)}
        <li><a href={`${base}.csv`}>Download CSV</a></li>
      </ul></nav>
      <HitsChart days={stats.days} period={period} />
      {sorted.length === 0 ? <p class="empty">Post a work and its figures will show here.</p> : (
        <div class="table-scroll"><table class="stats-table works-stats">
          <thead><tr>
            <th scope="col"><a href={link('title')}>Work</a></th>
            {STAT_COLUMNS.map((c) => <th scope="col" key={c} aria-sort={sort === c ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}><a href={link(c)}>{LABELS[c]}</a></th>)}
          </tr></thead>
          <tbody>{sorted.map((w) => <tr key={w.id}><th scope="row"><a href={`/works/${w.id}`}>{w.title}</a></th>{STAT_COLUMNS.map((c) => <td key={c}>{formatCount(w[c])}</td>)}</tr>)}</tbody>
        </table></div>
      )}
    </Layout>
  );
}

/** The works' figures as CSV (a header row, then one row per work, oldest first), quoted where needed. */
export function statsCsv(stats: CreatorStats): string {
  const quote = (value: string | number) => (typeof value === 'number' ? String(value) : `"${value.replaceAll('"', '""')}"`);
  const header = ['work_id', 'title', ...STAT_COLUMNS].join(',');
  return [header, ...[...stats.works].sort((a, b) => a.id - b.id).map((w) => [w.id, quote(w.title), ...STAT_COLUMNS.map((c) => w[c])].join(','))].join('\r\n') + '\r\n';
}
