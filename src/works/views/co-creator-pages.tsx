// Co-creator pages: a work's creators and invitations (for its creators), and a member's own
// invitations, each with Accept and Decline.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { CreatorsView } from '../co-creator.service.js';
import type { InvitationRow } from '../co-creator.repository.js';

/** A work's creators: invite a co-creator, take an invitation back, or leave the work. */
export function WorkCreatorsPage({ ctx, workId, view, invitee, errors }: { ctx: PageContext; workId: number; view: CreatorsView; invitee: string; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title={`Creators: ${view.title}`} mainClass="narrow">
      <h2 class="heading">Creators of <a href={`/works/${workId}`}>{view.title}</a></h2>
      <ErrorSummary errors={errors} />
      <ul class="creator-list">
        {view.creators.map((c) => <li key={`${c.login}/${c.pseud}`}>{c.pseud === c.login ? c.login : `${c.pseud} (${c.login})`}{c.me && ' (you)'}</li>)}
      </ul>
      {errors.leave !== undefined && <p class="field-error" id="field-leave-error">{errors.leave}</p>}
      <PostButton ctx={ctx} action={`/works/${workId}/creators/leave`} label="Remove me as a creator" confirm="Stop being a creator of this work? The other creators keep it." />
      <h3 class="heading">Invitations waiting for an answer</h3>
      {view.invited.length === 0 ? <p class="empty">None.</p> : (
        <ul class="invitation-list">
          {view.invited.map((i) => <li key={i.pseudId}>{i.pseud === i.login ? i.login : `${i.pseud} (${i.login})`} <PostButton ctx={ctx} action={`/works/${workId}/creator_invitations/${i.pseudId}/delete`} label="Take back" /></li>)}
        </ul>
      )}
      <Form ctx={ctx} action={`/works/${workId}/creators`}>
        <TextField name="invitee" label="Invite a co-creator" value={invitee} errors={errors} hint="A member’s login, or one of their pseuds as “pseud (login)”. They are shown as a creator once they accept." />
        <p class="form-actions"><button type="submit" class="primary">Send invitation</button></p>
      </Form>
    </Layout>
  );
}

/** A member's invitations to co-create works. */
export function InvitationsPage({ ctx, invitations }: { ctx: PageContext; invitations: InvitationRow[] }) {
  return (
    <Layout ctx={ctx} title="Co-creator invitations" mainClass="narrow">
      <h2 class="heading">Co-creator invitations</h2>
      {invitations.length === 0 ? <p class="empty">No invitations are waiting.</p> : (
        <ul class="invitation-list">
          {invitations.map((i) => (
            <li key={`${i.work_id}/${i.pseud_id}`}>
              <strong>{i.title}</strong>, as {i.pseud}{' '}
              <PostButton ctx={ctx} action={`/works/${i.work_id}/creator_invitations/${i.pseud_id}/accept`} label="Accept" class="primary" />{' '}
              <PostButton ctx={ctx} action={`/works/${i.work_id}/creator_invitations/${i.pseud_id}/delete`} label="Decline" />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** Orphaning a work: what it means, and whether the pseud's name stays on it. */
export function OrphanPage({ ctx, workId, title }: { ctx: PageContext; workId: number; title: string }) {
  return (
    <Layout ctx={ctx} title={`Orphan: ${title}`} mainClass="narrow">
      <h2 class="heading">Orphan <a href={`/works/${workId}`}>{title}</a></h2>
      <p>Orphaning hands your part of this work to the archive’s shared orphan account: it stays for readers, with its comments, kudos and bookmarks, but it is no longer yours to edit or delete, and it cannot be undone. If the work has other creators, only you are removed.</p>
      <Form ctx={ctx} action={`/works/${workId}/orphan`} confirm="Orphan this work? You cannot undo it.">
        <fieldset class="form-section">
          <legend>The name on the work</legend>
          <label class="choice"><input type="radio" name="keep_pseud" value="1" checked /> Keep my pseud’s name on it (held by the orphan account)</label>
          <label class="choice"><input type="radio" name="keep_pseud" value="0" /> Sign it “orphan_account”</label>
        </fieldset>
        <p class="form-actions"><button type="submit" class="danger">Orphan this work</button> <a href={`/works/${workId}`}>Cancel</a></p>
      </Form>
    </Layout>
  );
}
