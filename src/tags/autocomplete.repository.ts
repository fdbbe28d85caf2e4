// All SQL for tag autocomplete: prefix ranges over tag_words.word and the suggestion order over
// tags, compared in byte order on both databases (indexes in migration 003).
import { PostgresAdapter, sql, type AliasedSelectQueryBuilder, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, TagRow, TagType } from '../db/database.js';
import type { Scope } from '../access/scope.js';
import { tagVisibleTo } from '../access/visibility.js';

/** A folded word the tag must have a word starting with, `atLeast` times (for terms like "h har"). */
export type WordPrefix = { prefix: string; atLeast: number };

export type SuggestionQuery = {
  /** Every prefix must match; the first one decides which tags count as "first word matches". */
  prefixes: WordPrefix[];
  types: readonly TagType[];
  limit: number;
  /** Who asks: only tag names they may see are suggested (src/access/visibility.ts). */
  scope: Scope;
};

/** A matching tag with its sort keys: tier 0 canonical, 1 synonym, 2 other; first_word 0 when its first word matches. */
export type SuggestionRow = {
  id: number; name: string; type: TagType; canonical: number; merger_id: number | null; synonym_of: string | null;
  tier: number; first_word: number; len: number; name_key: string;
};

// Characters a tag name may open with before its first word ("“Quoted” Title", "(Not) Dead", "#Tag").
const LEADING_PUNCTUATION = ' "\'“”‘’„«»‹›([¡¿!?.:;-‐–—_~#@&+/|$…';

/**
 * The smallest string greater than every string that starts with `prefix`: its last code point
 * plus one (skipping the surrogate block, which UTF-8 cannot hold). Null when nothing is greater.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = Array.from(prefix); // code points, not UTF-16 units: byte order is code point order
  while (points.length > 0) {
    const last = points.pop()?.codePointAt(0) ?? 0;
    if (last < 0x10ffff) return points.join('') + String.fromCodePoint(last + 1 === 0xd800 ? 0xe000 : last + 1);
  }
  return null;
}

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A text column compared in byte order: SQLite's default, COLLATE "C" on PostgreSQL. */
function bytewise(db: Db, expression: Expression<unknown> | RawBuilder<unknown>): RawBuilder<string> {
  return isPostgres(db) ? sql<string>`${expression} collate "C"` : sql<string>`${expression}`;
}

/** `expression` starts with `prefix`, as a range an index on the expression can serve. */
function startsWith(db: Db, expression: Expression<unknown> | RawBuilder<unknown>, prefix: string): RawBuilder<SqlBool> {
  const value = bytewise(db, expression);
  const upper = prefixUpperBound(prefix);
  return upper === null ? sql<SqlBool>`${value} >= ${prefix}` : sql<SqlBool>`(${value} >= ${prefix} and ${value} < ${upper})`;
}

/** How many words start with `prefix`, counting no further than `cap` (a cheap index range). */
export async function countWordsStartingWith(db: Db, prefix: string, cap: number): Promise<number> {
  const words = db.selectFrom('tag_words as d').select(sql`1`.as('one')).where(startsWith(db, sql.ref('d.word'), prefix)).limit(cap);
  const row = await db.selectFrom(words.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

// The sort keys, written exactly as migration 003's indexes have them so the databases can walk those.
const tierOf = (alias: string) => sql.raw<number>(`case when ${alias}.canonical = 1 then 0 when ${alias}.merger_id is not null then 1 else 2 end`);
const lengthOf = (alias: string) => sql.raw<number>(`length(${alias}.name)`);

function firstWordMatches(db: Db, prefix: string): RawBuilder<SqlBool> {
  return startsWith(db, sql`ltrim(${sql.ref('t.name_key')}, ${LEADING_PUNCTUATION})`, prefix);
}

/**
 * Every prefix has its `atLeast` words on the tag. `perTag` asks for a count per tag, which
 * PostgreSQL answers with one index probe per tag; EXISTS lets it join instead (for many tags),
 * and it would then read every word in the range, the very cost a walk of the order avoids.
 */
function hasAllWords(db: Db, prefixes: WordPrefix[], perTag: boolean): RawBuilder<SqlBool> {
  const tests = prefixes.map(({ prefix, atLeast }) => {
    const words = db.selectFrom('tag_words as w').where(sql<SqlBool>`w.tag_id = t.id`).where(startsWith(db, sql.ref('w.word'), prefix));
    return atLeast === 1 && !perTag
      ? sql<SqlBool>`exists ${words.select(sql`1`.as('one'))}`
      : sql<SqlBool>`${words.select((e) => e.fn.countAll<number>().as('n'))} >= ${atLeast}`;
  });
  return sql<SqlBool>`(${sql.join(tests, sql` and `)})`;
}

type TagSource = AliasedSelectQueryBuilder<TagRow, 't'>;

/**
 * The tags of `source` that match the query, with their synonym target's name and sort keys. A
 * walk of the order passes `firstWordTest`, tested before the words, and has its words counted per tag.
 */
function suggestionColumns(db: Db, source: TagSource, query: SuggestionQuery, firstWordTest: RawBuilder<SqlBool> | null) {
  const firstPrefix = query.prefixes[0]?.prefix ?? '';
  return db.selectFrom(source).leftJoin('tags as m', 'm.id', 't.merger_id')
    .select(['t.id', 't.name', 't.type', 't.canonical', 't.merger_id', 'm.name as synonym_of', 't.name_key'])
    .select([
      tierOf('t').as('tier'), lengthOf('t').as('len'),
      sql<number>`case when ${firstWordMatches(db, firstPrefix)} then 0 else 1 end`.as('first_word'),
    ])
    .where('t.type', 'in', query.types)
    .where(firstWordTest ?? sql<SqlBool>`1 = 1`)
    .where(hasAllWords(db, query.prefixes, firstWordTest !== null))
    .where(tagVisibleTo(query.scope, 't'));
}

/**
 * Every matching tag, found from the words starting with `driving` (the rarest prefix), sorted
 * and cut to the limit. Its cost grows with the number of such words. SQLite's CROSS JOIN keeps
 * the order of reading: words first, then their tags by id.
 */
export function findMatchingTags(db: Db, query: SuggestionQuery, driving: string): Promise<SuggestionRow[]> {
  const ids = db.selectFrom('tag_words as d').select('d.tag_id').distinct().where(startsWith(db, sql.ref('d.word'), driving));
  const source = db.selectFrom(ids.as('c')).crossJoin('tags as tg').selectAll('tg').where(sql<SqlBool>`tg.id = c.tag_id`);
  return suggestionColumns(db, source.as('t'), query, null)
    .orderBy(tierOf('t')).orderBy(sql`first_word`).orderBy(lengthOf('t')).orderBy(bytewise(db, sql.ref('t.name_key'))).orderBy('t.id')
    .limit(query.limit)
    .execute();
}

/**
 * The first matching tags in suggestion order among the first `window` tags of that order,
 * keeping only those whose first word matches (or only those whose first word does not). Its
 * cost grows with the window, not with the number of matches; the LIMIT inside keeps both
 * databases from planning it any other way.
 */
export function findMatchingTagsInOrder(db: Db, query: SuggestionQuery, firstWord: boolean, window: number): Promise<SuggestionRow[]> {
  const type = query.types.length === 1 ? query.types[0] : undefined;
  const source = db.selectFrom('tags as o').selectAll('o')
    .$if(type !== undefined, (q) => q.where('o.type', '=', type as TagType))
    .orderBy(tierOf('o')).orderBy(lengthOf('o')).orderBy(bytewise(db, sql.ref('o.name_key'))).orderBy('o.id')
    .limit(window);
  const firstPrefix = query.prefixes[0]?.prefix ?? '';
  const firstWordTest = firstWord ? firstWordMatches(db, firstPrefix) : sql<SqlBool>`not ${firstWordMatches(db, firstPrefix)}`;
  return suggestionColumns(db, source.as('t'), query, firstWordTest)
    .orderBy(tierOf('t')).orderBy(lengthOf('t')).orderBy(bytewise(db, sql.ref('t.name_key'))).orderBy('t.id')
    .limit(query.limit)
    .execute();
}
