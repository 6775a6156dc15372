import { type Kysely, sql } from 'kysely';

// The trust's academic calendar (years and terms), its data collection points and planned
// assessments, and trust-defined grade sets. Built-in grade sets live in code, not here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('academic_years')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('academic_years_trust_label_unique', ['trust_id', 'label'])
    .execute();

  await db.schema
    .createTable('terms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('academic_year_id', 'uuid', (c) =>
      c.notNull().references('academic_years.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`name in ('autumn','spring','summer')`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('half_term_starts_on', 'date')
    .addColumn('half_term_ends_on', 'date')
    .addUniqueConstraint('terms_year_name_unique', ['academic_year_id', 'name'])
    .execute();

  await db.schema
    .createTable('collection_points')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('academic_year_id', 'uuid', (c) =>
      c.notNull().references('academic_years.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('collect_on', 'date', (c) => c.notNull())
    .addColumn('year_groups', sql`text[]`, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('collection_points_year_idx')
    .on('collection_points')
    .columns(['trust_id', 'academic_year_id'])
    .execute();

  await db.schema
    .createTable('planned_assessments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('academic_year_id', 'uuid', (c) =>
      c.notNull().references('academic_years.id').onDelete('cascade'),
    )
    .addColumn('collection_point_id', 'uuid', (c) =>
      c.references('collection_points.id').onDelete('set null'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('year_group', 'text', (c) => c.notNull())
    .addColumn('assessment_type', 'text', (c) =>
      c.notNull().check(sql`assessment_type in ('test','teacher_assessment','mock','statutory')`),
    )
    .addColumn('planned_on', 'date', (c) => c.notNull())
    .addColumn('grade_set', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('planned_assessments_year_idx')
    .on('planned_assessments')
    .columns(['trust_id', 'academic_year_id'])
    .execute();

  // Imported assessments may say what kind they were and which planned assessment they fulfil.
  await db.schema
    .alterTable('assessments')
    .addColumn('assessment_type', 'text', (c) =>
      c.check(sql`assessment_type in ('test','teacher_assessment','mock','statutory')`),
    )
    .addColumn('planned_assessment_id', 'uuid', (c) =>
      c.references('planned_assessments.id').onDelete('set null'),
    )
    .execute();
  // The grade-set rules ask "do results use this set?" by key within a trust.
  await db.schema
    .createIndex('assessments_grade_set_idx')
    .on('assessments')
    .columns(['trust_id', 'grade_set'])
    .execute();

  await db.schema
    .createTable('grade_sets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scale', 'jsonb', (c) => c.notNull())
    .addColumn('non_results', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('grade_sets_trust_key_unique', ['trust_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('grade_sets').execute();
  await db.schema.dropIndex('assessments_grade_set_idx').execute();
  await db.schema.alterTable('assessments').dropColumn('planned_assessment_id').execute();
  await db.schema.alterTable('assessments').dropColumn('assessment_type').execute();
  for (const t of ['planned_assessments', 'collection_points', 'terms', 'academic_years'])
    await db.schema.dropTable(t).execute();
}
