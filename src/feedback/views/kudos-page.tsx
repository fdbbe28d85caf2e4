// Everyone who left kudos on a work: the accounts, newest first, a page at a time, and how many guests.
import type { PageContext } from '../../http/context.js';
import { formatCount } from '../../lib/text.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import type { KudosGivers } from '../kudos.repository.js';

export function KudosPage({ ctx, workId, title, givers, page, perPage }: {
  ctx: PageContext; workId: number; title: string; givers: KudosGivers; page: number; perPage: number;
}) {
  const pages = Math.max(1, Math.ceil(givers.members / perPage));
  return (
    <Layout ctx={ctx} title={`Kudos on ${title}`} mainClass="kudos-index">
      <h2 class="heading">Kudos on <a href={`/works/${workId}`}>{title}</a></h2>
      <p>
        {formatCount(givers.members)} {givers.members === 1 ? 'user' : 'users'} and {formatCount(givers.guests)} {givers.guests === 1 ? 'guest' : 'guests'} left kudos on this work.
      </p>
      {givers.logins.length > 0 && (
        <ul class="kudos-givers commas">
          {givers.logins.map((login) => <li key={login}><a href={`/users/${encodeURIComponent(login)}`}>{login}</a></li>)}
        </ul>
      )}
      <Pagination page={page} pages={pages} basePath={`/works/${workId}/kudos`} />
    </Layout>
  );
}
