// The work form (new or edit): every field of DESIGN.md's "Works", with errors beside fields and values kept.
import type { PseudRow } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ChoiceGroup, ErrorSummary, Form, LogInToSend, RefusalNotice, SelectField, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { CATEGORIES, RATINGS, WARNINGS } from '../../tags/fixed-tags.js';
import { LANGUAGES } from '../languages.js';
import { LIMITS, type WorkInput } from '../work.validation.js';
import { joinTags } from '../work-form-data.js';

const pairs = (values: readonly string[]) => values.map((v) => [v, v] as const);
const COMMENTS = [['all', 'Anyone, including guests'], ['registered', 'Only registered users'], ['none', 'Nobody (comments off)']] as const;
const TAG_HINT = 'Separate tags with commas.';

export type WorkFormProps = {
  ctx: PageContext; values: WorkInput; errors: FieldErrors; pseuds: PseudRow[];
  /** null for a new work */
  workId: number | null;
  /** whether the work is still a draft (offers "Save as draft") */
  draft: boolean;
  /** Why the form came back with what was typed (its sending was refused). */
  notice?: string | undefined;
};

/** The rating, warnings, fandoms, categories, relationships, characters and additional tags (the import preview uses them too). */
export function TagFields({ values, errors }: Pick<WorkFormProps, 'values' | 'errors'>) {
  return (
    <fieldset class="form-section">
      <legend>Tags</legend>
      <SelectField name="rating" label="Rating" required value={values.rating} errors={errors} options={[['', 'Choose a rating'], ...pairs(RATINGS)]} />
      <ChoiceGroup type="checkbox" name="warnings" legend="Archive warnings (choose at least one)" options={pairs(WARNINGS)} checked={values.warnings} errors={errors} />
      <TextField name="fandoms" suggest="fandom" label="Fandoms" required value={joinTags(values.fandoms)} errors={errors} hint={TAG_HINT} />
      <ChoiceGroup type="checkbox" name="categories" legend="Categories" options={pairs(CATEGORIES)} checked={values.categories} errors={errors} />
      <TextField name="relationships" suggest="relationship" label="Relationships" value={joinTags(values.relationships)} errors={errors} hint={`${TAG_HINT} For example: A Person/B Person for a romantic pairing, A Person & B Person for a friendship.`} />
      <TextField name="characters" suggest="character" label="Characters" value={joinTags(values.characters)} errors={errors} hint={TAG_HINT} />
      <TextField name="freeforms" suggest="freeform" label="Additional tags" value={joinTags(values.freeforms)} errors={errors} hint={`${TAG_HINT} Fandom, relationship, character and additional tags: 75 at most together.`} />
    </fieldset>
  );
}

function PrefaceFields({ values, errors, pseuds }: Pick<WorkFormProps, 'values' | 'errors' | 'pseuds'>) {
  const html = 'Plain text or HTML; blank lines start new paragraphs.';
  return (
    <fieldset class="form-section">
      <legend>Preface</legend>
      <TextField name="title" label="Title" required value={values.title} errors={errors} hint={`Up to ${LIMITS.title} characters.`} />
      {pseuds.length === 0 && values.pseudIds.map((id) => <input key={id} type="hidden" name="pseuds" value={String(id)} />)}
      {pseuds.length > 1 && (
        <ChoiceGroup type="checkbox" name="pseuds" legend="Creator pseuds" options={pseuds.map((p) => [String(p.id), p.name] as const)}
          checked={values.pseudIds.length > 0 ? values.pseudIds.map(String) : pseuds.filter((p) => p.is_default === 1).map((p) => String(p.id))} errors={errors} />
      )}
      <TextArea name="summary" label="Summary" value={values.summary} errors={errors} rows={4} hint={`${html} Up to ${LIMITS.summary.toLocaleString('en-US')} characters.`} />
      <TextArea name="notes" label="Notes at the beginning" value={values.notes} errors={errors} rows={4} hint={`Up to ${LIMITS.notes.toLocaleString('en-US')} characters.`} />
      <TextArea name="endNotes" label="Notes at the end" value={values.endNotes} errors={errors} rows={4} hint={`Up to ${LIMITS.notes.toLocaleString('en-US')} characters.`} />
    </fieldset>
  );
}

function SettingsFields({ values, errors, isNew }: Pick<WorkFormProps, 'values' | 'errors'> & { isNew: boolean }) {
  return (
    <fieldset class="form-section">
      <legend>Settings</legend>
      <SelectField name="language" label="Language" required value={values.language} errors={errors} options={LANGUAGES} />
      <TextField name="expectedChapters" label="Expected number of chapters" value={values.expectedChapters} errors={errors} inputMode="numeric"
        hint="How many chapters the work will have when complete, or ? if you don't know yet. The work is complete when this many are posted." />
      <TextField name="backdate" label="Publication date (optional)" type="date" value={values.backdate} errors={errors}
        hint="Set this to show an earlier publication date, for a story first published elsewhere. YYYY-MM-DD." />
      <label class="choice"><input type="checkbox" name="restricted" value="1" checked={values.restricted} /> Only show this work to registered users (logged in)</label>
      <ChoiceGroup type="radio" name="commentPermission" legend="Who can comment" options={COMMENTS} checked={[values.commentPermission]} errors={errors}
        hint="Guests comment with a name and an email that is never shown. To approve comments before they show, use Moderate comments on the work’s comments page." />
      {isNew && values.promptId !== undefined && values.promptId !== '' && (
        <p class="hint fills-prompt">This work will fill <a href={`/prompts/${encodeURIComponent(values.promptId)}`}>prompt {values.promptId}</a>.{errors.prompt !== undefined && <strong class="field-error"> {errors.prompt}</strong>}<input type="hidden" name="prompt_id" value={values.promptId} /></p>
      )}
      {isNew && <TextField name="gifts" label="Gift this work to (optional)" value={values.gifts ?? ''} errors={errors}
        hint="Members’ logins or anyone’s names, separated by commas. Members are told when it is posted, and may refuse it." />}
      {isNew && <TextField name="collections" label="Post to collections (optional)" value={values.collections ?? ''} errors={errors}
        hint="The names of collections or challenges, separated by commas (the name is in the collection’s address: /collections/name). In an anonymous collection your name is hidden from the start." />}
    </fieldset>
  );
}

function ChapterFields({ values, errors }: Pick<WorkFormProps, 'values' | 'errors'>) {
  const chapter = values.chapter;
  if (chapter === null) return null;
  return (
    <fieldset class="form-section">
      <legend>Work text</legend>
      <TextField name="chapter.title" label="Chapter title (optional)" value={chapter.title} errors={errors} />
      <TextArea name="chapter.text" label="Work text" required value={chapter.text} errors={errors} rows={20}
        hint={`Paste plain text (blank lines between paragraphs) or HTML. ${LIMITS.textMin} to ${LIMITS.textMax.toLocaleString('en-US')} characters.`} />
    </fieldset>
  );
}

/** The whole work form. */
export function WorkFormPage(props: WorkFormProps) {
  const { ctx, workId, draft, errors } = props;
  const title = workId === null ? 'Post new work' : 'Edit work';
  return (
    <Layout ctx={ctx} title={title} mainClass="work-form">
      <h2 class="heading">{title}</h2>
      {workId === null && <p>Already written it? <a href="/works/import">Import a work</a> from a text, Markdown, HTML, Word or EPUB file.</p>}
      <p class="hint">Fields marked <span class="required">*</span> are required.</p>
      <RefusalNotice message={props.notice} />
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={workId === null ? '/works' : `/works/${workId}`} keep={workId === null ? 'work:new' : `work:${workId}`}>
        <TagFields {...props} />
        <PrefaceFields {...props} />
        <SettingsFields {...props} isNew={props.workId === null} />
        <ChapterFields {...props} />
        <LogInToSend ctx={ctx} errors={errors} />
        <p class="form-actions">
          <button type="submit" name="action" value="preview">Preview</button>
          {draft && <button type="submit" name="action" value="draft">Save as draft</button>}
          <button type="submit" name="action" value="post" class="primary">{workId === null || draft ? 'Post' : 'Update'}</button>
        </p>
      </Form>
    </Layout>
  );
}
