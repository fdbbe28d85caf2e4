// The comment form: a member comments as one of their pseuds, a guest gives a name and an email
// (never shown). What was typed comes back with the message beside its field when a comment is
// refused, and a hidden field that only robots fill keeps the simplest spam out.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, SelectField, TextArea, TextField } from '../../views/forms.js';

export type CommentFormValues = { comment: string; name: string; email: string; pseudId: string; chapterId: string };

export const EMPTY_COMMENT: CommentFormValues = { comment: '', name: '', email: '', pseudId: '', chapterId: '' };

export type CommentFormProps = {
  ctx: PageContext; action: string; values: CommentFormValues; errors: FieldErrors;
  /** The member's pseuds to choose from; null for a guest. */
  pseuds: ReadonlyArray<readonly [id: string, name: string]> | null;
  heading: string; button: string; id?: string;
};

export function CommentForm({ ctx, action, values, errors, pseuds, heading, button, id = 'add_comment' }: CommentFormProps) {
  return (
    <div class="comment-form" id={id}>
      <h4 class="heading">{heading}</h4>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={action} class="new_comment">
        {values.chapterId !== '' && <input type="hidden" name="chapter_id" value={values.chapterId} />}
        {pseuds === null ? (
          <div class="comment-guest">
            <TextField name="name" label="Name" required value={values.name} errors={errors} autocomplete="nickname" />
            <TextField name="email" label="Email" type="email" required value={values.email} errors={errors} autocomplete="email" hint="Never shown; only this archive's administrators can see it." />
          </div>
        ) : pseuds.length > 1 ? (
          <SelectField name="pseud_id" label="Comment as" value={values.pseudId} errors={errors} options={pseuds} />
        ) : (
          <p class="comment-as">Comment as <strong>{pseuds[0]?.[1] ?? ''}</strong></p>
        )}
        <TextArea name="comment" label="Comment" required rows={6} value={values.comment} errors={errors}
          hint="Up to 10,000 characters. Blank lines start new paragraphs; the same HTML as in works is allowed." />
        <p class="visually-hidden" aria-hidden="true">
          <label>Website <input type="text" name="website" value="" tabIndex={-1} autoComplete="off" /></label>
        </p>
        <p class="form-actions"><button type="submit" class="primary">{button}</button></p>
      </Form>
    </div>
  );
}
