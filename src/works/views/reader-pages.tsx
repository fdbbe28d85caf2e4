// Small reader pages: the adult-content notice, the chapter index, the delete confirmation.
import type { PageContext } from '../../http/context.js';
import { Form } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { chapterPath, workPath } from '../work-paths.js';
import type { ChapterHead, WorkModel } from '../work.model.js';
import { Byline } from './byline.js';
import { WorkBlurb } from './work-blurb.js';

/** The adult-content notice; tools look for this sentence and a link whose text is exactly "Proceed". */
export function AdultNoticePage({ ctx, work, proceedHref }: { ctx: PageContext; work: WorkModel; proceedHref: string }) {
  return (
    <Layout ctx={ctx} title={work.title} mainClass="works-show adult-notice">
      <p class="caution notice">This work could have adult content. If you continue, you have agreed that you are willing to see such content.</p>
      <ul class="actions">
        <li><a class="primary-link" href={proceedHref}>Proceed</a></li>
        <li><a href="/works">Go back</a></li>
      </ul>
      <ol class="work index group"><WorkBlurb work={work} reading={ctx.reading} shared={ctx.shared} /></ol>
    </Layout>
  );
}

/** The chapter index at /works/:id/navigate, each entry followed by its date. */
export function NavigatePage({ ctx, work, index }: { ctx: PageContext; work: WorkModel; index: ChapterHead[] }) {
  const workId = work.id ?? 0;
  return (
    <Layout ctx={ctx} title={`${work.title} - Chapter Index`} mainClass="chapters-index">
      <h2 class="heading">Chapter Index for <a href={workPath(workId)}>{work.title}</a> by <Byline creators={work.creators} /></h2>
      <ol class="chapter index group" role="navigation">
        {index.map((c) => (
          <li key={c.id}>
            <a href={chapterPath(workId, c.id ?? 0)}>{c.number}. {c.title !== '' ? c.title : `Chapter ${c.number}`}</a>{' '}
            <span class="datetime">({c.publishedOn ?? 'draft'})</span>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

/** Asks before deleting a work for good. */
export function ConfirmDeletePage({ ctx, work }: { ctx: PageContext; work: WorkModel }) {
  const workId = work.id ?? 0;
  return (
    <Layout ctx={ctx} title={`Delete ${work.title}?`} mainClass="narrow">
      <h2 class="heading">Delete “{work.title}”?</h2>
      <p class="caution">This deletes the work, all {work.chapterCount} of its chapters and its notes for good. It cannot be undone.</p>
      <Form ctx={ctx} action={`${workPath(workId)}/delete`}>
        <p class="actions">
          <button type="submit" class="danger">Yes, delete this work</button>{' '}
          <a href={workPath(workId)}>No, keep it</a>
        </p>
      </Form>
    </Layout>
  );
}
