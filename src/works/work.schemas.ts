// JSON schemas of the works API: what Fastify validates and what the OpenAPI document says.
import { bool, errors, int, list, nullable, object, orNull, pageQuery, str, workIdParams, type ApiRouteSchema, type JsonSchema } from '../http/api-schemas.js';
import { COMMENT_PERMISSIONS } from './work.validation.js';

const names = (what: string) => list(str(), what);
/** A free tag field: a list of names, or one string of names separated by commas (as the form takes them). */
const tagField = (what: string): JsonSchema => ({ type: ['array', 'string'], items: str(), description: `${what}: a list, or one comma-separated string.` });

/** A work as the API shows it (work.api.ts's workJson). */
export const workSchema = object({
  id: int(), url: str('Its page on the archive.'), title: str(),
  creators: list(object({ pseud: str(), login: nullable(str('null for "Anonymous" (a work in an anonymous collection).')), url: nullable(str('The pseud\'s page; null for "Anonymous".')) }), 'The creators\' pseuds, in byline order.'),
  summary: str('Sanitized HTML.'), notes: str('Sanitized HTML.'), endNotes: str('Sanitized HTML.'),
  rating: nullable(str()), warnings: names('Archive warnings.'), categories: names('Categories.'), fandoms: names('Fandoms.'),
  relationships: names('Relationships.'), characters: names('Characters.'), freeforms: names('Additional tags.'),
  language: str('A language code, such as en.'), restricted: bool('Only logged-in readers may see it.'),
  commentPermission: { type: 'string', enum: [...COMMENT_PERMISSIONS] }, draft: bool('Only its creators see a draft.'),
  words: int('Words in the posted chapters (for a draft\'s creator, in all of them).'),
  chapters: object({ posted: int(), expected: nullable(int('null while the total is unknown (3/?).')) }),
  complete: bool(),
  stats: object({ comments: int(), kudos: int(), bookmarks: int(), hits: int() }, { description: 'Counters.' }),
  publishedOn: nullable(str('YYYY-MM-DD')), updatedOn: nullable(str('YYYY-MM-DD')),
});

const chapterHeadFields = {
  position: int('1 for the first chapter this reader may read.'), id: int(), title: str(), draft: bool(),
  publishedOn: nullable(str('YYYY-MM-DD')), words: int(), url: str('Its page on the archive.'),
};

const workList = object({ works: list(workSchema), page: int(), pages: int(), total: int() });

export const listWorksSchema: ApiRouteSchema = {
  summary: 'List works', tags: ['works'],
  description: 'Works this reader may see, most recently updated first, 20 a page.',
  querystring: object({ page: pageQuery }, { optional: ['page'] }),
  response: { 200: workList, ...errors(400, 401) },
};

export const showWorkSchema: ApiRouteSchema = {
  summary: 'Show a work', tags: ['works'],
  description: 'One work with the list of chapters this reader may read. A guest asking for a registered-users-only work gets 401 login_required.',
  params: workIdParams,
  response: {
    200: {
      ...workSchema,
      properties: {
        ...(workSchema.properties as object), chapterList: list(object(chapterHeadFields)),
        series: list(object({ id: int(), title: str(), part: int('Its part among the works of the series this reader may read.'), url: str() }), 'The series the work is in.'),
      },
      required: [...(workSchema.required as string[]), 'chapterList', 'series'],
    },
    ...errors(401, 404),
  },
};

export const showChapterSchema: ApiRouteSchema = {
  summary: 'Read a chapter', tags: ['works'],
  description: 'One chapter, by its position among the chapters this reader may read, with its text as sanitized HTML.',
  params: object({ id: str('The work\'s id.'), position: str('The chapter\'s position, from 1.') }),
  response: { 200: object({ ...chapterHeadFields, summary: str(), notes: str(), endNotes: str(), text: str('Sanitized HTML.') }), ...errors(401, 404) },
};

const chapterInput: JsonSchema = object(orNull({
  title: str(), summary: str('HTML or plain text.'), notes: str('HTML or plain text.'), endNotes: str('HTML or plain text.'),
  text: str('The chapter\'s text: HTML or plain text (blank lines make paragraphs); sanitized on save.'),
}), { optional: ['title', 'summary', 'notes', 'endNotes', 'text'] });

/** The work form's fields as JSON; each may be left out. */
const WORK_FIELDS: Record<string, JsonSchema> = {
  title: str(), summary: str(), notes: str(), endNotes: str(), rating: str('One of the five ratings.'),
  warnings: names('At least one archive warning.'), categories: names('Categories.'), fandoms: tagField('At least one fandom'),
  relationships: tagField('Relationships'), characters: tagField('Characters'), freeforms: tagField('Additional tags'),
  language: str('A language code; en by default.'), restricted: bool('Only logged-in readers may see it.'),
  commentPermission: str('all, registered or none.'), backdate: str('YYYY-MM-DD, to publish it as of that day.'),
};

/** Work fields given on their own (an import's corrections to what its file gave). */
export const workFieldsSchema: JsonSchema = object(
  orNull(Object.fromEntries(['title', 'rating', 'language', 'restricted', 'warnings', 'categories', 'fandoms', 'relationships', 'characters', 'freeforms'].map((name) => [name, WORK_FIELDS[name] ?? {}]))),
  { optional: ['title', 'rating', 'language', 'restricted', 'warnings', 'categories', 'fandoms', 'relationships', 'characters', 'freeforms'], description: 'Work fields to set, each optional.' },
);

/** The body of POST /api/v1/works: the work form's fields as JSON. */
const newWork: JsonSchema = object({
  ...orNull({ ...WORK_FIELDS, draft: bool('Save as a draft only its creators see.') }),
  expectedChapters: { type: ['integer', 'null'], description: 'Absent: as many as sent (complete); null: unknown (3/?).' },
  chapters: { ...list(chapterInput, 'The chapters, in order.'), minItems: 1, maxItems: 500 },
}, { optional: ['title', 'summary', 'notes', 'endNotes', 'rating', 'warnings', 'categories', 'fandoms', 'relationships', 'characters', 'freeforms', 'language', 'restricted', 'commentPermission', 'expectedChapters', 'backdate', 'draft'] });

export const createWorkSchema: ApiRouteSchema = {
  summary: 'Post a work', tags: ['works'],
  description: 'Posts a work (or saves a draft) with all its chapters, in one go, checked by the same rules as the form. Needs a token.',
  body: newWork,
  response: { 201: object({ id: int(), url: str() }, { description: 'Posted; the Location header has its API address.' }), ...errors(400, 401, 413, 415, 422) },
};
