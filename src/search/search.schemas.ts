// JSON schema of the search API: what Fastify validates and what the OpenAPI document says.
import { bool, errors, int, list, nullable, object, pageQuery, str, type ApiRouteSchema } from '../http/api-schemas.js';
import { workSchema } from '../works/work.schemas.js';

/** The advanced search form's fields, AO3's names, each one more part of the query. */
const ADVANCED: Record<string, string> = {
  'work_search[query]': 'Words, in the query language.', 'work_search[title]': 'Words of the title.',
  'work_search[creators]': 'A creator\'s pseud or login.', 'work_search[fandom_names]': 'Fandoms, comma-separated.',
  'work_search[character_names]': 'Characters, comma-separated.', 'work_search[relationship_names]': 'Relationships, comma-separated.',
  'work_search[freeform_names]': 'Additional tags, comma-separated.', 'work_search[rating]': 'A rating\'s name.',
  'work_search[complete]': 'T for complete works, F for works in progress.', 'work_search[word_count]': 'A word count: 1000-5000, <1000 or >1000.',
  'work_search[language_id]': 'A language code.', 'work_search[sort_column]': 'A sort: best, revised_at, created_at, word_count, …',
};

const match = object({ html: str('The matching passage as HTML, matches in <mark>.'), url: nullable(str('The chapter it is in.')) }, { description: 'Where the story text matched.' });

export const searchSchema: ApiRouteSchema = {
  summary: 'Search works', tags: ['search'],
  description: 'Searches titles, tags, creators, summaries, notes and the story text, in the query language of the search page (docs/api.md), with what this reader may see.',
  querystring: object({
    q: str('The query, such as: lighthouse "kept the light" -angst fandom:"Original Work" words>1000 sort:hits. Without it, the advanced fields make the query.'),
    page: pageQuery,
    ...Object.fromEntries(Object.entries(ADVANCED).map(([name, description]) => [name, str(description)])),
  }, { optional: ['q', 'page', ...Object.keys(ADVANCED)] }),
  response: {
    200: object({
      query: str('The query as understood.'), problems: list(str(), 'What could not be understood, and was left out.'), sort: str(),
      total: int(), totalIsExact: bool('false past 2,000 matches, where counting stops.'), page: int(), pages: int(), capped: bool(),
      works: list({ ...workSchema, properties: { ...(workSchema.properties as object), match }, required: workSchema.required }),
    }),
    ...errors(400, 401),
  },
};
