import { type Kysely, sql } from 'kysely';

// A cheaper results table for million-line imports. Every index and foreign key on `results` is
// maintained row by row as results are written, so:
// - the covering index the analysis reads use (0009) folds into the primary key, which has the same
//   leading column: one B-tree to maintain instead of two, and index-only scans still find value and
//   trust_id in it;
// - the foreign key to trusts goes: a result's trust is its assessment's (imports write the
//   assessment's trust), and deleting a trust already cascades through assessments and pupils;
// - each result records the import job that last wrote it, so deleting an import removes exactly its
//   rows. Nothing reads by job except that deletion, which may scan, so it has no index (and no
//   foreign key, which would cost a lookup per written row).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table results drop constraint results_pkey`.execute(db);
  await sql`alter table results add constraint results_pkey
    primary key (assessment_id, pupil_id) include (value, trust_id)`.execute(db);
  await sql`drop index results_assessment_cover_idx`.execute(db);
  await sql`alter table results drop constraint results_trust_id_fkey`.execute(db);
  await db.schema.alterTable('results').addColumn('import_job_id', 'uuid').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('results').dropColumn('import_job_id').execute();
  await sql`alter table results add constraint results_trust_id_fkey
    foreign key (trust_id) references trusts (id) on delete cascade`.execute(db);
  await sql`create index results_assessment_cover_idx on results (assessment_id) include (pupil_id, value, trust_id)`.execute(
    db,
  );
  await sql`alter table results drop constraint results_pkey`.execute(db);
  await sql`alter table results add constraint results_pkey primary key (assessment_id, pupil_id)`.execute(
    db,
  );
}
