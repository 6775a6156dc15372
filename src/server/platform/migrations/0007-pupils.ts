import { type Kysely, sql } from 'kysely';

// Pupils with their characteristics, assessments and results: the base of the equity analysis.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pupils')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('upn', 'text')
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('M','F')`))
    .addColumn('year_group', 'text', (c) => c.notNull())
    .addColumn('disadvantaged', 'boolean', (c) => c.notNull())
    .addColumn('fsm', 'boolean', (c) => c.notNull())
    .addColumn('sen', 'text', (c) => c.notNull().check(sql`sen in ('N','K','E')`))
    .addColumn('eal', 'boolean', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('ks2_reading', 'double precision')
    .addColumn('ks2_maths', 'double precision')
    .addUniqueConstraint('pupils_trust_upn_unique', ['trust_id', 'upn'])
    .execute();
  await db.schema.createIndex('pupils_school_idx').on('pupils').columns(['trust_id', 'school_id']).execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('year_group', 'text', (c) => c.notNull())
    .addColumn('academic_year', 'text', (c) => c.notNull())
    .addColumn('collection_point', 'text', (c) => c.notNull())
    .addColumn('grade_set', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'date', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('results')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addUniqueConstraint('results_assessment_pupil_unique', ['assessment_id', 'pupil_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['results', 'assessments', 'pupils']) await db.schema.dropTable(t).execute();
}
