// Creator links: the only links on a work's pages to /users/:login/pseuds/:pseud (tools count them as authors).
import { pseudPath } from '../work-paths.js';
import type { Creator } from '../work.model.js';

/** "pseud" or "pseud (login)" linked to the pseud, separated by commas. */
export function Byline({ creators }: { creators: Creator[] }) {
  return (
    <>
      {creators.map((c, i) => (
        <>
          {i > 0 && ', '}
          {c.login === null ? <span class="anonymous">{c.pseud}</span>
            : <a rel="author" href={pseudPath(c.login, c.pseud)}>{c.pseud.toLowerCase() === c.login.toLowerCase() ? c.pseud : `${c.pseud} (${c.login})`}</a>}
        </>
      ))}
    </>
  );
}
