// Chapter forms: add a chapter, edit one; and the page to reorder or delete chapters.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, LogInToSend, PostButton, RefusalNotice, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { chapterPath, workPath } from '../work-paths.js';
import type { ChapterHead, WorkModel } from '../work.model.js';
import { LIMITS, type ChapterInput } from '../work.validation.js';

type ChapterFormProps = {
  ctx: PageContext; work: Pick<WorkModel, 'id' | 'title' | 'posted'>; values: ChapterInput; errors: FieldErrors;
  /** null when adding a chapter */
  chapterId: number | null;
  /** the chapter's number, null when not known (a kept form of a logged-out writer) */
  number: number | null;
  posted: boolean;
  /** Why the form came back with what was typed (its sending was refused). */
  notice?: string | undefined;
};

/** Add or edit a chapter. */
export function ChapterFormPage({ ctx, work, values, errors, chapterId, number, posted, notice }: ChapterFormProps) {
  const workId = work.id ?? 0;
  const which = number === null ? 'a chapter' : `chapter ${number}`;
  const heading = chapterId === null ? `Add ${which}` : `Edit ${which}`;
  const html = 'Plain text or HTML; blank lines start new paragraphs.';
  return (
    <Layout ctx={ctx} title={`${heading} - ${work.title}`} mainClass="work-form">
      <h2 class="heading">{heading} of <a href={workPath(workId)}>{work.title}</a></h2>
      <RefusalNotice message={notice} />
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={chapterId === null ? `${workPath(workId)}/chapters` : chapterPath(workId, chapterId)}
        keep={chapterId === null ? `chapter:${workId}:new` : `chapter:${workId}:${chapterId}`}>
        <TextField name="title" label="Chapter title (optional)" value={values.title} errors={errors} />
        <TextArea name="summary" label="Chapter summary" value={values.summary} errors={errors} rows={3} hint={`${html} Up to ${LIMITS.summary.toLocaleString('en-US')} characters.`} />
        <TextArea name="notes" label="Notes at the beginning" value={values.notes} errors={errors} rows={3} />
        <TextArea name="text" label="Chapter text" required value={values.text} errors={errors} rows={24}
          hint={`${html} ${LIMITS.textMin} to ${LIMITS.textMax.toLocaleString('en-US')} characters.`} />
        <TextArea name="endNotes" label="Notes at the end" value={values.endNotes} errors={errors} rows={3} />
        <LogInToSend ctx={ctx} errors={errors} />
        <p class="form-actions">
          <button type="submit" name="action" value="preview">Preview</button>
          {chapterId === null && <button type="submit" name="action" value="draft">Save as draft</button>}
          <button type="submit" name="action" value="post" class="primary">{chapterId !== null ? 'Update' : work.posted ? 'Post chapter' : 'Add to draft'}</button>
          <a href={workPath(workId)}>Cancel</a>
        </p>
        {chapterId !== null && !posted && <p class="hint">This chapter is a draft; post it from the chapter page.</p>}
      </Form>
    </Layout>
  );
}

/** Reorder chapters by number, delete one, or post a draft chapter. */
export function ManageChaptersPage({ ctx, work, index, errors }: { ctx: PageContext; work: WorkModel; index: ChapterHead[]; errors: FieldErrors }) {
  const workId = work.id ?? 0;
  return (
    <Layout ctx={ctx} title={`Manage chapters - ${work.title}`} mainClass="work-form">
      <h2 class="heading">Manage chapters of <a href={workPath(workId)}>{work.title}</a></h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`${workPath(workId)}/chapters/order`} id="field-order">
        <p class="hint">Give each chapter its new place and save to reorder.</p>
        <table class="chapter-manager">
          <thead><tr><th scope="col">Place</th><th scope="col">Chapter</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {index.map((c) => (
              <tr key={c.id}>
                <td><label class="visually-hidden" for={`position-${c.id}`}>Place of chapter {c.number}</label>
                  <input id={`position-${c.id}`} class="position" name={`position.${c.id}`} type="number" min="1" max={String(index.length)} value={String(c.number)} /></td>
                <td><a href={chapterPath(workId, c.id ?? 0)}>{c.number}. {c.title !== '' ? c.title : `Chapter ${c.number}`}</a></td>
                <td>{c.posted ? `Posted ${c.publishedOn ?? ''}` : 'Draft'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p><button type="submit" class="primary">Save order</button></p>
      </Form>
      <h3 class="heading">Delete or post a chapter</h3>
      <ul class="chapter-actions">
        {index.map((c) => (
          <li key={c.id}>
            <span>{c.number}. {c.title !== '' ? c.title : `Chapter ${c.number}`}</span>{' '}
            {!c.posted && work.posted && <PostButton ctx={ctx} action={`${chapterPath(workId, c.id ?? 0)}/post`} label="Post" />}
            {index.length > 1 && <PostButton ctx={ctx} action={`${chapterPath(workId, c.id ?? 0)}/delete`} label="Delete" class="danger"
              confirm={`Delete chapter ${c.number}${c.title !== '' ? ` “${c.title}”` : ''} for good? This cannot be undone.`} />}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
