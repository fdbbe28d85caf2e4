// One chapter in the import preview: its number, title, first and last lines, word count and
// notes, with the buttons that move its start, join it to the chapter before, or turn a note into
// text; and, when the writer opens them, its paragraphs, each with the buttons that split the
// chapter there or make the paragraphs up to it (or from it) into notes.
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../http/errors.js';
import { formatCount, leadingWords, trailingWords } from '../../lib/text.js';
import { htmlToText } from '../../lib/word-count.js';
import { fieldId, TextField } from '../../views/forms.js';
import { storedHtml } from '../../works/views/userstuff.js';
import { blocksOf } from '../import-draft.js';
import { chapterField } from '../import-form.js';
import { withoutNoteLabels } from '../note-labels.js';
import type { ImportedChapter } from '../import.js';
import type { ImportSummary } from '../import.service.js';

const LINE_MAX = 200;
/** Enough of a paragraph to know it again. */
const PARAGRAPH_MAX = 160;

/** The chapter's last line of text, its last words only when long. */
function lastLine(html: string): string {
  return trailingWords(htmlToText(html).split('\n').map((l) => l.trim()).filter((l) => l !== '').pop() ?? '', LINE_MAX);
}

/** A button of the preview form that applies one fix. */
export function FixButton({ action, children, label }: { action: string; children: ComponentChildren; label?: string }) {
  return <button type="submit" name="action" value={action} class="fix-button" aria-label={label}>{children}</button>;
}

/** Notes found in the file, shown as they will appear (without an "A/N:" label), with the button that puts them back into the story text. */
export function FoundNotes({ name, heading, html, errors, action, button }: {
  name: string; heading: string; html: string; errors: FieldErrors; action?: string; button?: string;
}) {
  const error = errors[name];
  if (html === '' && error === undefined) return null;
  const shown = action === undefined ? html : withoutNoteLabels(html);
  return (
    <div class={error !== undefined ? 'import-notes has-error' : 'import-notes'} id={fieldId(name)}>
      <h4>{heading}</h4>
      {error !== undefined && <p class="field-error">{error}</p>}
      <blockquote class="userstuff" dangerouslySetInnerHTML={storedHtml(shown)} />
      {shown !== html && <p class="hint import-label-hint">The “A/N” label is left out: on the work page, notes have a heading of their own.</p>}
      {html !== '' && action !== undefined && <FixButton action={action}>{button}</FixButton>}
    </div>
  );
}

function Boundary({ index, errors, by }: { index: number; errors: FieldErrors; by: string }) {
  const name = chapterField(index, 'by');
  const error = errors[name];
  const n = index + 1;
  return (
    <fieldset class={error !== undefined ? 'import-boundary has-error' : 'import-boundary'} id={fieldId(name)}>
      <legend>Where chapter {n} starts</legend>
      {error !== undefined && <p class="field-error" id={`${fieldId(name)}-error`}>{error}</p>}
      <div class="import-move">
        <label for={`${fieldId(name)}-input`}>Move it by</label>
        <span class="import-by">
          <input id={`${fieldId(name)}-input`} name={name} type="number" min="1" max="9999" value={by} class="position"
            aria-invalid={error !== undefined ? 'true' : undefined} aria-describedby={error !== undefined ? `${fieldId(name)}-error` : undefined} />
          {' '}paragraphs
        </span>
        <span class="import-by">
          <FixButton action={`earlier:${index}`} label={`Start chapter ${n} earlier`}>earlier</FixButton>{' '}
          <FixButton action={`later:${index}`} label={`Start chapter ${n} later`}>later</FixButton>
        </span>
      </div>
      <p class="import-join">
        <FixButton action={`join:${index}`}>Join with chapter {index}</FixButton>
        <span class="hint"> when this is not really a new chapter</span>
      </p>
    </fieldset>
  );
}

/** What a paragraph of the chapter says, shortened; a scene break says so. */
function paragraphLines(html: string): string[] {
  return blocksOf(html).map((block) => {
    const text = htmlToText(block).replace(/\s+/g, ' ').trim();
    return text === '' ? '(scene break)' : leadingWords(text, PARAGRAPH_MAX);
  });
}

function Paragraphs({ html, index }: { html: string; index: number }) {
  const lines = paragraphLines(html);
  const n = index + 1;
  const last = lines.length - 1;
  return (
    <div class="import-paragraphs" id={`import-paragraphs-${n}`}>
      <h5>The paragraphs of chapter {n}</h5>
      <p class="hint">Make the paragraphs at the top into notes before the chapter, those at the bottom into notes after it, or start a new chapter at a paragraph. Every word stays; you can put notes back into the text.</p>
      <ol>
        {lines.map((line, p) => (
          <li key={p}>
            <p class="import-paragraph">{line}</p>
            <span class="import-paragraph-fixes">
              {p < last && <FixButton action={`notes:${index}:${p}`} label={`Make paragraphs 1 to ${p + 1} of chapter ${n} into notes before it`}>{p === 0 ? 'Note before the chapter' : 'Notes up to here'}</FixButton>}
              {p > 0 && <FixButton action={`endnotes:${index}:${p}`} label={`Make paragraphs ${p + 1} to ${last + 1} of chapter ${n} into notes after it`}>{p === last ? 'Note after the chapter' : 'End notes from here'}</FixButton>}
              {p > 0 && <FixButton action={`split:${index}:${p}`} label={`Start a new chapter at paragraph ${p + 1} of chapter ${n}`}>New chapter from here</FixButton>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One chapter of the preview; `showParagraphs` lists its paragraphs with their fixes. */
export function ImportChapterItem({ chapter, found, index, errors, by, showParagraphs = false }: {
  chapter: ImportedChapter; found: ImportSummary['chapters'][number]; index: number; errors: FieldErrors; by: string; showParagraphs?: boolean;
}) {
  const n = index + 1;
  const textError = errors[chapterField(index, 'text')];
  return (
    <li class="import-chapter" id={`import-chapter-${n}`}>
      <h4 class="import-chapter-heading">Chapter {n} <span class="import-words">{formatCount(found.words)} {found.words === 1 ? 'word' : 'words'}</span></h4>
      {chapter.heading !== '' && <p class="hint">Heading in the file: “{chapter.heading}”</p>}
      <TextField name={chapterField(index, 'title')} label="Chapter title" value={chapter.title} errors={errors} />
      <div class={textError !== undefined ? 'import-lines has-error' : 'import-lines'} id={fieldId(chapterField(index, 'text'))}>
        {textError !== undefined && <p class="field-error">{textError}</p>}
        <dl>
          <dt>Begins</dt><dd class="import-first-line">{found.firstLine}</dd>
          <dt>Ends</dt><dd class="import-last-line">{lastLine(chapter.html)}</dd>
        </dl>
      </div>
      {showParagraphs ? <Paragraphs html={chapter.html} index={index} /> : (
        <p class="import-show-paragraphs">
          <FixButton action={`paragraphs:${index}`}>Show the paragraphs</FixButton>
          <span class="hint"> to split chapter {n} or make paragraphs into notes</span>
        </p>
      )}
      <FoundNotes name={chapterField(index, 'notes')} heading="Chapter notes" html={chapter.notes} errors={errors}
        action={`text:${index}:notes`} button={`Move into the text: start of chapter ${n}`} />
      <FoundNotes name={chapterField(index, 'endNotes')} heading="Chapter end notes" html={chapter.endNotes} errors={errors}
        action={`text:${index}:end`} button={`Move into the text: end of chapter ${n}`} />
      {index > 0 && <Boundary index={index} errors={errors} by={by} />}
    </li>
  );
}
