// The fandoms index: canonical fandoms A to Z, each with its work count, then the fandoms works
// use that no one has wrangled yet.
import type { PageContext } from '../../http/context.js';
import { formatCount } from '../../lib/text.js';
import { Layout } from '../../views/layout.js';
import type { FandomEntry } from '../fandom-index.service.js';
import { tagWorksPath } from '../tag-url.js';

function initial(name: string): string {
  const first = name.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

function FandomList({ fandoms }: { fandoms: FandomEntry[] }) {
  return (
    <ul class="tags index group">
      {fandoms.map((f) => <li key={f.name}><a class="tag" href={tagWorksPath(f.name)}>{f.name}</a> <span class="count">({formatCount(f.works)})</span></li>)}
    </ul>
  );
}

/** Every canonical fandom grouped by first letter, then the unwrangled ones. */
export function FandomsPage({ ctx, fandoms }: { ctx: PageContext; fandoms: FandomEntry[] }) {
  const canonical = fandoms.filter((f) => f.canonical);
  const unwrangled = fandoms.filter((f) => !f.canonical);
  const groups = new Map<string, FandomEntry[]>();
  for (const f of canonical) groups.set(initial(f.name), [...(groups.get(initial(f.name)) ?? []), f]);
  const letters = [...groups.keys()].sort((a, b) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b)));
  const user = ctx.viewer.user;
  return (
    <Layout ctx={ctx} title="Fandoms" mainClass="fandoms-index">
      <h2 class="heading">Fandoms</h2>
      {fandoms.length === 0 && <p>No works have been posted yet.</p>}
      {letters.length > 0 && <nav aria-label="Letters"><ol class="alphabet">{letters.map((l) => <li key={l}><a href={`#letter-${l}`}>{l}</a></li>)}</ol></nav>}
      {letters.map((letter) => (
        <section key={letter} id={`letter-${letter}`} class="letter listbox group">
          <h3 class="heading">{letter}</h3>
          <FandomList fandoms={groups.get(letter) ?? []} />
        </section>
      ))}
      {unwrangled.length > 0 && (
        <section id="unwrangled" class="unwrangled listbox group">
          <h3 class="heading">Not wrangled yet</h3>
          <p class="hint">
            Fandoms that works use and that no tag wrangler has made canonical yet (or joined to another spelling).
            {user?.isAdmin === true && <> To list new fandoms above as soon as they are used, change the <a href="/admin/settings">archive settings</a>.</>}
          </p>
          <FandomList fandoms={unwrangled} />
        </section>
      )}
    </Layout>
  );
}
