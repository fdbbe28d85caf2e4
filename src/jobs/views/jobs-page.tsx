// The administrators' view of the job queue: how many jobs of each kind are in each state, the
// jobs that failed for good (with their error, and a button to try again), and the running ones
// with the worker holding each.
import type { JobState } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import { PostButton } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { JobRow } from '../job.repository.js';
import type { JobOverview } from '../job.service.js';

const STATES: readonly JobState[] = ['queued', 'running', 'done', 'failed'];

const when = (iso: string | null): string => (iso === null ? '' : `${iso.slice(0, 19).replace('T', ' ')} UTC`);

function CountTable({ counts }: { counts: JobOverview['counts'] }) {
  const kinds = [...new Set(counts.map((c) => c.kind))];
  const n = (kind: string, state: JobState): number => counts.find((c) => c.kind === kind && c.state === state)?.n ?? 0;
  if (kinds.length === 0) return <p class="empty">No jobs yet.</p>;
  return (
    <table class="job-counts">
      <thead><tr><th scope="col">Kind</th>{STATES.map((s) => <th scope="col">{s}</th>)}</tr></thead>
      <tbody>{kinds.map((kind) => <tr data-kind={kind}><th scope="row">{kind}</th>{STATES.map((s) => <td class={s}>{n(kind, s)}</td>)}</tr>)}</tbody>
    </table>
  );
}

function FailedJob({ ctx, job }: { ctx: PageContext; job: JobRow }) {
  return (
    <li class="failed-job" id={`job-${job.id}`}>
      <strong>#{job.id} {job.kind}</strong> · {job.attempts} of {job.max_attempts} attempts · failed {when(job.finished_at)}
      <p class="job-error">{job.last_error ?? '(no error was recorded)'}</p>
      <details><summary>Payload</summary><pre>{job.payload}</pre></details>
      <PostButton ctx={ctx} action={`/admin/jobs/${job.id}/retry`} label="Retry" />
    </li>
  );
}

/** The queue at a glance. */
export function JobsPage({ ctx, overview, runsHere }: { ctx: PageContext; overview: JobOverview; runsHere: boolean }) {
  return (
    <Layout ctx={ctx} title="Background jobs" mainClass="admin-jobs">
      <h2 class="heading">Background jobs</h2>
      <p>
        Email, daily digests and collection reveals run as jobs. {runsHere ? 'This app server runs jobs (RUN_JOBS is on).' : 'This app server only queues jobs (RUN_JOBS=false): a worker runs them.'}
        {' '}A failed job was tried as many times as it may be and gave up; Retry queues it again from its first attempt.
      </p>
      <h3 class="heading">By kind and state</h3>
      <CountTable counts={overview.counts} />
      <h3 class="heading">Failed</h3>
      {overview.failed.length === 0 ? <p class="empty">No failed jobs.</p> : <ol class="failed-jobs">{overview.failed.map((job) => <FailedJob ctx={ctx} job={job} />)}</ol>}
      <h3 class="heading">Running</h3>
      {overview.running.length === 0 ? <p class="empty">Nothing is running.</p> : (
        <ol class="running-jobs">
          {overview.running.map((job) => (
            <li class="running-job" id={`job-${job.id}`}><strong>#{job.id} {job.kind}</strong> · attempt {job.attempts} of {job.max_attempts} · held by <code class="lease-owner">{job.lease_owner}</code> until {when(job.lease_expires_at)}</li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
