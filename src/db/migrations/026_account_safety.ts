// Accounts that recover and resist guessing: confirmed addresses, one-time tokens sent by email
// (confirm, reset, change of address), log-in back-off, two-factor sign-in and the old login
// names that still lead to their member. Frozen: never import app code here.
import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('email_confirmed_at', 'text').execute();
  // Every account made before confirmation existed counts as confirmed.
  await db.updateTable('users').set({ email_confirmed_at: sql.ref('created_at') }).execute();
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
  // The last time step a code was accepted for: a code is good once.
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();

  await db.schema.createTable('account_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // confirm_email, reset_password, change_email, sign_in (password done, second factor owed)
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('account_tokens_user').on('account_tokens').columns(['user_id', 'purpose']).execute();

  await db.schema.createTable('recovery_codes')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();

  // Failed log-ins per account and per address, for back-off that grows with each failure.
  await db.schema.createTable('login_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_ms', 'bigint', (c) => c.notNull())
    .addColumn('locked_until_ms', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.createTable('login_renames')
    .addColumn('old_login_key', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('until', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['login_renames', 'login_failures', 'recovery_codes', 'account_tokens']) await db.schema.dropTable(table).execute();
  for (const column of ['totp_last_step', 'totp_enabled_at', 'totp_secret', 'email_confirmed_at']) await db.schema.alterTable('users').dropColumn(column).execute();
}
