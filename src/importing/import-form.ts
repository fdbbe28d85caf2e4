// The preview form, both ways: the typed fields onto the stored draft, a fix button to a fix, and
// the works service's error keys to the preview's field names.
import type { FormBody } from '../http/body-parsers.js';
import type { FieldErrors } from '../http/errors.js';
import { field } from '../http/form-values.js';
import { workInputFromForm } from '../works/work-form-data.js';
import type { ImportDraft, ImportFix } from './import-draft.js';
import type { ImportChoices } from './import.service.js';

/** The form name of a chapter's field in the preview; the index is 0-based, as in the works service's errors. */
export function chapterField(index: number, name: string): string {
  return `chapters[${index}].${name}`;
}

/** The draft with what the writer typed: the work's fields and each chapter's title. */
export function draftFromForm(saved: ImportDraft, form: FormBody): ImportDraft {
  if (!('title' in form)) return saved;
  const input = workInputFromForm(form, false);
  const choices: ImportChoices = {
    title: input.title, rating: input.rating, warnings: input.warnings, categories: input.categories,
    fandoms: input.fandoms, relationships: input.relationships, characters: input.characters, freeforms: input.freeforms,
    language: input.language, restricted: input.restricted,
  };
  const chapters = saved.work.chapters.map((chapter, i) => {
    const name = chapterField(i, 'title');
    return name in form ? { ...chapter, title: field(form, name) } : chapter;
  });
  return { ...saved, choices, work: { ...saved.work, chapters } };
}

/** The fix a button asks for ("join:2", "earlier:2", "text:work:notes", "text:2:end", "split:2:14", "notes:0:1", "endnotes:3:40"), or null for none. */
export function fixOf(action: string, form: FormBody): ImportFix | null {
  const join = /^join:(\d{1,5})$/.exec(action);
  if (join) return { kind: 'join', chapter: Number(join[1]) };
  const move = /^(earlier|later):(\d{1,5})$/.exec(action);
  if (move) {
    const chapter = Number(move[2]);
    const raw = field(form, chapterField(chapter, 'by')).trim();
    const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
    return { kind: 'move', chapter, by: move[1] === 'earlier' ? -n : n };
  }
  const notes = /^text:(work|\d{1,5}):(notes|end)$/.exec(action);
  if (notes) return { kind: 'notes-to-text', chapter: notes[1] === 'work' ? null : Number(notes[1]), end: notes[2] === 'end' };
  const paragraph = /^(split|notes|endnotes):(\d{1,5}):(\d{1,6})$/.exec(action);
  if (paragraph) {
    const [, kind, chapter, at] = paragraph;
    if (kind === 'split') return { kind: 'split', chapter: Number(chapter), paragraph: Number(at) };
    return { kind: 'text-to-notes', chapter: Number(chapter), paragraph: Number(at), end: kind === 'endnotes' };
  }
  return null;
}

/** The chapter whose paragraphs a "Show paragraphs" button asks for ("paragraphs:2"), or null. */
export function paragraphsShown(action: string): number | null {
  const show = /^paragraphs:(\d{1,5})$/.exec(action);
  return show ? Number(show[1]) : null;
}

/** The works service names the first chapter's fields `chapter.*`; the preview names every chapter alike. */
export function workErrorsToFields(fields: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([name, message]) => [name.replace(/^chapter\./, 'chapters[0].'), message]));
}

/** What was typed in each chapter's "move by" box, to show again beside an error. */
export function movesOf(form: FormBody, chapters: number): Record<number, string> {
  const moves: Record<number, string> = {};
  for (let i = 1; i < chapters; i++) {
    const name = chapterField(i, 'by');
    if (name in form) moves[i] = field(form, name);
  }
  return moves;
}
