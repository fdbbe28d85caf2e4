// JSON schema of tag autocomplete: what Fastify validates and what the OpenAPI document says.
import { bool, errors, list, object, str, type ApiRouteSchema } from '../http/api-schemas.js';
import { SUGGESTED_TYPES, SUGGESTIONS_MAX, TERM_MAX_CHARS, TERM_MAX_WORDS } from './autocomplete.service.js';

export const autocompleteSchema: ApiRouteSchema = {
  summary: 'Suggest tags', tags: ['tags'],
  description: `Up to ${SUGGESTIONS_MAX} existing tags whose words start with the words typed (canonical tags first), among the tags this reader may see.`,
  querystring: object({
    term: str(`What was typed: at most ${TERM_MAX_CHARS} characters (a whole tag name); its first ${TERM_MAX_WORDS} words are matched.`),
    type: { type: 'string', enum: [...SUGGESTED_TYPES], description: 'Only tags of this type; all four when left out.' },
  }, { optional: ['term', 'type'] }),
  response: {
    200: object({
      tags: list(object({
        name: str(), type: { type: 'string', enum: [...SUGGESTED_TYPES] }, canonical: bool(),
        synonymOf: str('For a synonym: the canonical tag it stands for.'),
      }, { optional: ['synonymOf'] })),
    }),
    ...errors(400, 401),
  },
};
