// Pages of comments: a work's (or a chapter's) threads with the moderation queue for its creators,
// one comment with its replies (where "Continue thread" and "Reply" lead), and editing a comment.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextArea } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import type { CommentThreads, CommentView } from '../comment-threads.service.js';
import { CommentForm, type CommentFormProps } from './comment-form.js';
import { CommentItem, CommentThreadList, type ThreadPowers } from './comment-thread.js';

/** Where a new comment can be written here: the form, or why there is none. */
export type CommentEntry = { kind: 'form'; form: Omit<CommentFormProps, 'ctx'> } | { kind: 'closed'; message: string; login?: string };

export function CommentEntryBlock({ ctx, entry }: { ctx: PageContext; entry: CommentEntry }) {
  if (entry.kind === 'form') return <CommentForm ctx={ctx} {...entry.form} />;
  return (
    <p class="comments-closed" id="add_comment">
      {entry.message}{entry.login !== undefined && <> <a href={`/login?return_to=${encodeURIComponent(entry.login)}`}>Log in</a></>}
    </p>
  );
}

function WorkLink({ workId, title }: { workId: number; title: string }) {
  return <a href={`/works/${workId}`}>{title}</a>;
}

export function CommentsPage({ ctx, threads, powers, entry, basePath, chapterLabel }: {
  ctx: PageContext; threads: CommentThreads; powers: ThreadPowers; entry: CommentEntry; basePath: string; chapterLabel: string | null;
}) {
  const { work } = threads.reader;
  return (
    <Layout ctx={ctx} title={`Comments on ${work.title}`} mainClass="comments-index">
      <h2 class="heading">Comments on <WorkLink workId={work.id} title={work.title} />{chapterLabel !== null && `, ${chapterLabel}`}</h2>
      {powers.creator && (
        <div class="comment-moderation">
          <PostButton ctx={ctx} action={`/works/${work.id}/moderation`} label={work.commentsModerated ? 'Stop moderating comments' : 'Moderate comments'} />
          <span class="hint"> {work.commentsModerated ? 'New comments wait for your approval before anyone else sees them.' : 'With moderation on, new comments wait for your approval.'}</span>
        </div>
      )}
      {threads.pending.length > 0 && (
        <section class="comment-queue" aria-labelledby="queue-heading">
          <h3 id="queue-heading">Waiting for your approval ({threads.pending.length})</h3>
          <ol class="thread">{threads.pending.map((c) => <CommentItem key={c.id} ctx={ctx} comment={{ ...c, replies: [] }} powers={powers} baseDepth={c.depth} />)}</ol>
        </section>
      )}
      <div id="comments_placeholder">
        <CommentThreadList ctx={ctx} threads={threads.threads} powers={powers} />
        <Pagination page={threads.page} pages={threads.pages} basePath={basePath} />
      </div>
      <CommentEntryBlock ctx={ctx} entry={entry} />
    </Layout>
  );
}

export function CommentPage({ ctx, comment, workId, title, powers, entry, children }: {
  ctx: PageContext; comment: CommentView; workId: number; title: string; powers: ThreadPowers; entry: CommentEntry; children?: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={`A comment on ${title}`} mainClass="comment-show">
      <h2 class="heading">A comment on <WorkLink workId={workId} title={title} /></h2>
      <p><a href={comment.parentId === null ? `/works/${workId}/comments` : `/comments/${comment.parentId}`}>{comment.parentId === null ? '← All comments on this work' : '← The comment it replies to'}</a></p>
      {children}
      <div id="comments_placeholder"><ol class="thread"><CommentItem ctx={ctx} comment={comment} powers={powers} baseDepth={comment.depth} /></ol></div>
      {comment.state !== 'deleted' && !comment.frozen && <CommentEntryBlock ctx={ctx} entry={entry} />}
    </Layout>
  );
}

export function EditCommentPage({ ctx, commentId, value, errors }: { ctx: PageContext; commentId: number; value: string; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Edit comment" mainClass="narrow">
      <h2 class="heading">Edit comment</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/comments/${commentId}/edit`}>
        <TextArea name="comment" label="Comment" required rows={8} value={value} errors={errors} hint="Up to 10,000 characters. The comment will say when it was last edited." />
        <p class="form-actions"><button type="submit" class="primary">Save</button> <a href={`/comments/${commentId}`}>Cancel</a></p>
      </Form>
    </Layout>
  );
}
