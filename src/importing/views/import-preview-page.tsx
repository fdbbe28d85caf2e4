// The import preview: what the file gave (title, notes, chapters), the proof that no word was
// dropped, the fixes, and the work's required fields, in one plain form that needs no script.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { formatCount } from '../../lib/text.js';
import { ErrorSummary, Form, SelectField, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { LANGUAGES } from '../../works/languages.js';
import { TagFields } from '../../works/views/work-form.js';
import { LIMITS } from '../../works/work.validation.js';
import type { ImportDraft } from '../import-draft.js';
import { summarizeImport, workInputFromImport, type ImportSummary } from '../import.service.js';
import type { ImportFormat } from '../import.js';
import { FoundNotes, ImportChapterItem } from './import-chapter.js';

const FORMATS: Record<ImportFormat, string> = {
  text: 'Plain text', markdown: 'Markdown', html: 'Web page (HTML)', docx: 'Word document (.docx)',
  'ao3-html': 'AO3 download (HTML)', 'ao3-epub': 'AO3 download (EPUB)', epub: 'EPUB',
};

export type ImportPreviewProps = {
  ctx: PageContext; id: number; draft: ImportDraft; errors: FieldErrors;
  /** what was typed in each chapter's "move by" box, by chapter index */
  moves?: Record<number, string>;
  /** the chapter (0-based) whose paragraphs are listed */
  paragraphs?: number | null;
};

function WordsProof({ words }: { words: ImportSummary['words'] }) {
  const difference = Math.abs(words.inFile - words.imported);
  return (
    <div class={words.allKept ? 'import-proof' : 'import-proof differs'} role={words.allKept ? undefined : 'alert'}>
      <p>Words in the file: <strong>{formatCount(words.inFile)}</strong>. Words in the text and notes below: <strong>{formatCount(words.imported)}</strong>.</p>
      <p>{words.allKept
        ? 'Every word of the file is here: nothing was dropped.'
        : `These differ by ${formatCount(difference)} ${difference === 1 ? 'word' : 'words'}: part of the file may not have been read as it should. Check the chapters below against your file before posting.`}
      </p>
    </div>
  );
}

function Facts({ draft, summary }: { draft: ImportDraft; summary: ImportSummary }) {
  const n = summary.chapters.length;
  return (
    <dl class="import-facts">
      {draft.fileName !== '' && <><dt>File</dt><dd>{draft.fileName}</dd></>}
      <dt>Read as</dt><dd>{FORMATS[draft.work.format]}, {draft.work.encoding === 'utf-8 (BOM)' ? 'UTF-8 with a byte order mark' : draft.work.encoding.toUpperCase()}</dd>
      <dt>Found</dt><dd>{n === 1 ? '1 chapter' : `${n} chapters`}{summary.notes.beginning || summary.notes.end ? ', notes for the work' : ''}</dd>
    </dl>
  );
}

function Preface({ draft, title, errors }: { draft: ImportDraft; title: string; errors: FieldErrors }) {
  const { work } = draft;
  const last = work.chapters.length;
  return (
    <fieldset class="form-section" id="import-notes">
      <legend>Preface</legend>
      <TextField name="title" label="Title" required value={title} errors={errors} hint={`Up to ${LIMITS.title} characters.`} />
      <FoundNotes name="summary" heading="Summary" html={work.summary} errors={errors} />
      <FoundNotes name="notes" heading="Notes at the beginning" html={work.notes} errors={errors}
        action="text:work:notes" button="Move into the text: start of chapter 1" />
      <FoundNotes name="endNotes" heading="Notes at the end" html={work.endNotes} errors={errors}
        action="text:work:end" button={`Move into the text: end of chapter ${last}`} />
      {work.notes === '' && work.endNotes === '' && <p class="hint">No notes for the whole work were found in the file.</p>}
    </fieldset>
  );
}

function chapterLabels(errors: FieldErrors): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const name of Object.keys(errors)) {
    const index = /^chapters\[(\d+)\]/.exec(name)?.[1];
    if (index !== undefined) labels[name] = `Chapter ${Number(index) + 1}`;
  }
  return labels;
}

/** The whole preview page. */
export function ImportPreviewPage({ ctx, id, draft, errors, moves = {}, paragraphs = null }: ImportPreviewProps) {
  const summary = summarizeImport(draft.work);
  const { input } = workInputFromImport(draft.work, draft.choices);
  return (
    <Layout ctx={ctx} title="Check your import" mainClass="work-form import-preview">
      <h2 class="heading">Check your import</h2>
      <p>Nothing is posted yet. Check what was found, fix anything that was found wrongly, fill in the tags, then save it as a draft or post it.</p>
      <ErrorSummary errors={errors} labels={chapterLabels(errors)} />
      <Facts draft={draft} summary={summary} />
      <WordsProof words={summary.words} />
      <Form ctx={ctx} action={`/works/import/${id}`} class="import-form">
        {/* Enter in a text box presses the form's first button: make that "Update preview", not a fix. */}
        <button type="submit" name="action" value="update" class="visually-hidden" tabIndex={-1} aria-hidden="true">Update preview</button>
        <input type="hidden" name="revision" value={String(draft.revision)} />
        <Preface draft={draft} title={input.title} errors={errors} />
        <fieldset class="form-section">
          <legend>Chapters</legend>
          <ol class="import-chapters">
            {draft.work.chapters.map((chapter, i) => {
              const found = summary.chapters[i];
              return found && <ImportChapterItem key={i} chapter={chapter} found={found} index={i} errors={errors} by={moves[i] ?? '1'} showParagraphs={paragraphs === i} />;
            })}
          </ol>
        </fieldset>
        <TagFields values={input} errors={errors} />
        <fieldset class="form-section">
          <legend>Settings</legend>
          <SelectField name="language" label="Language" required value={input.language} errors={errors} options={LANGUAGES} />
          <label class="choice"><input type="checkbox" name="restricted" value="1" checked={input.restricted} /> Only show this work to registered users (logged in)</label>
        </fieldset>
        <p class="form-actions">
          <button type="submit" name="action" value="update">Update preview</button>
          <button type="submit" name="action" value="draft" class="primary">Save as draft</button>
          <button type="submit" name="action" value="post">Post</button>
        </p>
        <p class="hint">A draft is seen by you only, until you post it from its page.</p>
      </Form>
    </Layout>
  );
}
