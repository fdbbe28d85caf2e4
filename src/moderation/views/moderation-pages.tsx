// The moderation queue, one report with what is beside it and the actions, and the log.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { ActionRow, ReportRow } from '../moderation.repository.js';
import { REPORT_CATEGORIES } from '../report.service.js';
import type { HeldView } from '../held.service.js';

const categoryLabel = (value: string): string => REPORT_CATEGORIES.find(([v]) => v === value)?.[1] ?? value;
const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The reported thing, as the queue names it (with a link where it has a page). */
export type TargetView = { label: string; href: string | null; body: string; state: string };

export function QueuePage({ ctx, reports, targets }: { ctx: PageContext; reports: ReportRow[]; targets: Map<number, TargetView> }) {
  return (
    <Layout ctx={ctx} title="Moderation queue">
      <h2 class="heading">Moderation queue</h2>
      <p><a href="/admin/moderation/held">Held for review</a> · <a href="/admin/moderation/log">The log of every action</a></p>
      {reports.length === 0 ? <p>No reports are waiting.</p> : (
        <table class="moderation-queue">
          <thead><tr><th scope="col">Report</th><th scope="col">About</th><th scope="col">What is wrong</th><th scope="col">Sent</th></tr></thead>
          <tbody>
            {reports.map((report) => (
              <tr>
                <td><a href={`/admin/moderation/reports/${report.id}`}>#{report.id}</a></td>
                <td>{targets.get(report.id)?.label ?? `${report.target_kind} ${report.target_id}`}</td>
                <td>{categoryLabel(report.category)}</td>
                <td>{when(report.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function ActionList({ actions, ctx }: { actions: ActionRow[]; ctx: PageContext }) {
  if (actions.length === 0) return <p>None.</p>;
  return (
    <ol class="moderation-log">
      {actions.map((a) => (
        <li>
          <strong>{a.action.replace(/_/g, ' ')}</strong> {a.target_kind} {a.target_id}{a.detail !== '' ? ` (${a.detail.slice(0, 120)})` : ''} by {a.actor_login ?? 'someone gone'}, {when(a.created_at)}: {a.reason}
          {a.undone_at !== null ? <> — <em>undone {when(a.undone_at)}</em></> : a.action.startsWith('delete') ? null : <> <PostButton ctx={ctx} action={`/admin/moderation/actions/${a.id}/undo`} label="Undo" /></>}
        </li>
      ))}
    </ol>
  );
}

export type CaseView = { report: ReportRow; target: TargetView; others: ReportRow[]; history: ActionRow[]; ownerId: number | null; ownerLogin: string | null };

/** The actions that apply to a kind of reported thing, as [action, label, target kind, target id]. */
function actionsFor(view: CaseView): Array<[string, string, string, number]> {
  const { report, ownerId } = view;
  const forOwner: Array<[string, string, string, number]> = ownerId === null ? [] : [
    ['spam', `Mark ${view.ownerLogin ?? 'its creator'} as spam`, 'user', ownerId], ['suspend', `Suspend ${view.ownerLogin ?? 'its creator'}`, 'user', ownerId],
    ['ban', `Ban ${view.ownerLogin ?? 'its creator'}`, 'user', ownerId],
  ];
  if (report.target_kind === 'work') return [['hide_work', 'Hide this work', 'work', report.target_id], ['delete_work', 'Delete this work', 'work', report.target_id], ...forOwner];
  if (report.target_kind === 'comment') return [['hide_comment', 'Hide this comment', 'comment', report.target_id], ['delete_comment', 'Delete this comment', 'comment', report.target_id], ...forOwner];
  return forOwner;
}

export function CasePage({ ctx, view, errors, reason, days }: { ctx: PageContext; view: CaseView; errors: FieldErrors; reason: string; days: string }) {
  const { report, target } = view;
  return (
    <Layout ctx={ctx} title={`Report #${report.id}`}>
      <h2 class="heading">Report #{report.id}: {categoryLabel(report.category)}</h2>
      <ErrorSummary errors={errors} />
      <dl class="report-facts">
        <dt>About</dt><dd>{target.href !== null ? <a href={target.href}>{target.label}</a> : target.label} ({target.state})</dd>
        <dt>Sent</dt><dd>{when(report.created_at)} by {report.reporter_id !== null ? 'a member' : `a guest (${report.reporter_email ?? ''})`}</dd>
        <dt>Status</dt><dd>{report.status}</dd>
      </dl>
      <h3>What the reporter says</h3>
      <blockquote class="userstuff">{report.details}</blockquote>
      {target.body !== '' && <><h3>What was reported</h3><div class="userstuff reported" dangerouslySetInnerHTML={{ __html: target.body }} /></>}
      <h3>Other reports of it</h3>
      {view.others.length === 0 ? <p>None.</p> : <ul>{view.others.map((r) => <li><a href={`/admin/moderation/reports/${r.id}`}>#{r.id}</a> {categoryLabel(r.category)}, {when(r.created_at)} ({r.status})</li>)}</ul>}
      <h3>Past actions on {view.ownerLogin ?? 'its creator'}</h3>
      <ActionList actions={view.history} ctx={ctx} />
      {report.status === 'open' && (
        <>
          <h3>Act</h3>
          <Form ctx={ctx} action={`/admin/moderation/reports/${report.id}/act`} class="account-form">
            <fieldset class={errors.action !== undefined ? 'has-error' : undefined} id="field-action">
              <legend>Action</legend>
              {actionsFor(view).map(([action, label, kind, id]) => (
                <label class="choice"><input type="radio" name="act" value={`${action}:${kind}:${id}`} required /> {label}</label>
              ))}
            </fieldset>
            <TextField name="days" label="Days (for a suspension)" value={days} errors={errors} inputMode="numeric" />
            <TextField name="reason" label="Reason (kept in the log; a hidden work's creators see it)" value={reason} errors={errors} required />
            <p><button type="submit" class="primary">Do it and close the report</button></p>
          </Form>
          <p><PostButton ctx={ctx} action={`/admin/moderation/reports/${report.id}/dismiss`} label="Dismiss: nothing to do" /></p>
        </>
      )}
      <p><a href="/admin/moderation">Back to the queue</a></p>
    </Layout>
  );
}

export function LogPage({ ctx, actions }: { ctx: PageContext; actions: ActionRow[] }) {
  return (
    <Layout ctx={ctx} title="Moderation log">
      <h2 class="heading">Moderation log</h2>
      <ActionList actions={actions} ctx={ctx} />
      <p><a href="/admin/moderation">Back to the queue</a></p>
    </Layout>
  );
}

/** The review queue: what the spam checks held, each with its text and the three decisions. */
export function HeldQueuePage({ ctx, items, failed }: { ctx: PageContext; items: HeldView[]; failed: { id: number; errors: FieldErrors; reason: string } | null }) {
  return (
    <Layout ctx={ctx} title="Held for review">
      <h2 class="heading">Held for review</h2>
      <p>
        New members' works and comments (when the archive holds them), anything with a banned word or domain, and guests'
        comments with many links wait here, seen only by their writer. Approving one shows it and trusts its writer from then on.
        The spam checks are set in <a href="/admin/settings">Archive settings</a>.
      </p>
      {items.length === 0 ? <p>Nothing is waiting.</p> : (
        <ol class="held-queue">
          {items.map((item) => {
            const errors = failed?.id === item.id ? failed.errors : {};
            return (
              <li class="held-item" id={`held_${item.id}`}>
                <h3 class="heading">
                  {item.kind === 'work' ? 'Work ' : ''}{item.href !== null ? <a href={item.href}>{item.label}</a> : item.label}
                  {' '}by {item.login ?? 'a guest'}, {when(item.created_at)}
                </h3>
                <p class="held-reason">Held: {item.reason}</p>
                {item.body !== '' && <blockquote class="userstuff" dangerouslySetInnerHTML={{ __html: item.body }} />}
                <ErrorSummary errors={errors} labels={{ reason: 'Reason', decision: 'Decision' }} />
                <Form ctx={ctx} action={`/admin/moderation/held/${item.id}`}>
                  <TextField name="reason" label="Reason (for the log; not needed to approve)" value={failed?.id === item.id ? failed.reason : ''} errors={errors} />
                  <p class="actions">
                    <button type="submit" name="decision" value="approve" class="primary">Approve</button>{' '}
                    <button type="submit" name="decision" value="delete">Delete it</button>{' '}
                    {item.user_id !== null && <button type="submit" name="decision" value="spam">Mark {item.login ?? 'its writer'} as spam and delete it</button>}
                  </p>
                </Form>
              </li>
            );
          })}
        </ol>
      )}
    </Layout>
  );
}
