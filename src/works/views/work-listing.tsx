// A page listing works: heading, count, blurbs, pagination.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../http/context.js';
import { formatCount } from '../../lib/text.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import type { Page } from '../reading.service.js';
import type { WorkModel } from '../work.model.js';
import { WorkBlurb } from './work-blurb.js';

type ListingProps = { ctx: PageContext; title: string; heading: ComponentChildren; page: Page<WorkModel>; basePath: string; intro?: ComponentChildren; empty: string };

function countLine(page: Page<WorkModel>): string {
  if (page.total === 0) return '';
  const first = (page.page - 1) * 20 + 1;
  const last = first + page.items.length - 1;
  return page.pages > 1 ? `${formatCount(first)} - ${formatCount(last)} of ${formatCount(page.total)} Works` : `${formatCount(page.total)} ${page.total === 1 ? 'Work' : 'Works'}`;
}

/** Any listing of works. */
export function WorkListing({ ctx, title, heading, page, basePath, intro, empty }: ListingProps) {
  return (
    <Layout ctx={ctx} title={title} mainClass="works-index">
      <h2 class="heading">{heading}</h2>
      {intro}
      {page.total > 0 ? <p class="listing-count">{countLine(page)}</p> : <p class="empty">{empty}</p>}
      <ol class="work index group">
        {page.items.map((work) => <WorkBlurb key={work.id} work={work} />)}
      </ol>
      <Pagination page={page.page} pages={page.pages} basePath={basePath} />
    </Layout>
  );
}
