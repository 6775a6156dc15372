import { type Kysely, sql } from 'kysely';

// Analysis at trust scale: a covering index so pupil-level analysis (the gap index) reads an
// assessment's results without touching the table (one index only, as every index slows imports), and a summary of sufficient statistics (n, sum, sum of squares) per assessment x school x
// pupil characteristics, so trust-wide group means and gaps read thousands of rows, not millions.
// The summary is kept up to date by refreshResultSummaries (analysis.repository.ts): every path that
// writes results or changes pupils' characteristics or school must call it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index results_assessment_cover_idx on results (assessment_id) include (pupil_id, value, trust_id)`.execute(
    db,
  );
  // The gap index joins each pupil's mean result to their school and disadvantage: probing this
  // narrow index beats hashing the whole pupils table.
  await sql`create index pupils_analysis_cover_idx on pupils (id) include (trust_id, school_id, disadvantaged)`.execute(
    db,
  );
  await db.schema
    .createTable('result_summaries')
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('disadvantaged', 'boolean', (c) => c.notNull())
    .addColumn('sen', 'text', (c) => c.notNull())
    .addColumn('eal', 'boolean', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('total_squares', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_summaries_pkey', [
      'assessment_id',
      'school_id',
      'disadvantaged',
      'sen',
      'eal',
      'sex',
    ])
    .execute();
  await db.schema
    .createIndex('result_summaries_school_idx')
    .on('result_summaries')
    .columns(['trust_id', 'school_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('result_summaries').execute();
  await sql`drop index pupils_analysis_cover_idx`.execute(db);
  await sql`drop index results_assessment_cover_idx`.execute(db);
}
