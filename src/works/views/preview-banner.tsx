// Banners above a work: the unsaved preview (with its buttons) and the draft notice.
import type { PageContext } from '../../http/context.js';
import { Form, PostButton } from '../../views/forms.js';
import type { ChapterInput, WorkInput } from '../work.validation.js';
import { chapterFormPairs, workFormPairs } from '../work-form-data.js';

type PreviewFormProps = { ctx: PageContext; action: string; what: string; pairs: Array<[string, string]>; draftLabel: string | null; postLabel: string };

/** The banner of an unsaved preview: the typed values ride along as hidden fields, so nothing is saved until the writer says so. */
function PreviewForm({ ctx, action, what, pairs, draftLabel, postLabel }: PreviewFormProps) {
  return (
    <div class="preview-banner" role="region" aria-label="Preview">
      <p><strong>Preview.</strong> This is how your {what} will look. Nothing is saved yet.</p>
      <Form ctx={ctx} action={action}>
        {pairs.map(([name, value], i) => <input key={i} type="hidden" name={name} value={value} />)}
        <p class="form-actions">
          <button type="submit" name="action" value="edit">Edit</button>
          {draftLabel !== null && <button type="submit" name="action" value="draft">{draftLabel}</button>}
          <button type="submit" name="action" value="post" class="primary">{postLabel}</button>
        </p>
      </Form>
    </div>
  );
}

/** The work preview's banner. */
export function PreviewBanner({ ctx, input, action, draft }: { ctx: PageContext; input: WorkInput; action: string; draft: boolean }) {
  return <PreviewForm ctx={ctx} action={action} what="work" pairs={workFormPairs(input)} draftLabel={draft ? 'Save as draft' : null} postLabel={draft ? 'Post' : 'Update'} />;
}

/** The chapter preview's banner, with the chapter form's own buttons. */
export function ChapterPreviewBanner({ ctx, input, action, adding, workPosted }: { ctx: PageContext; input: ChapterInput; action: string; adding: boolean; workPosted: boolean }) {
  const postLabel = !adding ? 'Update' : workPosted ? 'Post chapter' : 'Add to draft';
  return <PreviewForm ctx={ctx} action={action} what="chapter" pairs={chapterFormPairs(input)} draftLabel={adding ? 'Save as draft' : null} postLabel={postLabel} />;
}

/** Shown to the creator above a draft. */
export function DraftBanner({ ctx, workId }: { ctx: PageContext; workId: number }) {
  return (
    <div class="draft-banner" role="region" aria-label="Draft">
      <p><strong>This work is a draft</strong> and only you can see it. Post it when it is ready.</p>
      <PostButton ctx={ctx} action={`/works/${workId}/post`} label="Post work" class="primary" />
    </div>
  );
}
