// JSON schemas of the kudos API: what Fastify validates and what the OpenAPI document says.
import { bool, errors, int, list, object, str, workIdParams, type ApiRouteSchema } from '../http/api-schemas.js';

const givers = object({
  users: list(str('A login.'), 'The accounts that left kudos, newest first, 200 a page.'),
  members: int('Accounts that left kudos.'), guests: int('Guests (addresses) that left kudos.'),
  page: int(), pages: int(),
});

export const listKudosSchema: ApiRouteSchema = {
  summary: 'Who left kudos', tags: ['kudos'],
  description: 'The accounts that left kudos on a work this reader may see, and how many guests did.',
  params: workIdParams,
  querystring: object({ page: str('Which page, from 1 (200 names a page).') }, { optional: ['page'] }),
  response: { 200: givers, ...errors(401, 404) },
};

export const leaveKudosSchema: ApiRouteSchema = {
  summary: 'Leave kudos', tags: ['kudos'],
  description: 'Leaves kudos on a posted work as the token\'s account: once per account per work, never on one\'s own work. Needs a token.',
  params: workIdParams,
  response: {
    201: object({ kudos: object({ left: bool('true: this kudos was just left.'), count: int('The work\'s kudos now.') }) }, { description: 'Kudos left.' }),
    200: object({ kudos: object({ left: bool('false: this account had already left kudos.'), count: int() }) }, { description: 'Kudos had already been left: nothing changed.' }),
    ...errors(401, 403, 404),
  },
};
