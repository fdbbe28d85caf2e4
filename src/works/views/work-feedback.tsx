// Under the work, as on AO3: the kudos button (div#feedback, form#new_kudo), who left kudos (div#kudos), and the comments.
import type { PageContext } from '../../http/context.js';
import { SLOTS } from '../../http/page-slots.js';
import { Form, PostButton } from '../../views/forms.js';

/**
 * What the feedback area shows: whether this reader gets the kudos button, the kudos line (null:
 * the slot of a page shared by guests), and the comments area (rendered by the feedback domain).
 */
export type FeedbackView = {
  kudosButton: boolean; bookmarkLink: boolean; kudosHtml: string | null; commentsHtml: string;
  /** A member's subscription to the work (its id, or null for none); absent for guests and creators. */
  subscription?: number | null;
  /** Whether a member marked the work for later; absent for guests and creators. */
  later?: boolean;
};

/** The feedback area of a work page. */
export function WorkFeedback({ ctx, workId, view }: { ctx: PageContext; workId: number; view: FeedbackView }) {
  return (
    <div id="feedback" class="feedback">
      <h3 class="landmark heading">Actions</h3>
      {(view.kudosButton || view.bookmarkLink || view.subscription !== undefined) && (
        <ul class="actions" role="menu">
          {view.kudosButton && (
            <li id="kudo_submit">
              <Form ctx={ctx} action={`/works/${workId}/kudos`} id="new_kudo"><button type="submit" class="kudos-button">Kudos ♥</button></Form>
            </li>
          )}
          {view.bookmarkLink && <li class="bookmark"><a href={`/works/${workId}/bookmarks/new`}>Bookmark</a></li>}
          {view.later !== undefined && <li class="mark"><PostButton ctx={ctx} action={`/works/${workId}/mark_for_later`} label={view.later ? 'Mark as Read' : 'Mark for Later'} /></li>}
          {view.subscription !== undefined && (
            <li class="subscribe">
              {view.subscription === null ? <PostButton ctx={ctx} action={`/works/${workId}/subscriptions`} label="Subscribe" />
                : <PostButton ctx={ctx} action={`/subscriptions/${view.subscription}/delete`} label="Unsubscribe" />}
            </li>
          )}
        </ul>
      )}
      {/* HTML this archive rendered itself (escaped), or the slot a shared page fills with it. */}
      <div id="kudos" dangerouslySetInnerHTML={{ __html: view.kudosHtml ?? SLOTS.kudos }} />
      {/* The comments area, rendered (and escaped) by the feedback domain. */}
      <div dangerouslySetInnerHTML={{ __html: view.commentsHtml }} />
    </div>
  );
}
