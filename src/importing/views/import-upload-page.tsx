// The upload page: a story file, or pasted text with its format, and what will be found in it.
import type { PageContext } from '../../http/context.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, fieldId, SelectField, TextArea } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { DEFAULT_LIMITS } from '../import.js';
import { formatBytes } from '../import-error.js';
import { FILE_FIELD } from '../import-upload.js';

/** The formats a pasted story can be in. */
export const PASTE_FORMATS = [['text', 'Plain text'], ['markdown', 'Markdown'], ['html', 'HTML']] as const;
export type PasteFormat = (typeof PASTE_FORMATS)[number][0];

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.epub,text/plain,text/markdown,text/html';

export type ImportUploadProps = {
  ctx: PageContext; errors: FieldErrors;
  values: { text: string; format: string };
  unfinished: ReadonlyArray<{ id: number; created_at: string }>;
};

function FileField({ errors }: { errors: FieldErrors }) {
  const id = fieldId(FILE_FIELD);
  const error = errors[FILE_FIELD];
  return (
    <div class={error !== undefined ? 'field has-error' : 'field'}>
      <label for={id}>Story file</label>
      <p class="hint" id={`${id}-hint`}>
        Plain text (.txt), Markdown (.md), a web page (.html), a Word document (.docx) or an EPUB, up to {formatBytes(DEFAULT_LIMITS.maxFileBytes)}.
        Works downloaded from AO3 (HTML or EPUB) keep their tags.
      </p>
      {error !== undefined && <p class="field-error" id={`${id}-error`}>{error}</p>}
      <input id={id} name={FILE_FIELD} type="file" accept={ACCEPT} aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={error !== undefined ? `${id}-hint ${id}-error` : `${id}-hint`} />
    </div>
  );
}

function WhatIsFound() {
  return (
    <section class="import-help" aria-labelledby="import-help-heading">
      <h3 id="import-help-heading">What is found for you</h3>
      <ul>
        <li>The <strong>title</strong>, when the first line stands alone.</li>
        <li><strong>Chapters</strong>, however they are marked: “Chapter 1”, “Chapter One: The Road”, “Part II”, “-1-”, “1.”, “~ 3 ~”.
          Scene breaks such as “* * *”, “~~~” or “oOo” stay inside a chapter, and so does dialogue that starts with a number.</li>
        <li><strong>Author’s notes</strong> (“A/N:”, “Author’s note:”, “Disclaimer:”, thanks to readers) at the start or end of
          the work or of a chapter go into its notes, not into the story text.</li>
        <li>Curly quotes, dashes, ellipses and every other character stay exactly as you wrote them.</li>
      </ul>
      <p>Next you will see every chapter that was found, with its first line and its word count, and can join chapters, move where one starts,
        or put a note back into the text. Nothing is posted until you press <strong>Post</strong>.</p>
    </section>
  );
}

function Unfinished({ imports }: { imports: ImportUploadProps['unfinished'] }) {
  if (imports.length === 0) return null;
  return (
    <section class="import-unfinished">
      <h3>Imports you have not finished</h3>
      <p class="hint">Kept for a week from the upload.</p>
      <ul>{imports.map((i) => <li key={i.id}><a href={`/works/import/${i.id}`}>Import of {i.created_at.slice(0, 16).replace('T', ' ')} UTC</a></li>)}</ul>
    </section>
  );
}

/** The whole upload page. */
export function ImportUploadPage({ ctx, errors, values, unfinished }: ImportUploadProps) {
  return (
    <Layout ctx={ctx} title="Import a work" mainClass="work-form import-upload">
      <h2 class="heading">Import a work</h2>
      <p>Bring a story you have already written: upload its file, or paste its text. You will check what was found before anything is posted.</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/works/import" enctype="multipart/form-data" acceptCharset="UTF-8">
        <input type="hidden" name={CSRF_FIELD} value={ctx.csrf()} />
        <fieldset class="form-section">
          <legend>Upload a file</legend>
          <FileField errors={errors} />
        </fieldset>
        <p class="import-or">or</p>
        <fieldset class="form-section">
          <legend>Paste the text</legend>
          <SelectField name="format" label="The pasted text is" value={values.format} errors={errors} options={PASTE_FORMATS} />
          <TextArea name="text" label="Story text" value={values.text} errors={errors} rows={12}
            hint="Used when no file is chosen. Put the title on the first line, and each chapter’s heading on a line of its own." />
        </fieldset>
        <p class="form-actions"><button type="submit" class="primary">Read the story</button></p>
      </form>
      <WhatIsFound />
      <Unfinished imports={unfinished} />
    </Layout>
  );
}
