// The search page and the search API: two thin front ends over search.service.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageContext } from '../http/context.js';
import { pageParam } from '../http/form-values.js';
import { heavy } from '../http/heavy-gate.js';
import { sendPage } from '../http/render.js';
import type { Query } from '../works/filter-params.js';
import { workJson } from '../works/work.api.js';
import { NO_MARKS } from '../works/listing-marks.js';
import { chapterPath } from '../works/work-paths.js';
import { advancedQuery, readAdvanced } from './search-form.js';
import { registerSearchThreads, runSearch } from './search-threads.js';
import { searchSchema } from './search.schemas.js';
import { SearchPage } from './views/search-page.js';

/** Routes for search. */
export function registerSearchRoutes(app: FastifyInstance): void {
  registerSearchThreads(app);
  app.get('/works/search', async (request, reply) => {
    const query = request.query as Query & { page?: string };
    const values = readAdvanced(query);
    const text = advancedQuery(values);
    const showMuted = (query as { show_muted?: string }).show_muted === '1';
    const page = async () => {
      const results = text === '' ? null : await runSearch(request, text, pageParam(query.page), { showMuted, passages: true, marks: true });
      return sendPage(reply, <SearchPage ctx={pageContext(request, reply)} values={values} results={results} basePath={request.url} marks={results?.marks ?? NO_MARKS} />);
    };
    // The empty form is no work at all; a search is heavy work (src/http/heavy-gate.ts).
    return text === '' ? page() : heavy(request, page);
  });

  app.get('/api/v1/search', { schema: searchSchema }, async (request: FastifyRequest) => {
    const query = request.query as Query & { page?: string; q?: string };
    const text = typeof query.q === 'string' ? query.q : advancedQuery(readAdvanced(query));
    const results = await heavy(request, () => runSearch(request, text, pageParam(query.page), { passages: true }));
    const base = request.server.config.baseUrl;
    return {
      query: results.parsed.understood, problems: results.parsed.problems, sort: results.sort,
      total: results.page.total, totalIsExact: !results.capped, page: results.page.page, pages: results.page.pages, capped: results.capped,
      works: results.page.items.map((work) => {
        const snippet = results.snippets.get(work.id);
        return {
          ...workJson(request, work),
          ...(snippet !== undefined ? { match: { html: snippet.html, url: snippet.chapterId === null ? null : `${base}${chapterPath(work.id, snippet.chapterId)}` } } : {}),
        };
      }),
    };
  });
}
