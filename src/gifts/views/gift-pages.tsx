// Gift pages: a member's gifts (the works given to them, each with Refuse for its recipient), and a
// work's Gifts page for its creators (give it to someone, or take a gift back).
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import type { ShownWork } from '../../works/work.model.js';
import { GIFT_NAME_MAX, type WorkGift } from '../gift.service.js';

export function GiftsPage({ ctx, login, mine, gifts }: { ctx: PageContext; login: string; mine: boolean; gifts: Array<{ id: number; work: ShownWork }> }) {
  return (
    <Layout ctx={ctx} title={`Gifts for ${login}`} mainClass="works-index gifts">
      <h2 class="heading">Gifts for {login}</h2>
      {mine && <p class="hint">A gift you refuse is no longer shown, here or on the work. Choose whether others may give you works in your <a href={`/users/${encodeURIComponent(login)}/preferences`}>preferences</a>.</p>}
      {gifts.length === 0 ? <p class="empty">No gifts yet.</p> : (
        <ol class="work index group">
          {gifts.map((gift) => (
            <WorkBlurb key={gift.id} work={gift.work} reading={ctx.reading}>
              {mine && <ul class="actions gift-actions"><li><PostButton ctx={ctx} action={`/gifts/${gift.id}/refuse`} label="Refuse gift" confirm="Refuse this gift? It will no longer show, here or on the work." /></li></ul>}
            </WorkBlurb>
          ))}
        </ol>
      )}
    </Layout>
  );
}

export function WorkGiftsPage({ ctx, workId, title, gifts, recipient, errors }: {
  ctx: PageContext; workId: number; title: string; gifts: WorkGift[]; recipient: string; errors: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title={`Gifts: ${title}`} mainClass="narrow">
      <h2 class="heading">Gifts: <a href={`/works/${workId}`}>{title}</a></h2>
      {gifts.length === 0 ? <p class="empty">This work is not a gift yet.</p> : (
        <ul class="gift-list">
          {gifts.map((gift) => (
            <li key={gift.id}>
              For {gift.login === null ? <>{gift.name} <span class="hint">(no account here)</span></> : <a href={`/users/${encodeURIComponent(gift.login)}/gifts`}>{gift.name}</a>}
              {' '}<PostButton ctx={ctx} action={`/gifts/${gift.id}/delete`} label="Take back" />
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/works/${workId}/gifts`}>
        <TextField name="recipient" label="Give this work to" value={recipient} errors={errors} maxLength={GIFT_NAME_MAX}
          hint="A member’s login (they can refuse it), or the name of someone without an account here, shown as you write it." />
        <p class="form-actions"><button type="submit" class="primary">Give as a gift</button></p>
      </Form>
    </Layout>
  );
}
