// The body of a listing page: what the filters could not use, the results, and the sort and
// filter form beside them (below them on a phone).
import type { ComponentChildren } from 'preact';

export function ListingColumns({ filters, notices = [], children }: {
  /** The sort and filter form; without it the results take the whole width. */
  filters?: ComponentChildren;
  /** What the filters could not use, said plainly. */
  notices?: string[] | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={filters !== undefined ? 'listing' : 'listing without-filters'}>
      <div class="results">
        {notices.length > 0 && <ul class="flash error filter-notices">{notices.map((n) => <li key={n}>{n}</li>)}</ul>}
        {children}
      </div>
      {filters !== undefined && <aside class="filters-column" aria-label="Sort and filter">{filters}</aside>}
    </div>
  );
}
