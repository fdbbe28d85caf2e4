// The fandoms index: A to Z, each fandom with its work count.
import type { PageContext } from '../../http/context.js';
import { formatCount } from '../../lib/text.js';
import { Layout } from '../../views/layout.js';
import type { FandomEntry } from '../fandom-index.service.js';
import { tagWorksPath } from '../tag-url.js';

function initial(name: string): string {
  const first = name.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** Every canonical fandom, grouped by first letter. */
export function FandomsPage({ ctx, fandoms }: { ctx: PageContext; fandoms: FandomEntry[] }) {
  const groups = new Map<string, FandomEntry[]>();
  for (const f of fandoms) groups.set(initial(f.name), [...(groups.get(initial(f.name)) ?? []), f]);
  const letters = [...groups.keys()].sort((a, b) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b)));
  return (
    <Layout ctx={ctx} title="Fandoms" mainClass="fandoms-index">
      <h2 class="heading">Fandoms</h2>
      {fandoms.length === 0 ? <p>No fandoms have been wrangled yet.</p> : (
        <>
          <nav aria-label="Letters"><ol class="alphabet">{letters.map((l) => <li key={l}><a href={`#letter-${l}`}>{l}</a></li>)}</ol></nav>
          {letters.map((letter) => (
            <section key={letter} id={`letter-${letter}`} class="letter listbox group">
              <h3 class="heading">{letter}</h3>
              <ul class="tags index group">
                {(groups.get(letter) ?? []).map((f) => <li key={f.name}><a class="tag" href={tagWorksPath(f.name)}>{f.name}</a> <span class="count">({formatCount(f.works)})</span></li>)}
              </ul>
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
