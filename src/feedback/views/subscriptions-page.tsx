// A member's subscriptions: the works and creators they follow, each with an Unsubscribe button.
import type { PageContext } from '../../http/context.js';
import { PostButton } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { SubscriptionRow } from '../subscription.repository.js';

export function SubscriptionsPage({ ctx, subscriptions }: { ctx: PageContext; subscriptions: SubscriptionRow[] }) {
  return (
    <Layout ctx={ctx} title="Subscriptions" mainClass="narrow subscriptions">
      <h2 class="heading">Subscriptions</h2>
      <p>You get an email for each new chapter of these works, each new part of these series and each new work by these creators, or one a day if you <a href={ctx.viewer.user === null ? '/login' : `/users/${encodeURIComponent(ctx.viewer.user.login)}/preferences`}>choose the daily digest</a>.</p>
      {subscriptions.length === 0 ? <p class="empty">No subscriptions yet: use Subscribe on a work or on a creator’s works page.</p> : (
        <ul class="subscription-list">
          {subscriptions.map((s) => (
            <li key={s.id}>
              {s.kind === 'work' && <a href={`/works/${s.target_id}`}>{s.label}</a>}
              {s.kind === 'series' && <>Series <a href={`/series/${s.target_id}`}>{s.label}</a></>}
              {s.kind === 'creator' && <>Works by <a href={`/users/${encodeURIComponent(s.label)}/works`}>{s.label}</a></>}
              {' '}<PostButton ctx={ctx} action={`/subscriptions/${s.id}/delete`} label="Unsubscribe" />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
