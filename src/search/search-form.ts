// The advanced search form's fields (AO3's work_search[...] names) turned into query-language
// text, so the one parser applies everything and the page can show what was searched for.
import type { Query } from '../works/filter-params.js';
import { splitTagField } from '../tags/tag.validation.js';

export type AdvancedValues = {
  query: string; title: string; creators: string; fandoms: string; characters: string; relationships: string;
  freeforms: string; rating: string; complete: string; wordCount: string; language: string; sort: string;
};

function one(query: Query, name: string): string {
  const value = query[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** The form's values from a query string. */
export function readAdvanced(query: Query): AdvancedValues {
  return {
    query: one(query, 'work_search[query]'), title: one(query, 'work_search[title]'), creators: one(query, 'work_search[creators]'),
    fandoms: one(query, 'work_search[fandom_names]'), characters: one(query, 'work_search[character_names]'),
    relationships: one(query, 'work_search[relationship_names]'), freeforms: one(query, 'work_search[freeform_names]'),
    rating: one(query, 'work_search[rating]'), complete: one(query, 'work_search[complete]'), wordCount: one(query, 'work_search[word_count]'),
    language: one(query, 'work_search[language_id]'), sort: one(query, 'work_search[sort_column]'),
  };
}

function phrase(text: string): string {
  return `"${text.replace(/["“”]/g, '')}"`;
}

/** One query-language string carrying every field of the form. */
export function advancedQuery(v: AdvancedValues): string {
  const parts = [v.query];
  if (v.title !== '') parts.push(`title:${phrase(v.title)}`);
  if (v.creators !== '') parts.push(`creator:${phrase(v.creators)}`);
  for (const [field, text] of [['fandom', v.fandoms], ['character', v.characters], ['relationship', v.relationships], ['freeform', v.freeforms]] as const) {
    for (const name of splitTagField(text)) parts.push(`${field}:${phrase(name)}`);
  }
  if (v.rating !== '') parts.push(`rating:${phrase(v.rating)}`);
  if (v.complete === 'T' || v.complete === 'F') parts.push(`complete:${v.complete === 'T' ? 'true' : 'false'}`);
  if (v.wordCount !== '') parts.push(/^[<>]/.test(v.wordCount) ? `words${v.wordCount.replace(/\s+/g, '')}` : `words:${v.wordCount.replace(/\s+/g, '')}`);
  if (v.language !== '') parts.push(`language:${v.language}`);
  if (v.sort !== '') parts.push(`sort:${v.sort}`);
  return parts.filter((p) => p !== '').join(' ');
}
