// Prompt meme pages at AO3's addresses: a collection's prompts (filtered by tags and by filled or
// not), posting a prompt, and one prompt with its claims and fills.
import type { CollectionRow } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { formatCount } from '../../lib/text.js';
import { ErrorSummary, Form, PostButton, SelectField, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import { storedHtml } from '../../works/views/userstuff.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import type { ShownWork } from '../../works/work.model.js';
import { PROMPT_LIMITS, type PromptFilter, type PromptInput, type PromptView } from '../prompt.service.js';

const collectionPath = (name: string) => `/collections/${encodeURIComponent(name)}`;

function Prompter({ prompt }: { prompt: PromptView }) {
  if (prompt.prompter === null) return <span class="anonymous">Anonymous</span>;
  return <a href={`/users/${encodeURIComponent(prompt.prompter)}`}>{prompt.prompter}{prompt.anonymous ? ' (shown to you; Anonymous to others)' : ''}</a>;
}

function PromptBlurb({ prompt }: { prompt: PromptView }) {
  return (
    <li class="prompt blurb group">
      <h4 class="heading"><a href={`/prompts/${prompt.id}`}>{prompt.title}</a> by <Prompter prompt={prompt} /></h4>
      <ul class="tags commas">{prompt.tags.map((t) => <li key={t}><span class="tag">{t}</span></li>)}</ul>
      <p class="stats">{prompt.filled ? `Filled (${prompt.fills})` : 'Unfilled'} · {prompt.claims.length === 1 ? '1 claim' : `${prompt.claims.length} claims`}</p>
    </li>
  );
}

const STATUS_OPTIONS: ReadonlyArray<readonly [string, string]> = [['any', 'Filled or not'], ['unfilled', 'Unfilled'], ['filled', 'Filled']];

/** A prompt meme's prompts, 20 a page, with the tag and filled filters. */
export function PromptsPage({ ctx, collection, prompts, total, page, pages, filter }: {
  ctx: PageContext; collection: CollectionRow; prompts: PromptView[]; total: number; page: number; pages: number; filter: PromptFilter;
}) {
  const base = `${collectionPath(collection.name)}/prompts?tags=${encodeURIComponent(filter.tags)}&status=${filter.status}`;
  return (
    <Layout ctx={ctx} title={`Prompts: ${collection.title}`} mainClass="prompts-index">
      <h2 class="heading">Prompts in <a href={collectionPath(collection.name)}>{collection.title}</a></h2>
      {ctx.viewer.user !== null && collection.closed === 0 && <ul class="navigation actions"><li><a href={`${collectionPath(collection.name)}/prompts/new`}>Post a prompt</a></li></ul>}
      <form method="get" action={`${collectionPath(collection.name)}/prompts`} class="prompt-filters">
        <TextField name="tags" label="With tags" value={filter.tags} errors={{}} hint="Comma-separated: prompts carrying all of them." />
        <SelectField name="status" label="Show" value={filter.status} errors={{}} options={STATUS_OPTIONS} />
        <p class="form-actions"><button type="submit">Filter</button></p>
      </form>
      <p class="listing-count">{total === 1 ? '1 Prompt' : `${formatCount(total)} Prompts`}</p>
      {prompts.length === 0 ? <p class="empty">No prompts match.</p> : <ol class="prompt index group">{prompts.map((p) => <PromptBlurb key={p.id} prompt={p} />)}</ol>}
      <Pagination page={page} pages={pages} basePath={base} />
    </Layout>
  );
}

/** Posting a prompt. */
export function NewPromptPage({ ctx, collection, values, errors }: { ctx: PageContext; collection: CollectionRow; values: PromptInput; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title={`New prompt: ${collection.title}`} mainClass="narrow">
      <h2 class="heading">Post a prompt to <a href={collectionPath(collection.name)}>{collection.title}</a></h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`${collectionPath(collection.name)}/prompts`}>
        <TextField name="title" label="Title" required value={values.title} errors={errors} maxLength={PROMPT_LIMITS.title} />
        <TextField name="tags" label="Tags" required value={values.tags} errors={errors} hint="Fandoms, characters, pairings, tropes: separate them with commas." />
        <TextArea name="description" label="Prompt" rows={6} value={values.description} errors={errors} hint={`What you would love to read, up to ${formatCount(PROMPT_LIMITS.description)} characters.`} />
        <label class="choice"><input type="checkbox" name="anonymous" value="1" checked={values.anonymous} /> Post anonymously (only the maintainers will know it was you)</label>
        <p class="form-actions"><button type="submit" class="primary">Post prompt</button></p>
      </Form>
    </Layout>
  );
}

/** One prompt: what it asks, who claimed it, and the works that fill it. */
export function PromptPage({ ctx, collection, prompt, fills, errors }: { ctx: PageContext; collection: CollectionRow; prompt: PromptView; fills: ShownWork[]; errors: FieldErrors }) {
  const member = ctx.viewer.user !== null;
  return (
    <Layout ctx={ctx} title={prompt.title} mainClass="prompt-show">
      <div class="prompt region">
        <h2 class="heading">{prompt.title}</h2>
        <p class="byline">Prompted by <Prompter prompt={prompt} /> in <a href={collectionPath(collection.name)}>{collection.title}</a> on {prompt.createdAt.slice(0, 10)}</p>
        <ul class="tags commas">{prompt.tags.map((t) => <li key={t}><span class="tag">{t}</span></li>)}</ul>
        {prompt.description !== '' && <blockquote class="userstuff" dangerouslySetInnerHTML={storedHtml(prompt.description)} />}
        <ErrorSummary errors={errors} />
        {member && (
          <ul class="navigation actions">
            <li>{prompt.mineClaimed ? <PostButton ctx={ctx} action={`/prompts/${prompt.id}/claims/delete`} label="Drop my claim" /> : <PostButton ctx={ctx} action={`/prompts/${prompt.id}/claims`} label="Claim" />}</li>
            <li><a href={`/works/new?prompt=${prompt.id}`}>Fill with a new work</a></li>
          </ul>
        )}
        {errors.claim !== undefined && <p class="field-error" id="field-claim-error">{errors.claim}</p>}
        <h3 class="heading">Claims</h3>
        {prompt.claims.length === 0 ? <p class="empty">Nobody has claimed this prompt yet.</p> : <ul class="claims">{prompt.claims.map((c) => <li key={c}>{c}</li>)}</ul>}
        <h3 class="heading">Fills</h3>
        {fills.length === 0 ? <p class="empty">{prompt.fills > 0 ? 'Its fills are not revealed yet.' : 'No works fill this prompt yet.'}</p> : <ol class="work index group">{fills.map((w) => <WorkBlurb key={w.id} work={w} reading={ctx.reading} />)}</ol>}
        {member && (
          <Form ctx={ctx} action={`/prompts/${prompt.id}/fills`} class="fill-existing">
            <TextField name="work" label="Or fill it with a work you already posted" value="" errors={errors} hint="The work’s address (…/works/123) or its number. It joins the collection." />
            <p class="form-actions"><button type="submit">Fill with this work</button></p>
          </Form>
        )}
      </div>
    </Layout>
  );
}
