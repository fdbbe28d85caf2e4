// Banners above a work: the unsaved preview (with its buttons) and the draft notice.
import type { PageContext } from '../../http/context.js';
import { Form, PostButton } from '../../views/forms.js';
import type { WorkInput } from '../work.validation.js';
import { workFormPairs } from '../work-form-data.js';

/** The preview's banner: the typed values ride along as hidden fields, so nothing is saved until the writer says so. */
export function PreviewBanner({ ctx, input, action, draft }: { ctx: PageContext; input: WorkInput; action: string; draft: boolean }) {
  return (
    <div class="preview-banner" role="region" aria-label="Preview">
      <p><strong>Preview.</strong> This is how your work will look. Nothing is saved yet.</p>
      <Form ctx={ctx} action={action}>
        {workFormPairs(input).map(([name, value], i) => <input key={i} type="hidden" name={name} value={value} />)}
        <p class="form-actions">
          <button type="submit" name="action" value="edit">Edit</button>
          {draft && <button type="submit" name="action" value="draft">Save as draft</button>}
          <button type="submit" name="action" value="post" class="primary">{draft ? 'Post' : 'Update'}</button>
        </p>
      </Form>
    </div>
  );
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
