// The rules for a work's and a chapter's fields (DESIGN.md "Works"), with messages for each field.
import { invalid, type FieldErrors } from '../http/errors.js';
import { isCalendarDate, today } from '../lib/clock.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { htmlToText } from '../lib/word-count.js';
import { charLength, cleanLine, hasControlCharacters } from '../lib/text.js';
import { CATEGORIES, RATINGS, WARNINGS } from '../tags/fixed-tags.js';
import { splitTagField, tagListProblem, USER_TAGS_MAX } from '../tags/tag.validation.js';
import type { CommentPermission } from '../db/database.js';
import { isLanguage } from './languages.js';

/** Who may comment on a work: everyone, registered users only, or nobody. */
export const COMMENT_PERMISSIONS = ['all', 'registered', 'none'] as const;

export const LIMITS = { title: 255, summary: 1250, notes: 5000, chapterTitle: 255, textMin: 10, textMax: 510_000, expectedMax: 5000 } as const;

/** A chapter as typed in a form or sent to the API. */
export type ChapterInput = { title: string; summary: string; notes: string; endNotes: string; text: string };

export type TagField = string | string[];

/** A work as typed in a form or sent to the API, before validation. */
export type WorkInput = {
  title: string; summary: string; notes: string; endNotes: string;
  rating: string; warnings: string[]; categories: string[];
  /** comma-separated (forms) or a list (API) */
  fandoms: TagField; relationships: TagField; characters: TagField; freeforms: TagField;
  language: string; restricted: boolean; commentPermission: string;
  expectedChapters: string; backdate: string; pseudIds: number[];
  chapter: ChapterInput | null;
  /** A new work's collections, comma-separated names (checked by the collections domain when it is saved). */
  collections?: string;
  /** The prompt a new work fills (its id), from a prompt's "Fill this prompt". */
  promptId?: string;
  /** Who a new work is given to, comma-separated logins or names (checked by the gifts domain when it is saved). */
  gifts?: string;
};

export type CleanChapter = { title: string; summary: string; notes: string; endNotes: string; content: string };

export type CleanWork = {
  title: string; summary: string; notes: string; endNotes: string;
  rating: string; warnings: string[]; categories: string[];
  fandoms: string[]; relationships: string[]; characters: string[]; freeforms: string[];
  language: string; restricted: boolean; commentPermission: CommentPermission;
  expectedChapters: number | null; backdate: string | null; pseudIds: number[];
  chapter: CleanChapter | null;
};

/** Checks a plain or HTML field's typed length and characters; returns the message or null. */
function textProblem(label: string, value: string, max: number, required = false): string | null {
  if (required && value.trim() === '') return `${label} is required.`;
  if (hasControlCharacters(value)) return `${label} contains control characters; remove them and try again.`;
  const length = charLength(value.trim());
  if (length > max) return `${label} must be at most ${max.toLocaleString('en-US')} characters (it is ${length.toLocaleString('en-US')}).`;
  return null;
}

function set(fields: FieldErrors, name: string, problem: string | null): void {
  if (problem !== null) fields[name] = problem;
}

/** Sanitizes an HTML field, unless it is over its limit (its error is already recorded; no need to clean megabytes). */
function cleanHtml(value: string, max: number): string {
  return charLength(value) > max + 1000 ? '' : sanitizeHtml(value);
}

/** Validates and cleans a chapter; errors are keyed `${prefix}title`, `${prefix}text`, ... */
export function checkChapter(input: ChapterInput, fields: FieldErrors, prefix = 'chapter.'): CleanChapter {
  set(fields, `${prefix}title`, textProblem('Chapter title', input.title, LIMITS.chapterTitle));
  set(fields, `${prefix}summary`, textProblem('Chapter summary', input.summary, LIMITS.summary));
  set(fields, `${prefix}notes`, textProblem('Chapter notes', input.notes, LIMITS.notes));
  set(fields, `${prefix}endNotes`, textProblem('Chapter end notes', input.endNotes, LIMITS.notes));
  let textError = textProblem('Chapter text', input.text, LIMITS.textMax, true);
  if (textError === null && charLength(input.text.trim()) < LIMITS.textMin) textError = `Chapter text must be at least ${LIMITS.textMin} characters long.`;
  const content = textError === null ? sanitizeHtml(input.text) : '';
  if (textError === null && htmlToText(content).trim() === '') textError = 'Chapter text has no words once HTML that is not allowed is removed.';
  set(fields, `${prefix}text`, textError);
  return {
    title: cleanLine(input.title), summary: cleanHtml(input.summary, LIMITS.summary), notes: cleanHtml(input.notes, LIMITS.notes),
    endNotes: cleanHtml(input.endNotes, LIMITS.notes), content,
  };
}

function checkChoices(fields: FieldErrors, input: WorkInput): void {
  if (input.rating === '') fields.rating = 'Choose a rating.';
  else if (!(RATINGS as readonly string[]).includes(input.rating)) fields.rating = `"${input.rating}" is not a rating. Choose one of: ${RATINGS.join(', ')}.`;
  const badWarning = input.warnings.find((w) => !(WARNINGS as readonly string[]).includes(w));
  if (input.warnings.length === 0) fields.warnings = 'Choose at least one archive warning.';
  else if (badWarning !== undefined) fields.warnings = `"${badWarning}" is not an archive warning.`;
  const badCategory = input.categories.find((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (badCategory !== undefined) fields.categories = `"${badCategory}" is not a category.`;
  if (!isLanguage(input.language)) fields.language = 'Choose a language from the list.';
  if (!(COMMENT_PERMISSIONS as readonly string[]).includes(input.commentPermission)) fields.commentPermission = 'Choose who can comment.';
}

function checkTags(fields: FieldErrors, input: WorkInput): Pick<CleanWork, 'fandoms' | 'relationships' | 'characters' | 'freeforms'> {
  const tags = {
    fandoms: splitTagField(input.fandoms), relationships: splitTagField(input.relationships),
    characters: splitTagField(input.characters), freeforms: splitTagField(input.freeforms),
  };
  for (const [field, names] of Object.entries(tags)) set(fields, field, tagListProblem(names));
  if (tags.fandoms.length === 0 && !('fandoms' in fields)) fields.fandoms = 'Add at least one fandom.';
  const total = tags.fandoms.length + tags.relationships.length + tags.characters.length + tags.freeforms.length;
  if (total > USER_TAGS_MAX && !('freeforms' in fields)) fields.freeforms = `A work can have at most ${USER_TAGS_MAX} fandom, relationship, character and additional tags together; this one has ${total}.`;
  return tags;
}

function checkExpected(fields: FieldErrors, raw: string, postedChapters: number): number | null {
  const value = raw.trim();
  if (value === '' || value === '?') return null;
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > LIMITS.expectedMax) {
    fields.expectedChapters = `Expected chapters must be a whole number from 1 to ${LIMITS.expectedMax}, or ? when you don't know yet.`;
  } else if (n < postedChapters) {
    fields.expectedChapters = `This work already has ${postedChapters} posted chapters, so it can't expect fewer.`;
  }
  return Number.isInteger(n) ? n : null;
}

function checkBackdate(fields: FieldErrors, raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (!isCalendarDate(value)) fields.backdate = 'Enter the publication date as YYYY-MM-DD.';
  else if (value > today()) fields.backdate = 'The publication date cannot be in the future.';
  else if (value < '1900-01-01') fields.backdate = 'The publication date cannot be before 1900.';
  return value;
}

/** Validates a whole work; throws validation_failed with every field's message, or returns clean values. */
export function checkWork(input: WorkInput, postedChapters = 0): CleanWork {
  const fields: FieldErrors = {};
  set(fields, 'title', textProblem('Title', input.title, LIMITS.title, true));
  set(fields, 'summary', textProblem('Summary', input.summary, LIMITS.summary));
  set(fields, 'notes', textProblem('Notes', input.notes, LIMITS.notes));
  set(fields, 'endNotes', textProblem('End notes', input.endNotes, LIMITS.notes));
  checkChoices(fields, input);
  const tags = checkTags(fields, input);
  const expectedChapters = checkExpected(fields, input.expectedChapters, postedChapters);
  const backdate = checkBackdate(fields, input.backdate);
  const chapter = input.chapter ? checkChapter(input.chapter, fields) : null;
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return {
    title: cleanLine(input.title), summary: cleanHtml(input.summary, LIMITS.summary), notes: cleanHtml(input.notes, LIMITS.notes),
    endNotes: cleanHtml(input.endNotes, LIMITS.notes), rating: input.rating, warnings: [...new Set(input.warnings)],
    categories: [...new Set(input.categories)], ...tags, language: input.language, restricted: input.restricted,
    commentPermission: input.commentPermission as CommentPermission, expectedChapters, backdate, pseudIds: input.pseudIds, chapter,
  };
}
