// JSON schema of the series API: what Fastify validates and what the OpenAPI document says.
import { bool, errors, int, list, nullable, object, str, type ApiRouteSchema } from '../http/api-schemas.js';
import { workSchema } from '../works/work.schemas.js';

export const showSeriesSchema: ApiRouteSchema = {
  summary: 'Show a series', tags: ['series'],
  description: 'A series and its works in order, as this reader may see them: only the works they may read, numbered among themselves. 404 when they may see none of its works.',
  params: object({ id: str('The series\' id.') }),
  response: {
    200: object({
      id: int(), url: str('Its page on the archive.'), title: str(), summary: str('Sanitized HTML.'), notes: str('Sanitized HTML.'), complete: bool(),
      creators: list(object({ pseud: str(), login: nullable(str('null for "Anonymous".')) }), 'As its works show them.'),
      words: int('Words in the works shown.'), begun: nullable(str('YYYY-MM-DD')), updated: nullable(str('YYYY-MM-DD')),
      works: list(workSchema, 'In order; the first is part 1.'),
    }),
    ...errors(404),
  },
};
