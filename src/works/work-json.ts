// Reads the JSON body of POST /api/v1/works into the same WorkInput the form produces. The route's
// schema (work.schemas.ts) has already checked every type, so this only maps names.
import type { ChapterInput, TagField, WorkInput } from './work.validation.js';

/** A field that may be left out or sent as null, which means the same. */
type Maybe<T> = T | null | undefined;

export type ChapterBody = { title?: Maybe<string>; summary?: Maybe<string>; notes?: Maybe<string>; endNotes?: Maybe<string>; text?: Maybe<string> };

/** The work fields an API body may carry, as its schema allows them. */
export type WorkFieldsBody = {
  title?: Maybe<string>; summary?: Maybe<string>; notes?: Maybe<string>; endNotes?: Maybe<string>; rating?: Maybe<string>;
  warnings?: Maybe<string[]>; categories?: Maybe<string[]>; fandoms?: Maybe<TagField>; relationships?: Maybe<TagField>;
  characters?: Maybe<TagField>; freeforms?: Maybe<TagField>;
  language?: Maybe<string>; restricted?: Maybe<boolean>; commentPermission?: Maybe<string>; backdate?: Maybe<string>;
};

export type NewWorkBody = WorkFieldsBody & { expectedChapters?: number | null; draft?: Maybe<boolean>; chapters: ChapterBody[] };

function chapterOf(c: ChapterBody): ChapterInput {
  return { title: c.title ?? '', summary: c.summary ?? '', notes: c.notes ?? '', endNotes: c.endNotes ?? '', text: c.text ?? '' };
}

/** Absent means "as many as sent" (complete); null means unknown, shown as "?". */
function expected(body: NewWorkBody): string {
  if (body.expectedChapters === undefined) return String(body.chapters.length);
  return body.expectedChapters === null ? '?' : String(body.expectedChapters);
}

/** The work, its chapters and whether it is a draft, from a body its schema accepted. */
export function workInputFromJson(body: NewWorkBody): { input: WorkInput; chapters: ChapterInput[]; draft: boolean } {
  const [first, ...rest] = body.chapters.map(chapterOf);
  const input: WorkInput = {
    title: body.title ?? '', summary: body.summary ?? '', notes: body.notes ?? '', endNotes: body.endNotes ?? '',
    rating: body.rating ?? '', warnings: body.warnings ?? [], categories: body.categories ?? [],
    fandoms: body.fandoms ?? [], relationships: body.relationships ?? [], characters: body.characters ?? [], freeforms: body.freeforms ?? [],
    // An empty language or comment setting takes the default too, as the form's does.
    language: body.language || 'en', restricted: body.restricted ?? false, commentPermission: body.commentPermission || 'all',
    expectedChapters: expected(body), backdate: body.backdate ?? '', pseudIds: [], chapter: first ?? null,
  };
  return { input, chapters: rest, draft: body.draft ?? false };
}

/** Work fields that may be set on their own (an import's corrections to what its file gave). */
export type WorkFieldChoices = Partial<Pick<WorkInput, 'title' | 'rating' | 'language' | 'warnings' | 'categories' | 'fandoms' | 'relationships' | 'characters' | 'freeforms' | 'restricted'>>;

const CHOICES = ['title', 'rating', 'language', 'restricted', 'warnings', 'categories', 'fandoms', 'relationships', 'characters', 'freeforms'] as const;

/** The work fields present in a body (absent ones stay absent). */
export function workFieldsFromJson(body: WorkFieldsBody | undefined): WorkFieldChoices {
  if (body === undefined) return {};
  return Object.fromEntries(CHOICES.filter((name) => body[name] !== undefined && body[name] !== null).map((name) => [name, body[name]]));
}
