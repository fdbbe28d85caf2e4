// The search query language: what each query means (words, operators, fields, filters), what a
// reader is told when part of it cannot be understood, and that the "searched for" line reads
// back as exactly the search that was run.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseQuery, type ParsedQuery, type QueryNode, type SearchSort, type TextField } from './query-parser.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString();
}

const word = (text: string, field: TextField | null = null): QueryNode => ({ kind: 'term', text, prefix: false, field });
const start = (text: string, field: TextField | null = null): QueryNode => ({ kind: 'term', text, prefix: true, field });
const phrase = (text: string, field: TextField | null = null): QueryNode => ({ kind: 'phrase', text, field });
const not = (node: QueryNode): QueryNode => ({ kind: 'not', node });
const and = (...nodes: QueryNode[]): QueryNode => ({ kind: 'and', nodes });
const or = (...nodes: QueryNode[]): QueryNode => ({ kind: 'or', nodes });
const words = (...texts: string[]): QueryNode => and(...texts.map((text) => word(text)));

type Filters = Omit<ParsedQuery, 'text' | 'problems' | 'understood'>;
const NO_FILTERS: Filters = {
  ratings: [], language: null, complete: null,
  words: { min: null, max: null }, chapters: { min: null, max: null }, kudos: { min: null, max: null }, comments: { min: null, max: null }, bookmarks: { min: null, max: null }, hits: { min: null, max: null },
  updated: { after: null, before: null }, posted: { after: null, before: null }, sort: null,
};
type Case = { q: string; text: QueryNode | null; understood: string; problems?: string[]; filters?: Partial<Filters> };

function filtersOf(parsed: ParsedQuery): Filters {
  const { text: _text, problems: _problems, understood: _understood, ...filters } = parsed;
  return filters;
}

const NO_FIELD = (name: string): string => `There is no field “${name}”; searched for the words instead`;
const OR_SIDES = '“OR” needs something on each side, so it was ignored';
const IN_OR = (raw: string): string => `“${raw}” was applied to the whole search, since a filter cannot be one side of an OR`;
const NOT_NUMBER = (raw: string): string => `“${raw}” is not a number`;
const FIFTY = 'Only the first 50 words and phrases were searched';

const WORDS_AND_OPERATORS: Case[] = [
  { q: '', text: null, understood: '' },
  { q: '   \n\t ', text: null, understood: '' },
  { q: 'lamp', text: word('lamp'), understood: 'lamp' },
  { q: 'Lamp  Storm', text: words('Lamp', 'Storm'), understood: 'Lamp Storm' },
  { q: 'lamp OR lantern', text: or(word('lamp'), word('lantern')), understood: 'lamp OR lantern' },
  { q: 'a b OR c', text: or(words('a', 'b'), word('c')), understood: '(a b) OR c' },
  { q: 'a OR b c', text: or(word('a'), words('b', 'c')), understood: 'a OR (b c)' },
  { q: 'a OR b OR c', text: or(word('a'), word('b'), word('c')), understood: 'a OR b OR c' },
  { q: 'a AND b', text: words('a', 'b'), understood: 'a b' },
  { q: 'a or b and c', text: words('a', 'or', 'b', 'and', 'c'), understood: 'a or b and c' },
  { q: '(a OR b) c', text: and(or(word('a'), word('b')), word('c')), understood: '(a OR b) c' },
  { q: 'a (b (c OR d))', text: and(word('a'), word('b'), or(word('c'), word('d'))), understood: 'a b (c OR d)' },
  { q: '(a b) OR (c d)', text: or(words('a', 'b'), words('c', 'd')), understood: '(a b) OR (c d)' },
  { q: '-angst', text: not(word('angst')), understood: '-angst' },
  { q: 'NOT angst', text: not(word('angst')), understood: '-angst' },
  { q: 'fluff -angst NOT "major character death"', text: and(word('fluff'), not(word('angst')), not(phrase('major character death'))), understood: 'fluff -angst -"major character death"' },
  { q: 'NOT (a OR b)', text: not(or(word('a'), word('b'))), understood: '-(a OR b)' },
  { q: '-(a b)', text: not(words('a', 'b')), understood: '-(a b)' },
  { q: '--lamp', text: word('lamp'), understood: 'lamp' },
  { q: 'NOT -lamp', text: word('lamp'), understood: 'lamp' },
  { q: '-a -b', text: and(not(word('a')), not(word('b'))), understood: '-a -b' },
  { q: '"an   exact\nphrase"', text: phrase('an exact phrase'), understood: '"an exact phrase"' },
  { q: '"lamp"', text: phrase('lamp'), understood: '"lamp"' },
  { q: '"OR (this)"', text: phrase('OR (this)'), understood: '"OR (this)"' },
  { q: '-"a phrase"', text: not(phrase('a phrase')), understood: '-"a phrase"' },
  { q: 'lamp*', text: start('lamp'), understood: 'lamp*' },
  { q: 'la*', text: start('la'), understood: 'la*' },
  { q: 'lamp**', text: start('lamp'), understood: 'lamp*' },
  { q: 'l*', text: word('l'), understood: 'l', problems: ['“l*” is too short to search by its beginning, so “l” was searched for'] },
  { q: 'lamp*post', text: word('lamp*post'), understood: 'lamp*post' },
];

const FIELDS: Case[] = [
  { q: 'title:lamp', text: word('lamp', 'title'), understood: 'title:lamp' },
  { q: 'TITLE:Lamp', text: word('Lamp', 'title'), understood: 'title:Lamp' },
  { q: 'author:ink creator:quill', text: and(word('ink', 'creator'), word('quill', 'creator')), understood: 'creator:ink creator:quill' },
  { q: 'additional:fluff freeform:angst', text: and(word('fluff', 'freeform'), word('angst', 'freeform')), understood: 'freeform:fluff freeform:angst' },
  { q: 'summary:"lost at sea"', text: phrase('lost at sea', 'summary'), understood: 'summary:"lost at sea"' },
  { q: 'title:lamp*', text: start('lamp', 'title'), understood: 'title:lamp*' },
  { q: 'title:(lamp OR lantern)', text: or(word('lamp', 'title'), word('lantern', 'title')), understood: 'title:(lamp OR lantern)' },
  { q: 'title:(lamp -post)', text: and(word('lamp', 'title'), not(word('post', 'title'))), understood: 'title:lamp -title:post' },
  { q: 'title:(lamp summary:sea)', text: and(word('lamp', 'title'), word('sea', 'summary')), understood: 'title:lamp summary:sea' },
  { q: 'storm title:(lamp OR "old lantern")', text: and(word('storm'), or(word('lamp', 'title'), phrase('old lantern', 'title'))), understood: 'storm title:(lamp OR "old lantern")' },
  { q: 'title:(a OR b) OR c', text: or(word('a', 'title'), word('b', 'title'), word('c')), understood: 'title:a OR title:b OR c' },
  { q: '-title:(a OR b)', text: not(or(word('a', 'title'), word('b', 'title'))), understood: '-title:(a OR b)' },
  { q: 'title: lamp', text: word('lamp', 'title'), understood: 'title:lamp' },
  { q: 'title:-lamp', text: not(word('lamp', 'title')), understood: '-title:lamp' },
  { q: '-title:lamp', text: not(word('lamp', 'title')), understood: '-title:lamp' },
  { q: 'title:OR', text: word('or', 'title'), understood: 'title:or' },
  {
    q: 'tag:"Hurt/Comfort" fandom:Harbour character:Keeper relationship:"A/B" notes:thanks text:tide',
    text: and(phrase('Hurt/Comfort', 'tag'), word('Harbour', 'fandom'), word('Keeper', 'character'), phrase('A/B', 'relationship'), word('thanks', 'notes'), word('tide', 'text')),
    understood: 'tag:"Hurt/Comfort" fandom:Harbour character:Keeper relationship:"A/B" notes:thanks text:tide',
  },
  { q: 'title:', text: null, understood: '', problems: ['“title:” had nothing after it, so it was ignored'] },
  { q: 'title:lamp title:', text: word('lamp', 'title'), understood: 'title:lamp', problems: ['“title:” had nothing after it, so it was ignored'] },
  { q: 'title>lamp', text: null, understood: '', problems: ['“title>lamp” was ignored: write title: followed by the words to find'] },
  { q: 'foo:bar', text: words('foo', 'bar'), understood: 'foo bar', problems: [NO_FIELD('foo')] },
  { q: 'foo:"a b"', text: and(word('foo'), phrase('a b')), understood: 'foo "a b"', problems: [NO_FIELD('foo')] },
  { q: 'foo:bar:baz', text: words('foo', 'bar', 'baz'), understood: 'foo bar baz', problems: [NO_FIELD('foo'), NO_FIELD('bar')] },
  { q: 'OR:x', text: words('or', 'x'), understood: 'or x', problems: [NO_FIELD('OR')] },
  { q: 'https://example.com/a', text: word('https://example.com/a'), understood: 'https://example.com/a' },
  { q: 'at 12:30', text: words('at', '12:30'), understood: 'at 12:30' },
  { q: 'a>b', text: word('a>b'), understood: 'a>b' },
];

const TYPOGRAPHY: Case[] = [
  { q: '“lamp post”', text: phrase('lamp post'), understood: '"lamp post"' },
  { q: '„lamp post“', text: phrase('lamp post'), understood: '"lamp post"' },
  { q: '« lamp post »', text: phrase('lamp post'), understood: '"lamp post"' },
  { q: 'don’t ‘tis ʼokina', text: words("don't", "'tis", "'okina"), understood: "don't 'tis 'okina" },
  { q: '“don’t go”', text: phrase("don't go"), understood: '"don\'t go"' },
  { q: 'well-known', text: word('well-known'), understood: 'well-known' },
  { q: 'storm—gale', text: words('storm', 'gale'), understood: 'storm gale' },
  { q: 'storm – gale', text: words('storm', 'gale'), understood: 'storm gale' },
  { q: '"storm—gale"', text: phrase('storm gale'), understood: '"storm gale"' },
  { q: '−angst', text: not(word('angst')), understood: '-angst' },
  { q: 'lamp - post', text: words('lamp', 'post'), understood: 'lamp post' },
  { q: 'cafe\u0301 lamp\u00a0post', text: words('café', 'lamp', 'post'), understood: 'café lamp post' },
  { q: '灯台守の娘', text: word('灯台守の娘'), understood: '灯台守の娘' },
];

const FILTERS: Case[] = [
  { q: 'rating:teen', text: null, understood: 'rating:teen', filters: { ratings: ['Teen And Up Audiences'] } },
  { q: 'rating:Explicit rating:MATURE', text: null, understood: 'rating:mature rating:explicit', filters: { ratings: ['Mature', 'Explicit'] } },
  { q: 'rating:"teen and up  audiences"', text: null, understood: 'rating:teen', filters: { ratings: ['Teen And Up Audiences'] } },
  { q: 'rating:notrated rating:not-rated', text: null, understood: 'rating:notrated', filters: { ratings: ['Not Rated'] } },
  { q: '-rating:explicit', text: null, understood: '-rating:explicit', filters: { ratings: ['Not Rated', 'General Audiences', 'Teen And Up Audiences', 'Mature'] } },
  { q: 'NOT rating:general', text: null, understood: '-rating:general', filters: { ratings: ['Not Rated', 'Teen And Up Audiences', 'Mature', 'Explicit'] } },
  { q: 'rating:general rating:teen rating:mature', text: null, understood: '-rating:notrated -rating:explicit', filters: { ratings: ['General Audiences', 'Teen And Up Audiences', 'Mature'] } },
  { q: 'rating:teen rating:explicit -rating:explicit', text: null, understood: 'rating:teen', filters: { ratings: ['Teen And Up Audiences'] } },
  { q: 'rating:general rating:teen rating:mature rating:explicit rating:notrated', text: null, understood: '' },
  { q: 'rating:teen -rating:teen', text: null, understood: '', problems: ['The rating filters left no rating to search, so ratings were not filtered'] },
  { q: 'rating:gen', text: null, understood: '', problems: ['There is no rating “gen”; use general, teen, mature, explicit or notrated'] },
  {
    q: 'rating:(teen OR mature) lamp', text: word('lamp'), understood: 'lamp',
    problems: ['“rating:(…)” was ignored: rating: takes one value, not a group in brackets; several rating: terms find works with any of them'],
  },
  { q: 'language:en', text: null, understood: 'language:en', filters: { language: 'en' } },
  { q: 'LANGUAGE:pt-br', text: null, understood: 'language:pt-BR', filters: { language: 'pt-BR' } },
  { q: 'language:deutsch', text: null, understood: 'language:de', filters: { language: 'de' } },
  { q: 'language:espanol', text: null, understood: 'language:es', filters: { language: 'es' } },
  { q: 'language:"bahasa indonesia"', text: null, understood: 'language:id', filters: { language: 'id' } },
  { q: 'language:日本語', text: null, understood: 'language:ja', filters: { language: 'ja' } },
  { q: 'language:klingon', text: null, understood: '', problems: ['There is no language “klingon”; use a code such as fr or the language’s own name'] },
  { q: 'language:en language:fr', text: null, understood: 'language:en', filters: { language: 'en' }, problems: ['“language:fr” was ignored: a work has one language, and language:en came first'] },
  { q: 'language:en language:EN', text: null, understood: 'language:en', filters: { language: 'en' } },
  { q: '-language:en', text: null, understood: '', problems: ['“-language:en” was ignored: it cannot be excluded'] },
  { q: 'complete:true', text: null, understood: 'complete:true', filters: { complete: true } },
  { q: 'complete:NO', text: null, understood: 'complete:false', filters: { complete: false } },
  { q: '-complete:yes', text: null, understood: 'complete:false', filters: { complete: false } },
  { q: 'complete:maybe', text: null, understood: '', problems: ['“complete:maybe” was ignored: complete: takes true or false'] },
  { q: 'complete:true complete:false', text: null, understood: 'complete:true', filters: { complete: true }, problems: ['“complete:false” was ignored: it contradicts complete:true'] },
  { q: 'complete>true', text: null, understood: '', problems: ['“complete>true” was ignored: write complete: followed by a value'] },
  { q: 'words>1000', text: null, understood: 'words>1000', filters: { words: { min: 1001, max: null } } },
  { q: 'words>=1000', text: null, understood: 'words>=1000', filters: { words: { min: 1000, max: null } } },
  { q: 'words<500', text: null, understood: 'words<500', filters: { words: { min: null, max: 499 } } },
  { q: 'words<=500', text: null, understood: 'words<=500', filters: { words: { min: null, max: 500 } } },
  { q: 'words:1000-5000', text: null, understood: 'words:1000-5000', filters: { words: { min: 1000, max: 5000 } } },
  { q: 'words:5,000-1,000', text: null, understood: 'words:1000-5000', filters: { words: { min: 1000, max: 5000 } } },
  { q: 'words:1000', text: null, understood: 'words:1000', filters: { words: { min: 1000, max: 1000 } } },
  { q: 'words>1,000', text: null, understood: 'words>1000', filters: { words: { min: 1001, max: null } } },
  { q: 'Words> 1000', text: null, understood: 'words>1000', filters: { words: { min: 1001, max: null } } },
  { q: 'words>1000 words<5000', text: null, understood: 'words:1001-4999', filters: { words: { min: 1001, max: 4999 } } },
  { q: 'words>1000 words>2000 words>1500', text: null, understood: 'words>2000', filters: { words: { min: 2001, max: null } } },
  { q: '-words>1000', text: null, understood: 'words<=1000', filters: { words: { min: null, max: 1000 } } },
  { q: 'NOT words<500', text: null, understood: 'words>=500', filters: { words: { min: 500, max: null } } },
  { q: '-words:1000-5000', text: null, understood: '', problems: ['“-words:1000-5000” was ignored: it cannot be excluded'] },
  { q: 'words<0', text: null, understood: '', problems: ['“words<0” can match no work, so it was ignored'] },
  { q: 'words>5000 words<1000', text: null, understood: 'words>5000', filters: { words: { min: 5001, max: null } }, problems: ['“words<1000” was ignored: no work can also match words>5000'] },
  { q: 'words>abc', text: null, understood: '', problems: [NOT_NUMBER('abc')] },
  { q: 'words:1.5', text: null, understood: '', problems: [NOT_NUMBER('1.5')] },
  { q: 'words:1000-abc', text: null, understood: '', problems: [NOT_NUMBER('1000-abc')] },
  { q: 'words>99999999999', text: null, understood: '', problems: ['“99999999999” is too large a number'] },
  { q: 'lamp words>', text: word('lamp'), understood: 'lamp', problems: ['“words>” had nothing after it, so it was ignored'] },
  { q: 'chapters:1', text: null, understood: 'chapters:1', filters: { chapters: { min: 1, max: 1 } } },
  { q: 'chapters>1 words:100-200', text: null, understood: 'words:100-200 chapters>1', filters: { words: { min: 100, max: 200 }, chapters: { min: 2, max: null } } },
  { q: 'kudos>10', text: null, understood: 'kudos>10', filters: { kudos: { min: 11, max: null } } },
  { q: 'kudos:5-20 words>100', text: null, understood: 'words>100 kudos:5-20', filters: { words: { min: 101, max: null }, kudos: { min: 5, max: 20 } } },
  { q: 'hits:5', text: null, understood: 'hits:5', filters: { hits: { min: 5, max: 5 } } },
  { q: 'comments<3 bookmarks>=1', text: null, understood: 'comments<3 bookmarks>=1', filters: { comments: { min: null, max: 2 }, bookmarks: { min: 1, max: null } } },
  { q: 'updated<7 days', text: null, understood: 'updated<7 days', filters: { updated: { after: ago(7 * DAY), before: null } } },
  { q: 'updated>2 years', text: null, understood: 'updated>2 years', filters: { updated: { after: null, before: ago(730 * DAY) } } },
  { q: 'posted<1 week', text: null, understood: 'posted<1 week', filters: { posted: { after: ago(7 * DAY), before: null } } },
  { q: 'posted<3 HOURS', text: null, understood: 'posted<3 hours', filters: { posted: { after: ago(3 * HOUR), before: null } } },
  { q: 'updated<1 month', text: null, understood: 'updated<1 month', filters: { updated: { after: ago(30 * DAY), before: null } } },
  { q: 'updated<7days', text: null, understood: 'updated<7 days', filters: { updated: { after: ago(7 * DAY), before: null } } },
  { q: 'updated<1 days', text: null, understood: 'updated<1 day', filters: { updated: { after: ago(DAY), before: null } } },
  { q: 'updated<=7 days', text: null, understood: 'updated<7 days', filters: { updated: { after: ago(7 * DAY), before: null } } },
  { q: 'updated<7 days updated<2 days', text: null, understood: 'updated<2 days', filters: { updated: { after: ago(2 * DAY), before: null } } },
  { q: 'updated<30 days updated>7 days', text: null, understood: 'updated<30 days updated>7 days', filters: { updated: { after: ago(30 * DAY), before: ago(7 * DAY) } } },
  { q: '-updated<7 days', text: null, understood: 'updated>7 days', filters: { updated: { after: null, before: ago(7 * DAY) } } },
  { q: 'updated<7 days updated>2 years', text: null, understood: 'updated<7 days', filters: { updated: { after: ago(7 * DAY), before: null } }, problems: ['“updated>2 years” was ignored: no work can also match updated<7 days'] },
  { q: 'updated<7', text: null, understood: '', problems: ['“updated<7” needs a unit: hours, days, weeks, months or years'] },
  { q: 'updated<7 fortnights', text: word('fortnights'), understood: 'fortnights', problems: ['“updated<7” needs a unit: hours, days, weeks, months or years'] },
  { q: 'updated<soon', text: null, understood: '', problems: ['“soon” is not a length of time such as 7 days'] },
  { q: 'updated:7 days', text: null, understood: '', problems: ['“updated:7 days” was ignored: write updated<7 days for the last 7 days, or updated>7 days for before then'] },
  { q: 'updated<300 years', text: null, understood: '', problems: ['“updated<300 years” reaches too far back; the limit is 200 years'] },
  { q: 'sort:words', text: null, understood: 'sort:words', filters: { sort: 'word_count' } },
  { q: 'sort:relevance', text: null, understood: 'sort:best', filters: { sort: 'best' } },
  { q: 'sort:Updated', text: null, understood: 'sort:updated', filters: { sort: 'revised_at' } },
  { q: 'sort:created_at', text: null, understood: 'sort:posted', filters: { sort: 'created_at' } },
  { q: 'sort:author', text: null, understood: 'sort:creator', filters: { sort: 'authors_to_sort_on' } },
  { q: 'sort:title_to_sort_on', text: null, understood: 'sort:title', filters: { sort: 'title_to_sort_on' } },
  { q: 'sort:kudos', text: null, understood: 'sort:kudos', filters: { sort: 'kudos_count' } },
  { q: 'sort:hits', text: null, understood: 'sort:hits', filters: { sort: 'hits' } },
  { q: 'sort:random', text: null, understood: '', problems: ['There is no sort “random”; use best, updated, posted, title, creator, words, kudos, comments, bookmarks or hits'] },
  { q: 'sort:title sort:words', text: null, understood: 'sort:title', filters: { sort: 'title_to_sort_on' }, problems: ['“sort:words” was ignored: only one sort can be used, and sort:title came first'] },
  { q: '-sort:title', text: null, understood: '', problems: ['“-sort:title” was ignored: it cannot be excluded'] },
];

const COMBINED: Case[] = [
  {
    q: 'title:lamp (storm OR gale) -angst words>1000 sort:words',
    text: and(word('lamp', 'title'), or(word('storm'), word('gale')), not(word('angst'))),
    understood: 'title:lamp (storm OR gale) -angst words>1000 sort:words',
    filters: { words: { min: 1001, max: null }, sort: 'word_count' },
  },
  {
    q: 'sort:posted complete:yes rating:teen lamp language:fr updated<2 weeks chapters<=3 storm',
    text: words('lamp', 'storm'),
    understood: 'lamp storm rating:teen language:fr complete:true chapters<=3 updated<2 weeks sort:posted',
    filters: { ratings: ['Teen And Up Audiences'], language: 'fr', complete: true, chapters: { min: null, max: 3 }, updated: { after: ago(14 * DAY), before: null }, sort: 'created_at' },
  },
  {
    q: 'lamp OR storm rating:teen', text: or(word('lamp'), word('storm')), understood: '(lamp OR storm) rating:teen',
    problems: [IN_OR('rating:teen')], filters: { ratings: ['Teen And Up Audiences'] },
  },
  { q: 'lamp OR rating:teen', text: word('lamp'), understood: 'lamp rating:teen', problems: [IN_OR('rating:teen')], filters: { ratings: ['Teen And Up Audiences'] } },
  { q: 'sort:title OR lamp', text: word('lamp'), understood: 'lamp sort:title', problems: [IN_OR('sort:title')], filters: { sort: 'title_to_sort_on' } },
  {
    q: 'a OR -rating:explicit', text: word('a'), understood: 'a -rating:explicit', problems: [IN_OR('-rating:explicit')],
    filters: { ratings: ['Not Rated', 'General Audiences', 'Teen And Up Audiences', 'Mature'] },
  },
  {
    q: '-(a OR rating:teen)', text: not(word('a')), understood: '-a',
    problems: ['“rating:teen” was ignored: filters apply to the whole search, so they cannot be excluded inside brackets'],
  },
  {
    q: '-(rating:teen lamp)', text: not(word('lamp')), understood: '-lamp',
    problems: ['“rating:teen” was ignored: filters apply to the whole search, so they cannot be excluded inside brackets'],
  },
  { q: '(rating:teen lamp) storm', text: words('lamp', 'storm'), understood: 'lamp storm rating:teen', filters: { ratings: ['Teen And Up Audiences'] } },
  { q: 'title:(rating:teen lamp)', text: word('lamp', 'title'), understood: 'title:lamp rating:teen', filters: { ratings: ['Teen And Up Audiences'] } },
  { q: 'title:lamp title:rating:teen', text: word('lamp', 'title'), understood: 'title:lamp rating:teen', filters: { ratings: ['Teen And Up Audiences'] } },
  { q: '-angst -rating:explicit', text: not(word('angst')), understood: '-angst -rating:explicit', filters: { ratings: ['Not Rated', 'General Audiences', 'Teen And Up Audiences', 'Mature'] } },
];

const GARBAGE: Case[] = [
  { q: '"lamp post', text: phrase('lamp post'), understood: '"lamp post"', problems: ['The closing quote was missing, so “lamp post” was searched as a phrase'] },
  { q: 'storm “lamp post', text: and(word('storm'), phrase('lamp post')), understood: 'storm "lamp post"', problems: ['The closing quote was missing, so “lamp post” was searched as a phrase'] },
  { q: 'lamp "', text: word('lamp'), understood: 'lamp', problems: ['A quote mark with nothing after it was ignored'] },
  { q: 'lamp ""', text: word('lamp'), understood: 'lamp', problems: ['Quotes with nothing to search for inside were ignored'] },
  { q: '()', text: null, understood: '', problems: ['Empty brackets “()” were ignored'] },
  { q: 'lamp () storm', text: words('lamp', 'storm'), understood: 'lamp storm', problems: ['Empty brackets “()” were ignored'] },
  { q: '(', text: null, understood: '', problems: ['An opening bracket with nothing after it was ignored'] },
  { q: '(a OR b', text: or(word('a'), word('b')), understood: 'a OR b', problems: ['A closing bracket was missing, so the brackets were closed at the end'] },
  { q: '((a (b', text: words('a', 'b'), understood: 'a b', problems: ['A closing bracket was missing, so the brackets were closed at the end'] },
  { q: 'a) b', text: words('a', 'b'), understood: 'a b', problems: ['A closing bracket without an opening one was ignored'] },
  { q: 'OR', text: null, understood: '', problems: [OR_SIDES] },
  { q: 'OR lamp', text: word('lamp'), understood: 'lamp', problems: [OR_SIDES] },
  { q: 'lamp OR', text: word('lamp'), understood: 'lamp', problems: [OR_SIDES] },
  { q: 'lamp OR OR storm', text: or(word('lamp'), word('storm')), understood: 'lamp OR storm', problems: [OR_SIDES] },
  { q: '(lamp OR) storm', text: words('lamp', 'storm'), understood: 'lamp storm', problems: [OR_SIDES] },
  { q: 'NOT', text: null, understood: '', problems: ['“NOT” had nothing after it, so it was ignored'] },
  { q: 'lamp NOT', text: word('lamp'), understood: 'lamp', problems: ['“NOT” had nothing after it, so it was ignored'] },
  { q: 'lamp NOT OR storm', text: or(word('lamp'), word('storm')), understood: 'lamp OR storm', problems: ['“NOT” had nothing after it, so it was ignored'] },
  { q: 'AND lamp', text: word('lamp'), understood: 'lamp', problems: ['“AND” needs something on each side, so it was ignored'] },
  { q: 'lamp AND', text: word('lamp'), understood: 'lamp', problems: ['“AND” needs something on each side, so it was ignored'] },
  { q: 'lamp || storm', text: words('lamp', 'storm'), understood: 'lamp storm', problems: ['“||” is not understood; write OR between two words to find either'] },
  { q: 'fluff & angst', text: words('fluff', 'angst'), understood: 'fluff angst' },
  { q: '-', text: null, understood: '', problems: ['Nothing in “-” could be searched for'] },
  { q: '*** !!! :-/', text: null, understood: '', problems: ['Nothing in “*** !!! :-/” could be searched for'] },
  { q: 'lamp '.repeat(300), text: and(...Array.from({ length: 50 }, () => word('lamp'))), understood: 'lamp '.repeat(50).trim(), problems: ['The search was too long, so only its first 1,000 characters were used', FIFTY] },
  {
    q: Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '), text: words(...Array.from({ length: 50 }, (_, i) => `w${i}`)),
    understood: Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '), problems: [FIFTY],
  },
];

const TABLE: [string, Case[]][] = [
  ['words and operators', WORDS_AND_OPERATORS], ['fields', FIELDS], ['typography', TYPOGRAPHY],
  ['filters', FILTERS], ['filters with words', COMBINED], ['what cannot be understood', GARBAGE],
];

describe.each(TABLE)('%s', (_name, cases) => {
  it.each(cases.map((c) => [c.q.length > 60 ? `${c.q.slice(0, 60)}…` : c.q, c] as const))('%s', (_q, c) => {
    const parsed = parseQuery(c.q, NOW);
    expect(parsed.text).toEqual(c.text);
    expect(parsed.understood).toBe(c.understood);
    expect(parsed.problems).toEqual(c.problems ?? []);
    expect(filtersOf(parsed)).toEqual({ ...NO_FILTERS, ...c.filters });
  });

  it.each(cases.map((c) => [c.q.length > 60 ? `${c.q.slice(0, 60)}…` : c.q, c] as const))('reads back the same: %s', (_q, c) => {
    expectReadsBack(c.q);
  });
});

// Parsing what `understood` says gives the same search, says nothing new, and says it the same way.
function expectReadsBack(query: string): void {
  const first = parseQuery(query, NOW);
  const again = parseQuery(first.understood, NOW);
  expect(again.problems, `${query} -> ${first.understood}`).toEqual([]);
  expect(again.text, `${query} -> ${first.understood}`).toEqual(first.text);
  expect(filtersOf(again), `${query} -> ${first.understood}`).toEqual(filtersOf(first));
  expect(again.understood).toBe(first.understood);
}

describe('dates', () => {
  it('counts back from the time given, with months of 30 days and years of 365', () => {
    const parsed = parseQuery('updated<1 week updated>36 hours posted<1 year posted>6 months', NOW);
    expect(parsed.updated).toEqual({ after: '2025-05-25T12:00:00.000Z', before: '2025-05-31T00:00:00.000Z' });
    expect(parsed.posted).toEqual({ after: '2024-06-01T12:00:00.000Z', before: '2024-12-03T12:00:00.000Z' });
    expect(parsed.problems).toEqual([]);
  });

  it('uses the current time when none is given', () => {
    const before = Date.now();
    const after = Date.parse(parseQuery('updated<1 hour').updated.after ?? '');
    expect(after).toBeGreaterThanOrEqual(before - HOUR);
    expect(after).toBeLessThanOrEqual(Date.now() - HOUR);
  });

  it('falls back to the current time rather than throwing on an invalid date', () => {
    expect(parseQuery('updated<1 day', new Date(Number.NaN)).updated.after).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
  });
});

describe('the exported types', () => {
  it('offer best match and exactly the listing sorts', () => {
    expectTypeOf<SearchSort>().toEqualTypeOf<'best' | 'revised_at' | 'created_at' | 'title_to_sort_on' | 'authors_to_sort_on' | 'word_count' | 'kudos_count' | 'comments_count' | 'bookmarks_count' | 'hits'>();
  });
});

// Random soups of the language's pieces, well-formed or not: parsing never throws, every tree
// is well formed, and what it says it searched for reads back as the same search.
describe('random queries', () => {
  const PIECES = [
    'lamp', 'Storm', 'gale', "don't", 'don’t', 'well-known', 'café', '灯台', 'x', 'a1', '12:30', 'la*', 'l*', 'lamp**', 'OR', 'OR', 'AND', 'NOT',
    'or', '-', '−', '--', '(', '(', ')', ')', '"', '“', '”', '«', '»', '*', '—', '–', '||', '&', ':', '>', '<', '/', 'title:', 'Title:', 'author:',
    'summary:', 'tag:', 'freeform:', 'foo:', 'http://a.b', 'rating:', 'rating:teen', 'rating:Explicit', 'rating:"mature"', 'teen', 'language:fr',
    'language:', 'Deutsch', 'complete:true', 'complete:no', 'complete:', 'words>1000', 'words<5000', 'words:10-20', 'words:', 'words>abc', 'words>',
    '1,000', 'chapters:1', 'chapters>', 'kudos>5', 'updated<7', 'updated>', 'posted<2', 'days', 'year', 'hours', 'sort:', 'sort:words',
    'sort:hits', 'sort:title', '\u00a0', '\n', "'", 'ʼ',
  ];

  function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function soup(next: () => number): string {
    const length = 1 + Math.floor(next() * 14);
    let text = '';
    for (let i = 0; i < length; i++) text += (next() < 0.7 ? ' ' : '') + (PIECES[Math.floor(next() * PIECES.length)] ?? '');
    return text;
  }

  function expectWellFormed(node: QueryNode): void {
    if (node.kind === 'phrase') {
      expect(node.text).toMatch(/[\p{L}\p{N}]/u);
      expect(node.text).toMatch(/^[^\s"]+( [^\s"]+)*$/u);
    } else if (node.kind === 'term') {
      expect(node.text).toMatch(/[\p{L}\p{N}]/u);
      expect(node.text).not.toMatch(/[\s"()*]$|^-|[\s"()]/u);
      if (node.prefix) expect(node.text.match(/[\p{L}\p{N}]/gu)?.length).toBeGreaterThanOrEqual(2);
    } else if (node.kind === 'not') {
      expect(node.node.kind).not.toBe('not');
      expectWellFormed(node.node);
    } else {
      expect(node.nodes.length).toBeGreaterThanOrEqual(2);
      for (const child of node.nodes) {
        expect(child.kind).not.toBe(node.kind);
        expectWellFormed(child);
      }
    }
  }

  // Mostly well-formed queries, so that deep groups, fields over groups and ORs are common.
  function sensible(next: () => number, depth: number): string {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const operand = (): string => {
      const roll = next();
      if (roll < 0.35 || depth > 3) return pick(['lamp', 'Storm', 'gale*', "don’t", 'well-known', '“lost at sea”', '"old lamp"', 'café', 'x']);
      if (roll < 0.5) return `${pick(['title:', 'creator:', 'tag:', 'summary:'])}${pick(['lamp', 'sea*', '"a b"'])}`;
      if (roll < 0.6) return `${pick(['title:', 'fandom:', ''])}(${sensible(next, depth + 1)})`;
      if (roll < 0.7) return `${pick(['-', 'NOT ', '−'])}${operand()}`;
      return pick(['rating:teen', '-rating:explicit', 'language:fr', 'complete:no', 'words>1000', 'words:10-20000', '-chapters>3', 'updated<2 weeks', 'posted>1 year', 'sort:title']);
    };
    const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, operand);
    return parts.reduce((text, part) => `${text}${pick([' ', ' ', ' OR ', ' AND '])}${part}`);
  }

  it('never throw, build well-formed trees, and read back as the same search (4,000 soups, 2,000 sensible queries)', () => {
    const next = random(20250601);
    const queries = [
      ...Array.from({ length: 4000 }, () => soup(next)),
      ...Array.from({ length: 2000 }, () => sensible(next, 0)),
    ];
    for (const query of queries) {
      const parsed = parseQuery(query, NOW);
      if (parsed.text) expectWellFormed(parsed.text);
      if (query.trim() !== '' && parsed.understood === '') expect(parsed.problems.length, query).toBeGreaterThan(0);
      expectReadsBack(query);
    }
  });
});
