// The search page: one box, an advanced form, and ranked results with the matching passage.
import type { PageContext } from '../../http/context.js';
import { formatCount } from '../../lib/text.js';
import { RATINGS } from '../../tags/fixed-tags.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import { LANGUAGES } from '../../works/languages.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import { MutedLine } from '../../works/views/work-listing.js';
import type { ReadingChoices } from '../../access/viewer.js';
import { NO_MARKS, type ListingMarks } from '../../works/listing-marks.js';
import { chapterPath } from '../../works/work-paths.js';
import type { SearchResults } from '../search.service.js';
import type { AdvancedValues } from '../search-form.js';
import { passageFragment } from '../snippets.js';

const SORT_OPTIONS: Array<[string, string]> = [['', 'Best match'], ['revised_at', 'Date updated'], ['created_at', 'Date posted'], ['title_to_sort_on', 'Title'], ['authors_to_sort_on', 'Creator'], ['word_count', 'Word count']];

function Text({ name, label, value, suggest, hint }: { name: string; label: string; value: string; suggest?: string; hint?: string }) {
  const id = `search-${name.replace(/[^a-z_]/gi, '-')}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint !== undefined && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <input id={id} type="text" name={name} value={value} data-suggest={suggest} autocomplete={suggest !== undefined ? 'off' : undefined} aria-describedby={hint !== undefined ? `${id}-hint` : undefined} />
    </div>
  );
}

function Choice({ name, label, value, options }: { name: string; label: string; value: string; options: Array<readonly [string, string]> }) {
  const id = `search-${name.replace(/[^a-z_]/gi, '-')}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>{options.map(([v, l]) => <option key={v} value={v} selected={v === value}>{l}</option>)}</select>
    </div>
  );
}

function SearchForm({ values }: { values: AdvancedValues }) {
  const advanced = Object.entries(values).some(([k, v]) => k !== 'query' && v !== '');
  return (
    <form method="get" action="/works/search" class="search-form" role="search">
      <div class="search-box">
        <label for="search-query">Search works</label>
        <input id="search-query" type="search" name="work_search[query]" value={values.query} aria-describedby="search-help" />
        <button type="submit" class="primary">Search</button>
      </div>
      <p class="hint" id="search-help">Words are all required; use <code>OR</code>, <code>"a phrase"</code>, <code>-leave out</code>, <code>word*</code>, fields like <code>title:</code> <code>text:</code> <code>fandom:"…"</code> <code>character:</code>, and <code>words&gt;1000</code>, <code>kudos&gt;10</code>, <code>bookmarks&gt;5</code>, <code>complete:true</code>, <code>updated&lt;7 days</code>, <code>sort:words</code>, <code>sort:kudos</code>.</p>
      <details open={advanced}>
        <summary>More search fields</summary>
        <div class="search-grid">
          <Text name="work_search[title]" label="Title" value={values.title} />
          <Text name="work_search[creators]" label="Creator" value={values.creators} />
          <Text name="work_search[fandom_names]" label="Fandoms" value={values.fandoms} suggest="fandom" />
          <Text name="work_search[character_names]" label="Characters" value={values.characters} suggest="character" />
          <Text name="work_search[relationship_names]" label="Relationships" value={values.relationships} suggest="relationship" />
          <Text name="work_search[freeform_names]" label="Additional tags" value={values.freeforms} suggest="freeform" />
          <Choice name="work_search[rating]" label="Rating" value={values.rating} options={[['', 'Any rating'], ...RATINGS.map((r) => [r, r] as const)]} />
          <Choice name="work_search[complete]" label="Completion" value={values.complete} options={[['', 'All works'], ['T', 'Complete only'], ['F', 'In progress only']]} />
          <Text name="work_search[word_count]" label="Word count" value={values.wordCount} hint="For example 1000-5000, >10000 or <500." />
          <Choice name="work_search[language_id]" label="Language" value={values.language} options={[['', 'Any language'], ...LANGUAGES]} />
          <Choice name="work_search[sort_column]" label="Sort by" value={values.sort} options={SORT_OPTIONS} />
        </div>
      </details>
    </form>
  );
}

function Results({ ctx, results, basePath, marks, reading }: { ctx: PageContext; results: SearchResults; basePath: string; marks: ListingMarks; reading: ReadingChoices }) {
  const { page, parsed, snippets } = results;
  return (
    <section aria-labelledby="results-heading">
      <h3 id="results-heading" class="heading">{results.capped ? 'More than ' : ''}{formatCount(page.total)} {page.total === 1 ? 'Work' : 'Works'} found</h3>
      {parsed.problems.length > 0 && (
        <div class="flash error search-problems" role="status">
          <ul>{parsed.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      {parsed.understood !== '' && <p class="searched-for">Searched for: <code>{parsed.understood}</code></p>}
      <MutedLine ctx={ctx} muted={page.muted} basePath={basePath} />
      {results.capped && <p class="hint">So many works match that the best matches are chosen among the newest {formatCount(page.total)}. Add words or filters to narrow the search.</p>}
      <ol class="work index group">
        {page.items.map((work) => {
          const snippet = snippets.get(work.id);
          return (
            <WorkBlurb key={work.id} work={work} reading={reading} marks={marks}>
              {snippet !== undefined && (
                <blockquote class="userstuff snippet">
                  <p dangerouslySetInnerHTML={{ __html: snippet.html }} />
                  {snippet.chapterId !== null && <p class="snippet-link"><a href={chapterPath(work.id, snippet.chapterId) + passageFragment(snippet.html)}>Read this passage in its chapter</a></p>}
                </blockquote>
              )}
            </WorkBlurb>
          );
        })}
      </ol>
      <Pagination page={page.page} pages={page.pages} basePath={basePath} />
    </section>
  );
}

/** The whole search page; `results` is null before anything is searched for. */
export function SearchPage({ ctx, values, results, basePath, marks = NO_MARKS }: {
  ctx: PageContext; values: AdvancedValues; results: SearchResults | null; basePath: string;
  /** What the blurbs show for this viewer beyond the works themselves. */
  marks?: ListingMarks;
}) {
  return (
    <Layout ctx={ctx} title={values.query !== '' ? `Search: ${values.query}` : 'Search works'} mainClass="works-search">
      <h2 class="heading">Search works</h2>
      <SearchForm values={values} />
      {results !== null && <Results ctx={ctx} results={results} basePath={basePath} marks={marks} reading={ctx.reading} />}
    </Layout>
  );
}
