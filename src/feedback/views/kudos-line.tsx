// "A, B, C and 23 guests left kudos on this work!", under a work: the names link to the givers,
// and a long list stops at the first names, linking to the whole list.
import { render } from 'preact-render-to-string';
import { formatCount } from '../../lib/text.js';
import type { KudosGivers } from '../kudos.repository.js';

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The kudos sentence, or nothing when nobody has left kudos yet. */
export function KudosLine({ workId, givers }: { workId: number; givers: KudosGivers }) {
  const { logins, members, guests } = givers;
  if (members + guests === 0) return null;
  const more = members - logins.length;
  const parts = [
    ...logins.map((login) => <a href={`/users/${encodeURIComponent(login)}`}>{login}</a>),
    ...(more > 0 ? [<a href={`/works/${workId}/kudos`}>{plural(more, 'more user', 'more users')}</a>] : []),
    ...(guests > 0 ? [<>{plural(guests, 'guest', 'guests')}</>] : []),
  ];
  return (
    <p class="kudos">
      {parts.map((part, i) => (
        <>{i === 0 ? '' : i === parts.length - 1 ? ' and ' : ', '}{part}</>
      ))}
      {' left kudos on this work!'}
    </p>
  );
}

/** The kudos sentence as HTML, for the work page (and its slot on pages shared by guests). */
export function kudosLineHtml(workId: number, givers: KudosGivers): string {
  return render(<KudosLine workId={workId} givers={givers} />);
}
