// The list of a user's pseuds, with the add form for the owner.
import type { PseudRow } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, MuteButton, PostButton, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';

type Props = { ctx: PageContext; login: string; pseuds: PseudRow[]; own: boolean; blocked: boolean; values: { name: string; description: string }; errors: FieldErrors };

/** Pseuds of one user. */
export function PseudsPage({ ctx, login, pseuds, own, blocked, values, errors }: Props) {
  return (
    <Layout ctx={ctx} title={`Pseuds of ${login}`} mainClass="narrow">
      <h2 class="heading">{own ? 'Your pseuds' : `Pseuds of ${login}`}</h2>
      <ul class="pseud index">
        {pseuds.map((p) => (
          <li key={p.id}>
            <a href={`/users/${encodeURIComponent(login)}/pseuds/${encodeURIComponent(p.name)}/works`}>{p.name}</a>
            {p.is_default === 1 && <span class="hint"> (default)</span>}
            {p.description !== '' && <p class="hint">{p.description}</p>}
            {own && (
              <details class="pseud-edit">
                <summary>Edit</summary>
                <Form ctx={ctx} action={`/users/${encodeURIComponent(login)}/pseuds/${encodeURIComponent(p.name)}/edit`}>
                  {/* Plain fields: one form per pseud, so each needs ids of its own. */}
                  <p><label for={`pseud-${p.id}-name`}>Name</label> <input id={`pseud-${p.id}-name`} name="name" required value={p.name} maxLength={40} /></p>
                  <p><label for={`pseud-${p.id}-description`}>Description</label> <input id={`pseud-${p.id}-description`} name="description" value={p.description} maxLength={500} /></p>
                  <p><button type="submit">Save pseud</button></p>
                </Form>
                {p.is_default !== 1 && <PostButton ctx={ctx} action={`/users/${encodeURIComponent(login)}/pseuds/${encodeURIComponent(p.name)}/delete`} label="Delete pseud"
                  confirm={`Delete ${p.name}? Its works move to your default pseud.`} />}
              </details>
            )}
          </li>
        ))}
      </ul>
      {!own && ctx.viewer.user !== null && (
        <p class="profile-actions">{blocked
          ? <PostButton ctx={ctx} action={`/users/${login}/unblock`} label={`Unblock ${login}`} />
          : <PostButton ctx={ctx} action={`/users/${login}/block`} label={`Block ${login}`} confirm={`Block ${login}? They will not be able to comment on your works, reply to you, leave kudos, give you gifts or invite you, and you will not see their comments.`} />}
        {' '}<MuteButton ctx={ctx} kind="user" name={login} /></p>
      )}
      {own && <p><a href={`/users/${login}/blocked`}>Whom you blocked</a></p>}
      {!own && <p class="report-link"><a href={`/reports/new?kind=user&id=${encodeURIComponent(login)}`} rel="nofollow">Report this profile</a></p>}
      {own && (
        <>
          <h3 class="heading">Add a pseud</h3>
          <p class="hint">A pseud is another name you post under, on the same account.</p>
          <ErrorSummary errors={errors} />
          <Form ctx={ctx} action={`/users/${encodeURIComponent(login)}/pseuds`}>
            <TextField name="name" label="Name" required value={values.name} errors={errors} hint="Up to 40 letters, digits, spaces, underscores, hyphens or dots." />
            <TextField name="description" label="Description (optional)" value={values.description} errors={errors} />
            <p><button type="submit" class="primary">Add pseud</button></p>
          </Form>
        </>
      )}
    </Layout>
  );
}
