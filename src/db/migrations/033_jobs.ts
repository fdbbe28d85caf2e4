// The job queue (docs/decisions/042-job-queue.md): one table every process shares, on SQLite and
// on PostgreSQL alike. A job waits as queued until its run_at, is taken by one worker under a lease
// (running), and ends done or, after its last attempt, failed with the error kept. A unique key,
// when given, holds only while the job is queued or running: a scheduled job is queued once however
// many processes schedule it. job_probes is where the operator's self-test (`bindery jobs
// enqueue-probe`) writes one row per probe run, so a duplicate run would show. Email still waiting
// in the outbox gets its job here, so an upgrade loses none. Frozen: never import app code here.
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose (STYLE.md) */
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = isPg ? 'serial' : 'integer';
  const key = (c: ColumnDefinitionBuilder) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema.createTable('jobs')
    .addColumn('id', id, key)
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON text
    .addColumn('payload', 'text', (c) => c.notNull())
    // queued | running | done | failed
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('unique_key', 'text')
    // The worker holding a running job, until lease_expires_at (renewed while it runs).
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema.createIndex('jobs_finished').on('jobs').columns(['state', 'finished_at']).execute();
  await db.schema.createIndex('jobs_unique_key').on('jobs').column('unique_key').unique()
    .where(sql.ref('state'), 'in', [sql.lit('queued'), sql.lit('running')]).execute();
  await db.schema.createTable('job_probes')
    .addColumn('id', id, key)
    .addColumn('job_id', 'integer', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into jobs (kind, payload, state, run_at, attempts, max_attempts, created_at)
    select 'mail.send', '{"outboxId":' || id || '}', 'queued', next_attempt_at, attempts, 8, created_at
    from mail_outbox where status = 'pending'`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('job_probes').execute();
  await db.schema.dropTable('jobs').execute();
}
