// The comments under a work's text: "Comments (N)" (or "Hide comments" once shown, a plain link
// either way, so it works without scripts), the first page of threads when shown, and the form.
import { render } from 'preact-render-to-string';
import type { PageContext } from '../../http/context.js';
import { SLOTS } from '../../http/page-slots.js';
import { formatCount } from '../../lib/text.js';
import type { CommentThreads } from '../comment-threads.service.js';
import { CommentEntryBlock, type CommentEntry } from './comment-pages.js';
import { CommentThreadList, type ThreadPowers } from './comment-thread.js';

export type WorkCommentsProps = {
  ctx: PageContext;
  /** This page's address without show_comments (the chapter's, or the entire work's). */
  pagePath: string;
  /** null on a page shared by guests: the count goes in its slot. */
  count: number | null;
  /** The threads when shown. */
  shown: { threads: CommentThreads; powers: ThreadPowers; morePath: string } | null;
  entry: CommentEntry;
};

function withShow(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}show_comments=true#comments`;
}

export function WorkComments({ ctx, pagePath, count, shown, entry }: WorkCommentsProps) {
  const counted = count === null ? SLOTS.comments : formatCount(count);
  return (
    <div id="comments" class="comments">
      <p class="comments-toggle">
        {shown === null
          ? <a href={withShow(pagePath)}>Comments (<span class="comments-count" dangerouslySetInnerHTML={{ __html: counted }} />)</a>
          : <a href={`${pagePath}#comments`}>Hide comments</a>}
      </p>
      {shown !== null && (
        <div id="comments_placeholder">
          <h3 class="heading">Comments</h3>
          <CommentThreadList ctx={ctx} threads={shown.threads.threads} powers={shown.powers} />
          {shown.threads.pages > 1 && <p class="more-comments"><a href={`${shown.morePath}?page=2`}>More comments →</a></p>}
        </div>
      )}
      <CommentEntryBlock ctx={ctx} entry={entry} />
    </div>
  );
}

/** The comments area as HTML, for the work page. */
export function workCommentsHtml(props: WorkCommentsProps): string {
  return render(<WorkComments {...props} />);
}
