// Reads the JSON body of POST /api/v1/works into the same WorkInput the form produces.
import { AppError } from '../http/errors.js';
import type { ChapterInput, WorkInput } from './work.validation.js';

type Json = Record<string, unknown>;

function badField(field: string, message: string): AppError {
  return new AppError('bad_request', message, { [field]: message });
}

function str(body: Json, name: string, path = name): string {
  const value = body[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw badField(path, `${path} must be a string.`);
  return value;
}

function strList(body: Json, name: string, path = name): string[] {
  const value = body[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw badField(path, `${path} must be an array of strings.`);
  return value as string[];
}

function bool(body: Json, name: string, path = name): boolean {
  const value = body[name];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw badField(path, `${path} must be true or false.`);
  return value;
}

/** Absent means "as many as sent" (complete); null means unknown, shown as "?". */
function expected(body: Json, sent: number): string {
  const value = body.expectedChapters;
  if (value === undefined) return String(sent);
  if (value === null) return '?';
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badField('expectedChapters', 'expectedChapters must be a whole number or null.');
  return String(value);
}

function chapterOf(value: unknown, index: number): ChapterInput {
  const path = `chapters[${index}]`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badField(path, `${path} must be an object.`);
  const c = value as Json;
  return { title: str(c, 'title', `${path}.title`), summary: str(c, 'summary', `${path}.summary`), notes: str(c, 'notes', `${path}.notes`), endNotes: str(c, 'endNotes', `${path}.endNotes`), text: str(c, 'text', `${path}.text`) };
}

/** Checks the body's shape (types; 400 when wrong) and returns the work, its chapters and whether it is a draft. */
export function workInputFromJson(raw: unknown): { input: WorkInput; chapters: ChapterInput[]; draft: boolean } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('bad_request', 'The body must be a JSON object describing the work.');
  const body = raw as Json;
  if (!Array.isArray(body.chapters) || body.chapters.length === 0) throw badField('chapters', 'chapters must be an array with at least one chapter.');
  if (body.chapters.length > 500) throw badField('chapters', 'At most 500 chapters can be sent at once.');
  const [first, ...rest] = body.chapters.map(chapterOf);
  const input: WorkInput = {
    title: str(body, 'title'), summary: str(body, 'summary'), notes: str(body, 'notes'), endNotes: str(body, 'endNotes'),
    rating: str(body, 'rating'), warnings: strList(body, 'warnings'), categories: strList(body, 'categories'),
    fandoms: strList(body, 'fandoms'), relationships: strList(body, 'relationships'), characters: strList(body, 'characters'),
    freeforms: strList(body, 'freeforms'), language: str(body, 'language') || 'en', restricted: bool(body, 'restricted'),
    commentPermission: str(body, 'commentPermission') || 'all', expectedChapters: expected(body, body.chapters.length), backdate: str(body, 'backdate'),
    pseudIds: [], chapter: first ?? null,
  };
  return { input, chapters: rest, draft: bool(body, 'draft') };
}

/** Work fields that may be set on their own (an import's corrections to what its file gave). */
export type WorkFieldChoices = Partial<Pick<WorkInput, 'title' | 'rating' | 'language' | 'warnings' | 'categories' | 'fandoms' | 'relationships' | 'characters' | 'freeforms' | 'restricted'>>;

const CHOICE_READERS = {
  title: str, rating: str, language: str, restricted: bool,
  warnings: strList, categories: strList, fandoms: strList, relationships: strList, characters: strList, freeforms: strList,
} as const;

/** The work fields present in a JSON object under `path` (absent ones stay absent), checked as POST /api/v1/works checks them. */
export function workFieldsFromJson(raw: unknown, path: string): WorkFieldChoices {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw badField(path, `${path} must be an object of work fields.`);
  const body = raw as Json;
  const present = Object.entries(CHOICE_READERS).filter(([name]) => body[name] !== undefined && body[name] !== null);
  return Object.fromEntries(present.map(([name, read]) => [name, read(body, name, `${path}.${name}`)]));
}
