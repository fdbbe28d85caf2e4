// Comment threads with AO3's structure (ol.thread > li.comment#comment_N), replies nested up to
// a depth, then "Continue thread" on the comment's own page. Each comment carries the actions this
// reader may take: reply, edit and delete their own, and for the work's creators delete, freeze,
// hide and approve.
import type { PageContext } from '../../http/context.js';
import { PostButton } from '../../views/forms.js';
import { dateTimeIn } from '../../lib/time-zones.js';
import { SHOWN_DEPTH, type CommentAuthor, type CommentView } from '../comment-threads.service.js';

/** What this reader may do to comments on the work. */
export type ThreadPowers = { creator: boolean; canReply: boolean };

function Byline({ author }: { author: CommentAuthor }) {
  // Never a link to a pseud page: on a work's pages those links name its creators (readers' tools count them).
  if (author.kind === 'member') return <a href={`/users/${encodeURIComponent(author.login)}`}>{author.pseud}{author.pseud === author.login ? '' : ` (${author.login})`}</a>;
  if (author.kind === 'guest') return <span class="guest">{author.name} (Guest)</span>;
  if (author.kind === 'creator') return <span class="anonymous">Anonymous (Creator)</span>;
  return <span class="guest">(Account deleted)</span>;
}

function Actions({ ctx, comment, powers }: { ctx: PageContext; comment: CommentView; powers: ThreadPowers }) {
  const path = `/comments/${comment.id}`;
  const live = comment.state !== 'deleted';
  const replyable = live && !comment.frozen && comment.state !== 'pending' && comment.state !== 'held' && powers.canReply;
  return (
    <ul class="actions comment-actions">
      {replyable && <li><a href={`${path}#add_comment`}>Reply</a></li>}
      {live && comment.mine && <li><a href={`${path}/edit`}>Edit</a></li>}
      {live && (comment.mine || powers.creator) && <li><PostButton ctx={ctx} action={`${path}/delete`} label="Delete" confirm="Delete this comment?" /></li>}
      {live && powers.creator && comment.state === 'pending' && <li><PostButton ctx={ctx} action={`${path}/approve`} label="Approve" class="primary" /></li>}
      {live && powers.creator && comment.state !== 'pending' && comment.state !== 'held' && <li><PostButton ctx={ctx} action={`${path}/${comment.frozen ? 'unfreeze' : 'freeze'}`} label={comment.frozen ? 'Unfreeze thread' : 'Freeze thread'} /></li>}
      {live && powers.creator && (comment.state === 'published' || comment.state === 'hidden') && (
        <li><PostButton ctx={ctx} action={`${path}/${comment.state === 'hidden' ? 'unhide' : 'hide'}`} label={comment.state === 'hidden' ? 'Make visible' : 'Hide'} /></li>
      )}
      {live && !comment.mine && <li><a href={`/reports/new?kind=comment&id=${comment.id}`} rel="nofollow">Report</a></li>}
    </ul>
  );
}

const NOTES: Partial<Record<CommentView['state'], string>> = {
  pending: 'Waiting for the creators’ approval: only they and the commenter can see it.',
  held: 'Waiting for the archive’s moderators to look at it: only you can see it until then.',
  hidden: 'Hidden by the work’s creators.',
};

/** One comment and, down to the depth shown, its replies. */
export function CommentItem({ ctx, comment, powers, baseDepth }: { ctx: PageContext; comment: CommentView; powers: ThreadPowers; baseDepth: number }) {
  const deeper = comment.depth - baseDepth >= SHOWN_DEPTH;
  const note = comment.hiddenBy === 'moderators' ? 'Hidden by the archive’s moderators: only you can see it.' : NOTES[comment.state];
  return (
    <li class={`comment group${comment.state === 'published' ? '' : ` ${comment.state}`}`} id={`comment_${comment.id}`} role="article">
      {comment.state === 'deleted' ? <p class="deleted-comment">(Previous comment deleted.)</p> : (
        <>
          <h4 class="heading byline">
            {comment.withheld !== null && comment.hiddenBy === null ? <span class="blocked">Someone you blocked</span> : <Byline author={comment.author} />} <span class="posted datetime"><time datetime={comment.createdAt}>{dateTimeIn(comment.createdAt, ctx.reading.timeZone)}</time></span>
          </h4>
          {note !== undefined && <p class="comment-note">{note}</p>}
          {comment.withheld !== null ? <p class="hidden-comment">{comment.withheld}</p>
            : <blockquote class="userstuff" dangerouslySetInnerHTML={{ __html: comment.html }} />}
          {comment.editedAt !== null && <p class="edited datetime">Last Edited <time datetime={comment.editedAt}>{dateTimeIn(comment.editedAt, ctx.reading.timeZone)}</time></p>}
          {comment.frozen && <p class="comment-note">This thread is frozen: no more replies can be added.</p>}
          <Actions ctx={ctx} comment={comment} powers={powers} />
        </>
      )}
      {comment.replies.length > 0 && (deeper
        ? <p class="continue-thread"><a href={`/comments/${comment.id}`}>Continue thread ({comment.replies.length === 1 ? '1 reply' : `${comment.replies.length} replies`})</a></p>
        : <ol class="thread">{comment.replies.map((reply) => <CommentItem key={reply.id} ctx={ctx} comment={reply} powers={powers} baseDepth={baseDepth} />)}</ol>)}
    </li>
  );
}

/** A list of threads. */
export function CommentThreadList({ ctx, threads, powers }: { ctx: PageContext; threads: CommentView[]; powers: ThreadPowers }) {
  if (threads.length === 0) return <p class="no-comments">No comments yet.</p>;
  return <ol class="thread">{threads.map((c) => <CommentItem key={c.id} ctx={ctx} comment={c} powers={powers} baseDepth={c.depth} />)}</ol>;
}
