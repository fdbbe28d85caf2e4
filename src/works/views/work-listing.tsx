// A page listing works: heading, count, blurbs, pagination.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../http/context.js';
import { formatCount } from '../../lib/text.js';
import { Layout } from '../../views/layout.js';
import { ListingColumns } from '../../views/listing-columns.js';
import { Pagination } from '../../views/pagination.js';
import type { Page } from '../reading.service.js';
import type { WorkModel } from '../work.model.js';
import type { ListingMarks } from '../listing-marks.js';
import { WorkBlurb } from './work-blurb.js';

type ListingProps = {
  ctx: PageContext; title: string; heading: ComponentChildren; page: Page<WorkModel>; basePath: string; intro?: ComponentChildren; empty: string;
  /** The sort and filter form, shown beside the list. */
  filters?: ComponentChildren;
  /** What the filters could not use, said plainly. */
  notices?: string[];
  /** The tag's Atom feed, where it has one. */
  feed?: { href: string; title: string } | undefined;
  /** What the blurbs show for this viewer beyond the works themselves. */
  marks?: ListingMarks;
};

/** An address with one query parameter set (the page number dropped: the list changes). */
function withQuery(path: string, name: string, value: string): string {
  const url = new URL(path, 'http://listing.invalid');
  url.searchParams.delete('page');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

function countLine(page: Page<WorkModel>): string {
  if (page.total === 0) return '';
  const first = (page.page - 1) * 20 + 1;
  const last = first + page.items.length - 1;
  return page.pages > 1 ? `${formatCount(first)} - ${formatCount(last)} of ${formatCount(page.total)} Works` : `${formatCount(page.total)} ${page.total === 1 ? 'Work' : 'Works'}`;
}

/** "N works hidden by your mutes", with a link showing them on this page (listings, search, bookmarks). */
export function MutedLine({ ctx, muted, basePath, noun = 'work' }: { ctx: PageContext; muted: number | undefined; basePath: string; noun?: string }) {
  if (muted === undefined || muted === 0) return null;
  return (
    <p class="muted-line">{formatCount(muted)} {muted === 1 ? noun : `${noun}s`} hidden by your mutes. <a href={withQuery(basePath, 'show_muted', '1')}>Show {muted === 1 ? 'it' : 'them'}</a> · <a href={`/users/${ctx.viewer.user?.login ?? ''}/mutes`}>Your mutes</a></p>
  );
}

/** Any listing of works. */
export function WorkListing({ ctx, title, heading, page, basePath, intro, empty, filters, notices, feed, marks }: ListingProps) {
  return (
    <Layout ctx={ctx} title={title} mainClass={filters !== undefined ? 'works-index with-filters' : 'works-index'} feed={feed}>
      <h2 class="heading">{heading}</h2>
      {feed !== undefined && <ul class="navigation actions"><li><a class="rss" href={feed.href} type="application/atom+xml">Subscribe to this tag's feed</a></li></ul>}
      {intro}
      <ListingColumns filters={filters} notices={notices}>
        {page.total > 0 ? <p class="listing-count" role="status">{countLine(page)}</p> : <p class="empty">{empty}</p>}
        <MutedLine ctx={ctx} muted={page.muted} basePath={basePath} />
        <ol class="work index group">
          {page.items.map((work) => <WorkBlurb key={work.id} work={work} reading={ctx.reading} marks={marks} />)}
        </ol>
        <Pagination page={page.page} pages={page.pages} basePath={basePath} />
      </ListingColumns>
    </Layout>
  );
}
