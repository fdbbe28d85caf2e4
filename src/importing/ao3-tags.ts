// The tag list of an AO3 download (`<dl class="tags">`): dt labels, dd values, each tag a link.
import { elements, findAll, textOf, type Element } from './dom.js';
import type { ImportedTags } from './import.js';

type ListField = 'fandoms' | 'relationships' | 'characters' | 'freeforms' | 'warnings' | 'categories';

const LIST_FIELDS = new Map<string, ListField>([
  ['fandom', 'fandoms'], ['fandoms', 'fandoms'],
  ['relationship', 'relationships'], ['relationships', 'relationships'],
  ['character', 'characters'], ['characters', 'characters'],
  ['additional tags', 'freeforms'], ['freeform', 'freeforms'],
  ['archive warning', 'warnings'], ['archive warnings', 'warnings'], ['warning', 'warnings'], ['warnings', 'warnings'],
  ['category', 'categories'], ['categories', 'categories'],
]);

/** A dd's tags: its links' texts, or its text split at commas where the tags are not links. */
function values(dd: Element): string[] {
  const links = findAll(dd, (el) => el.tagName === 'a').map(textOf);
  const list = links.length > 0 ? links : textOf(dd).split(',');
  return list.map((value) => value.trim()).filter(Boolean);
}

/** Reads the tags of an AO3 download's `<dl class="tags">`. */
export function readAo3Tags(dl: Element | undefined): ImportedTags {
  const tags: ImportedTags = { fandoms: [], relationships: [], characters: [], freeforms: [], warnings: [], categories: [] };
  let label = '';
  for (const el of dl ? elements(dl) : []) {
    if (el.tagName === 'dt') label = textOf(el).replace(/:\s*$/, '').trim().toLowerCase();
    if (el.tagName !== 'dd') continue;
    const field = LIST_FIELDS.get(label);
    if (field) tags[field].push(...values(el));
    else if (label === 'rating') tags.rating = values(el)[0];
    else if (label === 'language') tags.language = textOf(el);
  }
  return tags;
}
