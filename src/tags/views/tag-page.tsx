// A tag's page: its kind, canonical status, synonyms, parent fandoms, metatags, subtags and
// work count; wranglers also get the wrangling forms and the tag's history.
import type { TagRow, TagType } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { formatCount } from '../../lib/text.js';
import { ErrorSummary, MuteButton } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { TagPageData } from '../tag-page.service.js';
import { tagParam, tagWorksPath } from '../tag-url.js';
import { WranglingForms } from './wrangling-forms.js';

export const TYPE_LABELS: Record<TagType, string> = {
  rating: 'Rating', warning: 'Archive Warning', category: 'Category', fandom: 'Fandom',
  relationship: 'Relationship', character: 'Character', freeform: 'Additional Tags',
};

/** A titled list of tag links, or nothing when empty. */
export function TagList({ cls, heading, tags }: { cls: string; heading: string; tags: TagRow[] }) {
  if (tags.length === 0) return null;
  return (
    <div class={`${cls} listbox group`}>
      <h3 class="heading">{heading}</h3>
      <ul class="tags commas index group">
        {tags.map((t) => <li key={t.id}><a class="tag" href={`/tags/${tagParam(t.name)}`}>{t.name}</a></li>)}
      </ul>
    </div>
  );
}

function Status({ data }: { data: TagPageData }) {
  const { tag, mergedInto } = data;
  if (mergedInto !== null) {
    return <p>This tag has been made a synonym of <a class="tag" href={`/tags/${tagParam(mergedInto.name)}`}>{mergedInto.name}</a>. Its works are listed there.</p>;
  }
  const kind = tag.canonical === 1 ? 'It’s a canonical tag. You can use it to filter works.'
    : tag.unwrangleable === 1 ? 'It has been marked unwrangleable: it stays as the writers typed it.'
      : 'It has not been wrangled yet: it is not canonical and is not a synonym of a canonical tag.';
  return <p>This tag belongs to the {TYPE_LABELS[tag.type]} category. {kind}</p>;
}

type Props = { ctx: PageContext; data: TagPageData; workCount: number; errors: FieldErrors; values: Record<string, string> };

/** The tag page. */
export function TagPage({ ctx, data, workCount, errors, values }: Props) {
  const { tag } = data;
  return (
    <Layout ctx={ctx} title={tag.name} mainClass="tags-show">
      <div class="tag home profile">
        <h2 class="heading">{tag.name}</h2>
        <Status data={data} />
        {ctx.viewer.user !== null && <p class="tag-actions"><MuteButton ctx={ctx} kind="tag" name={data.mergedInto?.name ?? tag.name} /></p>}
        <p class="work-count"><a href={tagWorksPath(data.mergedInto?.name ?? tag.name)}>{formatCount(workCount)} {workCount === 1 ? 'work' : 'works'}</a> {data.mergedInto === null ? `${workCount === 1 ? 'carries' : 'carry'} this tag, its synonyms or its subtags.` : `in ${data.mergedInto.name}.`}</p>
        <TagList cls="parent fandom" heading="Fandoms:" tags={data.parents} />
        <TagList cls="meta" heading="Metatags (more general):" tags={data.metas} />
        <TagList cls="sub" heading="Subtags (more specific):" tags={data.subs} />
        <TagList cls="synonym" heading="Tags with the same meaning:" tags={data.synonyms} />
        <TagList cls="characters" heading="Characters:" tags={data.children.character ?? []} />
        <TagList cls="relationships" heading="Relationships:" tags={data.children.relationship ?? []} />
        <TagList cls="freeforms" heading="Additional tags:" tags={data.children.freeform ?? []} />
      </div>
      {data.changes !== null && (
        <section class="wrangling" aria-labelledby="wrangle-heading">
          <h3 id="wrangle-heading" class="heading">Wrangle this tag</h3>
          <ErrorSummary errors={errors} />
          <WranglingForms ctx={ctx} data={data} errors={errors} values={values} />
        </section>
      )}
    </Layout>
  );
}
