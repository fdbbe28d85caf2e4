// Indexes for tag autocomplete (src/tags/autocomplete.repository.ts). Frozen.
//
// Autocomplete compares words and folded names in byte order: SQLite's BINARY, and COLLATE "C"
// on PostgreSQL, whose default collation follows the locale. PostgreSQL uses an index for such
// a comparison only when the index has the same collation, hence the explicit "C" there.
// - Prefix ranges on tag_words.word: on SQLite the primary key (word, tag_id) serves them; on
//   PostgreSQL it has the default collation, so a second index in "C" order is needed.
// - "Does this tag have a word starting with ...": (tag_id, word) answers from the index alone;
//   it replaces 002's tag_words_tag_idx (tag_id), which it covers.
// - Suggestion order (canonical, then synonyms, then the rest; shorter names first; then by
//   folded name), over all tags and within one type: for a term that matches thousands of
//   tags, walking the first rows of this order is cheaper than sorting every match.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

const TIER = sql.raw('(case when canonical = 1 then 0 when merger_id is not null then 1 else 2 end)');

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const bytewise = (column: string) => sql.raw(isPg ? `${column} collate "C"` : column);
  if (isPg) await sql`create index tag_words_prefix_idx on tag_words (${bytewise('word')}, tag_id)`.execute(db);
  await sql`create index tag_words_tag_word_idx on tag_words (tag_id, ${bytewise('word')})`.execute(db);
  await db.schema.dropIndex('tag_words_tag_idx').execute();
  await sql`create index tags_suggest_idx on tags (${TIER}, length(name), ${bytewise('name_key')}, id)`.execute(db);
  await sql`create index tags_suggest_type_idx on tags (type, ${TIER}, length(name), ${bytewise('name_key')}, id)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const index of ['tags_suggest_type_idx', 'tags_suggest_idx', 'tag_words_tag_word_idx']) await db.schema.dropIndex(index).execute();
  await db.schema.createIndex('tag_words_tag_idx').on('tag_words').column('tag_id').execute();
  if (isPg) await db.schema.dropIndex('tag_words_prefix_idx').execute();
}
