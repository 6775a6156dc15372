import { type Kysely, sql } from 'kysely';

// Bulk results imports. A result is identified by its assessment and pupil, so that pair becomes the
// primary key and the surrogate uuid goes: one index to maintain instead of two roughly halves the
// cost of writing a million results. Import jobs gain the states of a long-running import: a job is
// 'running' while its transaction is open, and one found running at start-up was interrupted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table results drop constraint results_assessment_pupil_unique`.execute(db);
  await db.schema.alterTable('results').dropColumn('id').execute();
  await db.schema
    .alterTable('results')
    .addPrimaryKeyConstraint('results_pkey', ['assessment_id', 'pupil_id'])
    .execute();

  await sql`alter table import_jobs drop constraint import_jobs_status_check`.execute(db);
  await sql`alter table import_jobs add constraint import_jobs_status_check
    check (status in ('running','committed','rejected','validated','deleted','failed'))`.execute(db);
  await db.schema
    .alterTable('import_jobs')
    .addColumn('rows_skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('failure', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('import_jobs')
    .dropColumn('rows_skipped')
    .dropColumn('finished_at')
    .dropColumn('failure')
    .execute();
  await sql`alter table import_jobs drop constraint import_jobs_status_check`.execute(db);
  await sql`alter table import_jobs add constraint import_jobs_status_check
    check (status in ('committed','rejected','validated','deleted'))`.execute(db);
  await sql`alter table results drop constraint results_pkey`.execute(db);
  await sql`alter table results add column id uuid primary key default gen_random_uuid()`.execute(db);
  await sql`alter table results add constraint results_assessment_pupil_unique unique (assessment_id, pupil_id)`.execute(
    db,
  );
}
