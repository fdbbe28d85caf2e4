// AO3's pagination list (ol.pagination), 20 works a page.

function pageHref(basePath: string, page: number): string {
  const [path, query = ''] = basePath.split('?');
  const params = new URLSearchParams(query);
  if (page === 1) params.delete('page'); else params.set('page', String(page));
  const rest = params.toString();
  return rest === '' ? path ?? '' : `${path ?? ''}?${rest}`;
}

function windowOf(page: number, pages: number): number[] {
  const shown = new Set([1, 2, pages - 1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  return [...shown].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
}

/** Previous, numbered and next page links; nothing when there is only one page. */
export function Pagination({ page, pages, basePath }: { page: number; pages: number; basePath: string }) {
  if (pages <= 1) return null;
  const numbers = windowOf(page, pages);
  return (
    <nav aria-label="Pages">
      <ol class="pagination actions" title="pagination">
        <li class="previous">{page > 1 ? <a rel="prev" href={pageHref(basePath, page - 1)}>← Previous</a> : <span class="disabled">← Previous</span>}</li>
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - (numbers[i - 1] ?? n) > 1 && <li class="gap" aria-hidden="true">…</li>}
            <li key={n}>{n === page ? <span class="current" aria-current="page">{n}</span> : <a href={pageHref(basePath, n)}>{n}</a>}</li>
          </>
        ))}
        <li class="next">{page < pages ? <a rel="next" href={pageHref(basePath, page + 1)}>Next →</a> : <span class="disabled">Next →</span>}</li>
      </ol>
    </nav>
  );
}
