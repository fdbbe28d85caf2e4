// Contest pages: the maintainers' settings, the ballot (one vote a category), the results once
// voting closes, and the maintainers' audit of every ballot.
import type { CollectionRow } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import type { ShownWork } from '../../works/work.model.js';
import type { ContestSettingsInput, ContestView } from '../contest.service.js';

const collectionPath = (name: string) => `/collections/${encodeURIComponent(name)}`;
const when = (iso: string | null) => (iso === null ? 'not set' : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`);

function Phase({ contest }: { contest: ContestView }) {
  const { settings } = contest;
  const now = contest.phase === 'submissions' ? `Taking entries until ${when(settings.submissions_close_at)}; voting until ${when(settings.voting_closes_at)}.`
    : contest.phase === 'voting' ? `Voting is open until ${when(settings.voting_closes_at)}. Entries are anonymous until then.` : `Voting closed on ${when(settings.voting_closes_at)}.`;
  return <p class="contest-phase">{now}</p>;
}

/** The maintainers' settings. */
export function ContestSettingsPage({ ctx, collection, values, errors }: { ctx: PageContext; collection: CollectionRow; values: ContestSettingsInput; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title={`Contest settings: ${collection.title}`} mainClass="narrow">
      <h2 class="heading">Contest settings of <a href={collectionPath(collection.name)}>{collection.title}</a></h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`${collectionPath(collection.name)}/contest`}>
        <TextField name="submissionsCloseAt" label="Submissions close (voting opens)" type="datetime-local" value={values.submissionsCloseAt} errors={errors} hint="YYYY-MM-DD HH:MM, in UTC." />
        <TextField name="votingClosesAt" label="Voting closes (results published, creators revealed)" type="datetime-local" value={values.votingClosesAt} errors={errors} hint="YYYY-MM-DD HH:MM, in UTC." />
        <TextArea name="categories" label="Categories" rows={4} value={values.categories} errors={errors} hint="One a line, such as Best fluff. Each member has one vote in each." />
        <p class="form-actions"><button type="submit" class="primary">Save settings</button></p>
      </Form>
    </Layout>
  );
}

/** The ballot: each category with the entries to choose from. */
export function BallotPage({ ctx, contest, entries, mine, errors }: { ctx: PageContext; contest: ContestView; entries: ShownWork[]; mine: Map<string, number>; errors: FieldErrors }) {
  const title = (id: number) => entries.find((w) => w.id === id)?.title ?? 'an entry';
  return (
    <Layout ctx={ctx} title={`Vote: ${contest.row.title}`} mainClass="works-index ballot">
      <h2 class="heading">Vote in <a href={collectionPath(contest.row.name)}>{contest.row.title}</a></h2>
      <Phase contest={contest} />
      <ErrorSummary errors={errors} />
      {entries.length === 0 && <p class="empty">No entries yet.</p>}
      {contest.categories.map((category, i) => (
        <section class="category" key={category} aria-labelledby={`category-${i}`}>
          <h3 class="heading" id={`category-${i}`}>{category}</h3>
          {errors[`vote-${i}`] !== undefined && <p class="field-error" id={`field-vote-${i}-error`}>{errors[`vote-${i}`]}</p>}
          {mine.has(category) ? <p class="voted">You voted for {title(mine.get(category) ?? 0)}.</p> : entries.length > 0 && (
            <Form ctx={ctx} action={`${collectionPath(contest.row.name)}/votes`}>
              <input type="hidden" name="category" value={category} />
              <ol class="work index group">
                {entries.map((work) => (
                  <WorkBlurb key={work.id} work={work} reading={ctx.reading}>
                    <label class="choice vote-choice"><input type="radio" name="work_id" value={String(work.id)} required /> Vote for this in {category}</label>
                  </WorkBlurb>
                ))}
              </ol>
              <p class="form-actions"><button type="submit" class="primary">Cast my vote in {category}</button></p>
            </Form>
          )}
        </section>
      ))}
    </Layout>
  );
}

/** The results, category by category, most votes first. */
export function ResultsPage({ ctx, contest, results }: { ctx: PageContext; contest: ContestView; results: Array<{ category: string; rows: Array<{ work: ShownWork; votes: number }> }> | null }) {
  return (
    <Layout ctx={ctx} title={`Results: ${contest.row.title}`} mainClass="works-index results">
      <h2 class="heading">Results of <a href={collectionPath(contest.row.name)}>{contest.row.title}</a></h2>
      <Phase contest={contest} />
      {contest.maintainer && contest.phase !== 'closed' && <p class="hint">You see the count so far because you maintain this contest; everyone else sees it when voting closes. <a href={`${collectionPath(contest.row.name)}/votes/audit`}>Every ballot</a></p>}
      {results === null ? <p class="empty">The results are published when voting closes.</p> : results.map((r) => (
        <section class="category" key={r.category}>
          <h3 class="heading">{r.category}</h3>
          <ol class="work index group">
            {r.rows.map((row) => <WorkBlurb key={row.work.id} work={row.work} reading={ctx.reading}><p class="votes">{row.votes === 1 ? '1 vote' : `${row.votes} votes`}</p></WorkBlurb>)}
          </ol>
        </section>
      ))}
    </Layout>
  );
}

/** Every ballot, for the maintainers to check the count. */
export function AuditPage({ ctx, contest, ballots }: { ctx: PageContext; contest: ContestView; ballots: Array<{ category: string; login: string; work_id: number; created_at: string }> }) {
  return (
    <Layout ctx={ctx} title={`Ballots: ${contest.row.title}`} mainClass="narrow">
      <h2 class="heading">Ballots of <a href={collectionPath(contest.row.name)}>{contest.row.title}</a></h2>
      <p>{ballots.length === 1 ? '1 vote' : `${ballots.length} votes`} cast.</p>
      <table class="ballots">
        <thead><tr><th scope="col">Category</th><th scope="col">Voter</th><th scope="col">Entry</th><th scope="col">When</th></tr></thead>
        <tbody>{ballots.map((b) => <tr key={`${b.category}-${b.login}`}><td>{b.category}</td><td>{b.login}</td><td><a href={`/works/${b.work_id}`}>Work {b.work_id}</a></td><td>{when(b.created_at)}</td></tr>)}</tbody>
      </table>
    </Layout>
  );
}
