// The "Sort and filter" form beside every listing: a plain GET form with AO3's parameter names.
import type { ComponentChildren } from 'preact';
import type { FixedTag } from '../../tags/tag.service.js';
import { LANGUAGES } from '../languages.js';
import { FIXED_KINDS, readFilterValues, TAG_KINDS, type FilterValues, type TagKind } from '../filter-params.js';
import { SORTS, type SortKey } from '../work-filter.js';

export type FixedTagSets = Record<'rating' | 'warning' | 'category', FixedTag[]>;

const KIND_LABELS: Record<TagKind, string> = { fandom: 'Fandoms', relationship: 'Relationships', character: 'Characters', freeform: 'Additional tags' };
const FIXED_LABELS = { rating: 'Ratings', warning: 'Archive warnings', category: 'Categories' } as const;

function Checks({ prefix, kind, tags, checked }: { prefix: string; kind: keyof typeof FIXED_KINDS; tags: FixedTag[]; checked: number[] }) {
  return (
    <fieldset class="choices">
      <legend>{FIXED_LABELS[kind]}</legend>
      {tags.map((t) => (
        <label key={t.id} class="choice"><input type="checkbox" name={`${prefix}[${FIXED_KINDS[kind]}][]`} value={String(t.id)} checked={checked.includes(t.id)} /> {t.name}</label>
      ))}
    </fieldset>
  );
}

function NameField({ name, label, value, suggest }: { name: string; label: string; value: string; suggest?: string }) {
  const id = `filter-${name.replace(/[^a-z_]/gi, '-')}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="text" name={name} value={value} data-suggest={suggest} autocomplete={suggest !== undefined ? 'off' : undefined} />
    </div>
  );
}

function TagGroup({ mode, values, fixed }: { mode: 'include' | 'exclude'; values: FilterValues; fixed: FixedTagSets }) {
  const ids = mode === 'include' ? values.includeIds : values.excludeIds;
  const names = mode === 'include' ? values.includeNames : values.excludeNames;
  const prefix = `${mode}_work_search`;
  const namePrefix = mode === 'include' ? 'work_search' : 'exclude_work_search';
  const used = Object.values(ids).some((l) => l.length > 0) || Object.values(names).some((n) => n !== '');
  return (
    <details open={used}>
      <summary>{mode === 'include' ? 'Include' : 'Exclude'}</summary>
      {(['rating', 'warning', 'category'] as const).map((kind) => <Checks key={kind} prefix={prefix} kind={kind} tags={fixed[kind]} checked={ids[kind]} />)}
      {TAG_KINDS.map((kind) => <NameField key={kind} name={`${namePrefix}[${kind}_names]`} label={KIND_LABELS[kind]} value={names[kind]} suggest={kind} />)}
      <NameField name={mode === 'include' ? 'work_search[other_tag_names]' : 'work_search[excluded_tag_names]'} label="Other tags" value={mode === 'include' ? values.otherTags : values.excludedTags} />
    </details>
  );
}

function Radios({ name, legend, value, options }: { name: string; legend: string; value: string; options: Array<[string, string]> }) {
  return (
    <fieldset class="choices">
      <legend>{legend}</legend>
      {options.map(([v, label]) => <label key={v} class="choice"><input type="radio" name={name} value={v} checked={value === v} /> {label}</label>)}
    </fieldset>
  );
}

function MoreOptions({ values }: { values: FilterValues }) {
  const used = values.complete !== '' || values.crossover !== '' || values.wordsFrom !== '' || values.wordsTo !== '' || values.dateFrom !== '' || values.dateTo !== '' || values.language !== '';
  return (
    <details open={used}>
      <summary>More options</summary>
      <Radios name="work_search[crossover]" legend="Crossovers" value={values.crossover} options={[['', 'Include crossovers'], ['F', 'Exclude crossovers'], ['T', 'Only crossovers']]} />
      <Radios name="work_search[complete]" legend="Completion status" value={values.complete} options={[['', 'All works'], ['T', 'Complete works only'], ['F', 'Works in progress only']]} />
      <div class="field-pair">
        <NameField name="work_search[words_from]" label="Words from" value={values.wordsFrom} />
        <NameField name="work_search[words_to]" label="Words to" value={values.wordsTo} />
      </div>
      <div class="field-pair">
        <div class="field"><label for="filter-date-from">Updated from</label><input id="filter-date-from" type="date" name="work_search[date_from]" value={values.dateFrom} /></div>
        <div class="field"><label for="filter-date-to">Updated to</label><input id="filter-date-to" type="date" name="work_search[date_to]" value={values.dateTo} /></div>
      </div>
      <div class="field">
        <label for="filter-language">Language</label>
        <select id="filter-language" name="work_search[language_id]">
          <option value="">Any language</option>
          {LANGUAGES.map(([code, name]) => <option key={code} value={code} selected={values.language === code}>{name}</option>)}
        </select>
      </div>
    </details>
  );
}

/** A listing's own sort choices (bookmarks sort by when bookmarked, too), instead of the works'. */
export type SortChoices = { name: string; value: string; options: Array<[string, string]> };

const WORK_SORTS = (values: FilterValues): SortChoices => ({
  name: 'work_search[sort_column]', value: values.sort || 'revised_at',
  options: (Object.entries(SORTS) as Array<[SortKey, { label: string }]>).map(([key, s]) => [key, s.label]),
});

/**
 * The whole form; `action` is the listing's address without its query. On a phone it folds away
 * (bindery.js closes it there) unless a filter is in use. `children` are a listing's own fields.
 */
export function FilterForm({ action, values, fixed, sort = WORK_SORTS(values), inUse: ownInUse = false, children }: {
  action: string; values: FilterValues; fixed: FixedTagSets; sort?: SortChoices;
  /** The listing's own fields are in use. */
  inUse?: boolean; children?: ComponentChildren;
}) {
  const inUse = ownInUse || JSON.stringify(values) !== JSON.stringify(readFilterValues({}));
  return (
    <form method="get" action={action} class="filters" aria-labelledby="filters-heading">
      <details class="filters-fold" open data-fold-on-phone={inUse ? undefined : ''}>
      <summary><h3 id="filters-heading" class="heading">Sort and filter</h3></summary>
      <div class="field">
        <label for="filter-sort">Sort by</label>
        <select id="filter-sort" name={sort.name}>
          {sort.options.map(([key, label]) => <option key={key} value={key} selected={sort.value === key}>{label}</option>)}
        </select>
      </div>
      {children}
      <TagGroup mode="include" values={values} fixed={fixed} />
      <TagGroup mode="exclude" values={values} fixed={fixed} />
      <MoreOptions values={values} />
      <p class="form-actions"><button type="submit" class="primary">Sort and filter</button> <a href={action}>Clear filters</a></p>
      </details>
    </form>
  );
}
