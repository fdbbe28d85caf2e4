// Converts between the work form's fields and a WorkInput, both ways (the preview carries them as hidden fields).
import type { FormBody } from '../http/body-parsers.js';
import { checkbox, field, fieldList } from '../http/form-values.js';
import type { ChapterInput, TagField, WorkInput } from './work.validation.js';

/** Reads a chapter's fields; `prefix` is "chapter." inside the work form. */
export function chapterInputFromForm(form: FormBody, prefix = ''): ChapterInput {
  return {
    title: field(form, `${prefix}title`), summary: field(form, `${prefix}summary`), notes: field(form, `${prefix}notes`),
    endNotes: field(form, `${prefix}endNotes`), text: field(form, `${prefix}text`),
  };
}

/** Reads the work form; `withChapter` when the form carries the (first) chapter's text. */
export function workInputFromForm(form: FormBody, withChapter: boolean): WorkInput {
  return {
    title: field(form, 'title'), summary: field(form, 'summary'), notes: field(form, 'notes'), endNotes: field(form, 'endNotes'),
    rating: field(form, 'rating'), warnings: fieldList(form, 'warnings'), categories: fieldList(form, 'categories'),
    fandoms: field(form, 'fandoms'), relationships: field(form, 'relationships'), characters: field(form, 'characters'),
    freeforms: field(form, 'freeforms'), language: field(form, 'language') || 'en', restricted: checkbox(form, 'restricted'),
    commentPermission: field(form, 'commentPermission') || 'all', expectedChapters: field(form, 'expectedChapters'),
    backdate: field(form, 'backdate'), pseudIds: fieldList(form, 'pseuds').map(Number).filter(Number.isInteger),
    chapter: withChapter ? chapterInputFromForm(form, 'chapter.') : null, collections: field(form, 'collections'), promptId: field(form, 'prompt_id'), gifts: field(form, 'gifts'),
  };
}

/** A tag field as the text box shows it. */
export function joinTags(value: TagField): string {
  return typeof value === 'string' ? value : value.join(', ');
}

/** The form fields of a ChapterInput as name/value pairs, for hidden inputs; `prefix` as in chapterInputFromForm. */
export function chapterFormPairs(input: ChapterInput, prefix = ''): Array<[string, string]> {
  return Object.entries(input).map(([key, value]): [string, string] => [`${prefix}${key}`, value]);
}

/** The form fields of a WorkInput as name/value pairs, for hidden inputs. */
export function workFormPairs(input: WorkInput): Array<[string, string]> {
  const pairs: Array<[string, string]> = [
    ['title', input.title], ['summary', input.summary], ['notes', input.notes], ['endNotes', input.endNotes],
    ['rating', input.rating], ['fandoms', joinTags(input.fandoms)], ['relationships', joinTags(input.relationships)],
    ['characters', joinTags(input.characters)], ['freeforms', joinTags(input.freeforms)], ['language', input.language],
    ['commentPermission', input.commentPermission], ['expectedChapters', input.expectedChapters], ['backdate', input.backdate],
    ...input.warnings.map((w): [string, string] => ['warnings', w]),
    ...input.categories.map((c): [string, string] => ['categories', c]),
    ...input.pseudIds.map((id): [string, string] => ['pseuds', String(id)]),
  ];
  if (input.restricted) pairs.push(['restricted', '1']);
  if (input.collections !== undefined && input.collections !== '') pairs.push(['collections', input.collections]);
  if (input.promptId !== undefined && input.promptId !== '') pairs.push(['prompt_id', input.promptId]);
  if (input.gifts !== undefined && input.gifts !== '') pairs.push(['gifts', input.gifts]);
  if (input.chapter) pairs.push(...chapterFormPairs(input.chapter, 'chapter.'));
  return pairs;
}

/** An empty work form for "Post new work". */
export function blankWorkInput(): WorkInput {
  return {
    title: '', summary: '', notes: '', endNotes: '', rating: '', warnings: [], categories: [], fandoms: '', relationships: '',
    characters: '', freeforms: '', language: 'en', restricted: false, commentPermission: 'all', expectedChapters: '1', backdate: '',
    pseudIds: [], chapter: { title: '', summary: '', notes: '', endNotes: '', text: '' }, collections: '', gifts: '',
  };
}
