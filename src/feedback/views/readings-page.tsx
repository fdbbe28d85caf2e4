// A member's reading history: the works they read, most recent first, with when and how often,
// "Updated since you last read", and Mark for Later; or only the works marked for later.
import type { PageContext } from '../../http/context.js';
import { PostButton } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import type { Page } from '../../works/reading.service.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import { NO_MARKS } from '../../works/listing-marks.js';
import type { ReadingEntry } from '../reading.service.js';
import { dateIn } from '../../lib/time-zones.js';

export function ReadingsPage({ ctx, login, page, history, laterOnly }: { ctx: PageContext; login: string; page: Page<ReadingEntry>; history: boolean; laterOnly: boolean }) {
  const base = `/users/${encodeURIComponent(login)}/readings`;
  return (
    <Layout ctx={ctx} title={laterOnly ? 'Marked for Later' : 'History'} mainClass="readings">
      <h2 class="heading">{laterOnly ? 'Marked for Later' : 'History'}</h2>
      <ul class="navigation actions">
        <li>{laterOnly ? <a href={base}>Full history</a> : <a href={`${base}?show=to-read`}>Marked for Later</a>}</li>
        <li><PostButton ctx={ctx} action={`${base}/history`} label={history ? 'Stop keeping a history' : 'Keep a history'} /></li>
        {!laterOnly && page.total > 0 && <li><PostButton ctx={ctx} action={`${base}/clear`} label="Clear history" confirm="Forget every work in your history? Works marked for later stay marked." /></li>}
      </ul>
      {!history && <p class="hint">Your history is not being kept: works you read are not added. Works you mark for later still are.</p>}
      {page.items.length === 0 ? <p class="empty">{laterOnly ? 'Nothing marked for later.' : 'No works read yet.'}</p> : (
        <ol class="reading work index group">
          {page.items.map((entry) => (
            <WorkBlurb key={entry.work.id} work={entry.work} reading={ctx.reading} marks={entry.updatedSince ? { ...NO_MARKS, updated: new Set([entry.work.id]) } : NO_MARKS}>
              <div class="reading-note">
                <p>
                  {entry.visits > 0 ? <>Last visited {dateIn(entry.lastReadAt, ctx.reading.timeZone)} · {entry.visits === 1 ? '1 visit' : `${entry.visits} visits`}</> : 'Not read yet'}
                  {entry.later && <> · <span class="later-mark">Marked for later</span></>}
                </p>
                <ul class="actions">
                  <li><PostButton ctx={ctx} action={`/works/${entry.work.id}/mark_for_later`} label={entry.later ? 'Mark as Read' : 'Mark for Later'} /></li>
                  <li><PostButton ctx={ctx} action={`${base}/${entry.work.id}/delete`} label="Delete from History" /></li>
                </ul>
              </div>
            </WorkBlurb>
          ))}
        </ol>
      )}
      <Pagination page={page.page} pages={page.pages} basePath={laterOnly ? `${base}?show=to-read` : base} />
    </Layout>
  );
}
