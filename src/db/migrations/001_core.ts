// Accounts, sessions, tags, works and chapters. Frozen: never import app code here.
import { PostgresAdapter, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

const RATINGS = ['Not Rated', 'General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit'];
const WARNINGS = [
  'Creator Chose Not To Use Archive Warnings', 'No Archive Warnings Apply', 'Graphic Depictions Of Violence',
  'Major Character Death', 'Rape/Non-Con', 'Underage Sex',
];
const CATEGORIES = ['Gen', 'F/M', 'M/M', 'F/F', 'Multi', 'Other'];

function idType(db: AnyDb) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'serial' : 'integer';
}

function createIdTable(db: AnyDb, name: string) {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  return db.schema.createTable(name).addColumn('id', idType(db), (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()));
}

export async function up(db: AnyDb): Promise<void> {
  await createIdTable(db, 'users')
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('login_key', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await createIdTable(db, 'pseuds')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pseuds_user_name_unique', ['user_id', 'name_key'])
    .execute();

  await db.schema.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('remember', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await createIdTable(db, 'api_tokens')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema.createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();

  await createIdTable(db, 'tags')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('canonical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tags_type_idx').on('tags').columns(['type', 'name_key']).execute();

  await createIdTable(db, 'works')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment_permission', 'text', (c) => c.notNull().defaultTo('all'))
    .addColumn('expected_chapters', 'integer')
    .addColumn('posted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chapter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('backdated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', 'text')
    .addColumn('revised_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('works_listing_idx').on('works').columns(['posted', 'revised_at']).execute();

  await db.schema.createTable('work_creators')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.notNull().references('pseuds.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_creators_pk', ['work_id', 'pseud_id'])
    .execute();
  await db.schema.createIndex('work_creators_pseud_idx').on('work_creators').column('pseud_id').execute();

  await db.schema.createTable('work_tags')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('work_tags_pk', ['work_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('work_tags_tag_idx').on('work_tags').columns(['tag_id', 'work_id']).execute();

  await createIdTable(db, 'chapters')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chapters_work_idx').on('chapters').columns(['work_id', 'position']).execute();

  await seedFixedTags(db);
}

async function seedFixedTags(db: AnyDb): Promise<void> {
  const now = new Date().toISOString();
  const rows = [
    ...RATINGS.map((name) => ({ type: 'rating', name })),
    ...WARNINGS.map((name) => ({ type: 'warning', name })),
    ...CATEGORIES.map((name) => ({ type: 'category', name })),
  ].map((t) => ({ ...t, name_key: t.name.toLowerCase(), canonical: 1, created_at: now }));
  await db.insertInto('tags').values(rows).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['chapters', 'work_tags', 'work_creators', 'works', 'tags', 'rate_limits', 'api_tokens', 'sessions', 'pseuds', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
